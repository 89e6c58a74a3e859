package br.com.regua.agreement;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code regua.agreements.*}: the contract's late charges and how agreements are laid out. The law
 * caps the charges (CDC art. 52 §1: fine at most 2%; interest at most 1% a month, pro rata), so a
 * configuration above them does not start.
 *
 * @param finePercent the late-payment fine on the open balance, once, if the debt is overdue
 * @param monthlyInterestPercent interest per 30 days overdue, pro rata per day, never compounded
 * @param firstDueDays the first installment (or the single payment) falls due this many days after
 *     the offer
 * @param maxFirstDueDays an agent's deal may set its first due date at most this far ahead
 * @param minInstallmentCents no installment below this (R$ 20,00 by default)
 */
@ConfigurationProperties("regua.agreements")
public record AgreementProperties(
    BigDecimal finePercent,
    BigDecimal monthlyInterestPercent,
    Integer firstDueDays,
    Integer maxFirstDueDays,
    Long minInstallmentCents) {

  static final BigDecimal MAX_FINE_PERCENT = new BigDecimal("2");
  static final BigDecimal MAX_MONTHLY_INTEREST_PERCENT = BigDecimal.ONE;

  public AgreementProperties {
    finePercent = finePercent == null ? MAX_FINE_PERCENT : finePercent;
    monthlyInterestPercent =
        monthlyInterestPercent == null ? MAX_MONTHLY_INTEREST_PERCENT : monthlyInterestPercent;
    firstDueDays = firstDueDays == null ? 3 : firstDueDays;
    maxFirstDueDays = maxFirstDueDays == null ? 30 : maxFirstDueDays;
    minInstallmentCents = minInstallmentCents == null ? 2000L : minInstallmentCents;
    if (finePercent.signum() < 0 || finePercent.compareTo(MAX_FINE_PERCENT) > 0) {
      throw new IllegalArgumentException(
          "regua.agreements.fine-percent must be between 0 and 2 (CDC art. 52 §1)");
    }
    if (monthlyInterestPercent.signum() < 0
        || monthlyInterestPercent.compareTo(MAX_MONTHLY_INTEREST_PERCENT) > 0) {
      throw new IllegalArgumentException(
          "regua.agreements.monthly-interest-percent must be between 0 and 1");
    }
    if (firstDueDays < 0 || maxFirstDueDays < firstDueDays || minInstallmentCents < 1) {
      throw new IllegalArgumentException(
          "regua.agreements: first-due-days >= 0, max-first-due-days >= first-due-days,"
              + " min-installment-cents >= 1");
    }
  }
}
