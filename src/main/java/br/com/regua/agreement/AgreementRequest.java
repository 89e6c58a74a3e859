package br.com.regua.agreement;

import br.com.regua.debt.RegisterDebtRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code POST /api/debts/{debtId}/agreements}: the debtor accepts an offer of {@code GET
 * /api/debts/{debtId}/offers} ({@code offerId}), or an agent closed a deal within the strategy's
 * limits ({@code deal}); exactly one of the two. {@code joinDebtIds} joins other open debts of the
 * same debtor in the one agreement (the offer must have been asked with the same {@code join}).
 *
 * @param installments the first régua's bare installment count: no longer an agreement by itself,
 *     refused with a 400 that says what to send instead
 * @param signedAt when the debtor signed; the time of the request when absent
 */
public record AgreementRequest(
    @NotBlank
        @Size(max = 64)
        @Pattern(regexp = RegisterDebtRequest.ID_PATTERN, message = RegisterDebtRequest.ID_MESSAGE)
        String agreementId,
    @Size(max = 64) String offerId,
    @Valid Deal deal,
    @Size(max = 20)
        List<
                @NotBlank @Size(max = 64)
                @Pattern(
                    regexp = RegisterDebtRequest.ID_PATTERN,
                    message = RegisterDebtRequest.ID_MESSAGE)
                String>
            joinDebtIds,
    Integer installments,
    OffsetDateTime signedAt) {

  public AgreementRequest {
    joinDebtIds = joinDebtIds == null ? List.of() : List.copyOf(joinDebtIds);
  }

  /**
   * An agent's deal: installments, the discount on the updated amount and the first due date;
   * checked against the strategy's limits (422 naming the limit).
   */
  public record Deal(
      @NotNull @Positive @Max(120) Integer installments,
      @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
          BigDecimal discountPercent,
      @NotNull LocalDate firstDueDate,
      @NotBlank @Size(max = 100) String agent) {}
}
