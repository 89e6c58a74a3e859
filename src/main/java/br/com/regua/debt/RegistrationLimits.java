package br.com.regua.debt;

import br.com.regua.api.RuleViolationException;
import br.com.regua.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a registration may ask the régua to collect ({@code regua.debts.*}); beyond it, {@code 422}
 * naming the field, and nothing is stored.
 *
 * @param maxOverdue how long past its due date a debt may still be registered; default 5 years: the
 *     claim of a debt in a written instrument prescribes in 5 years (Código Civil art. 206 §5 I),
 *     and collecting a prescribed debt as if it were owed is what CDC art. 42 forbids. A debt due
 *     on 1990-01-01 is a typo or a prescribed claim, not a journey
 * @param maxAmount the largest amount a debt may have; default R$ 1.000.000,00, far above consumer
 *     collections, so an amount in cents sent as reais is caught
 */
@ConfigurationProperties(prefix = "regua.debts")
public record RegistrationLimits(Period maxOverdue, BigDecimal maxAmount) {

  public RegistrationLimits {
    maxOverdue = maxOverdue != null ? maxOverdue : Period.ofYears(5);
    maxAmount = maxAmount != null ? maxAmount : new BigDecimal("1000000.00");
    if (maxOverdue.isNegative() || maxAmount.signum() <= 0) {
      throw new IllegalArgumentException(
          "regua.debts.max-overdue must not be negative and regua.debts.max-amount must be positive");
    }
  }

  /**
   * @throws RuleViolationException {@code dueDate} older than {@link #maxOverdue}, or {@code
   *     amount} above {@link #maxAmount}
   */
  void check(LocalDate dueDate, long amountCents, LocalDate today) {
    LocalDate oldest = today.minus(maxOverdue);
    if (dueDate.isBefore(oldest)) {
      throw new RuleViolationException(
          "dueDate",
          "a debt due on "
              + dueDate
              + " is overdue since before "
              + oldest
              + " (regua.debts.max-overdue: "
              + maxOverdue
              + "): its claim may be prescribed (Código Civil art. 206 §5 I); it is not collected");
    }
    if (BigDecimal.valueOf(amountCents, 2).compareTo(maxAmount) > 0) {
      throw new RuleViolationException(
          "amount",
          "the amount "
              + Money.toDecimal(amountCents)
              + " is above the largest a debt may have, "
              + maxAmount.setScale(2).toPlainString()
              + " (regua.debts.max-amount)");
    }
  }
}
