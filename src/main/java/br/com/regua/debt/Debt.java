package br.com.regua.debt;

import br.com.regua.brazil.TaxId;
import br.com.regua.brazil.Uf;
import br.com.regua.charge.boleto.Boleto;
import br.com.regua.engine.Journeys;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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

  /** The debtor; {@code address} is null when the creditor did not send one. */
  public record DebtorRecord(
      String document, String name, String email, String phone, Uf state, PostalAddress address) {

    public TaxId.Kind type() {
      return TaxId.parse(document).kind();
    }
  }

  /**
   * Where letters go, as the Correios print it: {@code complement} may be null, {@code postalCode}
   * is the CEP's 8 digits.
   */
  public record PostalAddress(
      String street,
      String number,
      String complement,
      String district,
      String city,
      Uf state,
      String postalCode) {

    /** The CEP as printed: {@code 01310-100}. */
    public String formattedPostalCode() {
      return postalCode.substring(0, 5) + "-" + postalCode.substring(5);
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

  /** What the dunning journey starts with, as of {@code today}. */
  public Journeys.DunningStart journeyStart(LocalDate today) {
    return new Journeys.DunningStart(
        debtId,
        dueDate,
        amountCents,
        propensityScore,
        latePaymentCount,
        debtor.type().name(),
        debtor.state().name(),
        ChronoUnit.DAYS.between(today, dueDate));
  }
}
