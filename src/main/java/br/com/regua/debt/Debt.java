package br.com.regua.debt;

import br.com.regua.payment.Boleto;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A debt as stored: the system of record for balance, status and the strategy decided. {@code
 * boleto} is the bank slip registered with it, or null.
 */
public record Debt(
    String debtId,
    DebtorRecord debtor,
    long amountCents,
    long openBalanceCents,
    LocalDate dueDate,
    DebtStatus status,
    UUID paymentToken,
    String registrationFingerprint,
    Long processInstanceKey,
    Instant registeredAt,
    Integer propensityScore,
    int latePaymentCount,
    Strategy strategy,
    LocalDate interestFrom,
    Boleto boleto) {

  public record DebtorRecord(String document, String name, String email, String phone, Uf state) {

    public TaxId.Kind type() {
      return TaxId.parse(document).kind();
    }
  }

  /**
   * What the {@code dunning-strategy} decision table chose at registration: null until the journey
   * has decided it.
   */
  public record Strategy(
      String name,
      BigDecimal maxDiscountPercent,
      int maxInstallments,
      int promiseMaxDays,
      String finalAction) {}
}
