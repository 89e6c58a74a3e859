package br.com.regua.payment;

import br.com.regua.api.RuleViolationException;
import br.com.regua.debt.RegisterDebtRequest;
import br.com.regua.money.BrlAmount;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** {@code POST /api/debts/{debtId}/payments}: the payment gateway's notice. */
public record PaymentRequest(
    @NotBlank
        @Size(max = 64)
        @Pattern(regexp = RegisterDebtRequest.ID_PATTERN, message = RegisterDebtRequest.ID_MESSAGE)
        String paymentId,
    @NotNull @BrlAmount String amount,
    @NotNull OffsetDateTime paidAt) {

  /** What a sender's clock may be ahead of ours. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /**
   * A payment is reported once it is made: one dated later than now (give or take the senders'
   * clock skew) is a mistake to refuse, not a payment to apply (it would count in the KPIs and the
   * audit as made on a day that has not come).
   *
   * @throws RuleViolationException naming {@code paidAt}
   */
  public void checkMadeBy(Instant now) {
    if (paidAt.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
      throw new RuleViolationException(
          "paidAt", "is later than now (" + now + "): report a payment once it is made");
    }
  }
}
