package br.com.regua.agreement;

import br.com.regua.api.InvalidFieldException;
import br.com.regua.debt.RegisterDebtRequest;
import io.swagger.v3.oas.annotations.media.Schema;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
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

  /** Exactly one of an offer and a deal; a 400 that says what to send otherwise. */
  void checkShape() {
    if (offerId != null && offerId.isBlank()) {
      // an empty id named no offer: the refusal "no offer  for these debts" read as a typo
      throw new InvalidFieldException(
          "offerId", "must not be blank: an offerId of GET /api/debts/{debtId}/offers");
    }
    if (offerId != null && deal != null) {
      throw new InvalidFieldException("deal", "send either offerId or deal, not both");
    }
    if (offerId == null && deal == null) {
      throw new InvalidFieldException(
          "offerId",
          installments != null
              ? "an installment count alone no longer makes an agreement: accept an offer of GET"
                  + " /api/debts/{debtId}/offers (offerId) or send an agent's deal (deal:"
                  + " installments, discountPercent, firstDueDate, agent)"
              : "send offerId (an offer of GET /api/debts/{debtId}/offers) or deal");
    }
  }

  /**
   * A digest of what this request signs, stored with the agreement: a repeat with the same id must
   * match it, or it is a conflict.
   */
  String fingerprint(List<String> debtIds) {
    String what =
        String.join(",", debtIds)
            + "|"
            + offerId
            + "|"
            + (deal == null
                ? null
                : deal.installments()
                    + ";"
                    + deal.discountPercent().stripTrailingZeros().toPlainString()
                    + ";"
                    + deal.firstDueDate()
                    + ";"
                    + deal.agent())
            + "|"
            + (signedAt == null ? null : signedAt.toInstant());
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(what.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * An agent's deal: installments, the discount on the updated amount and the first due date;
   * checked against the strategy's limits (422 naming the limit).
   */
  public record Deal(
      @NotNull @Positive @Max(120) Integer installments,
      // a decimal string like every number of the API (a JSON number is read as written too)
      @Schema(type = "string", example = "10", pattern = "^\\d{1,3}(\\.\\d{1,2})?$")
          @NotNull
          @DecimalMin("0")
          @DecimalMax("100")
          @Digits(integer = 3, fraction = 2)
          BigDecimal discountPercent,
      @NotNull LocalDate firstDueDate,
      @NotBlank @Size(max = 100) String agent) {}
}
