package br.com.regua.audit;

import br.com.regua.audit.AuditRecords.Agreement;
import br.com.regua.audit.AuditRecords.AgreementDebt;
import br.com.regua.audit.AuditRecords.Debt;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The late charges of every agreement within the law: a fine of at most 2% and interest of at most
 * 1% a month pro rata (30-day months), counted on each debt's balance from the day its interest
 * runs to the day the agreement was signed.
 */
final class LateChargesCapRule implements AuditRule {

  private static final long FINE_PERCENT = 2;
  private static final long MONTHLY_INTEREST_PERCENT = 1;
  private static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");

  @Override
  public String name() {
    return "late-charges-cap";
  }

  @Override
  public String description() {
    return "every agreement's fine at most "
        + FINE_PERCENT
        + "% and interest at most "
        + MONTHLY_INTEREST_PERCENT
        + "% a month pro rata of the debts' balances (CDC art. 52 §1)";
  }

  @Override
  public long checked(AuditRecords records) {
    return records.agreements().size();
  }

  @Override
  public List<Violation> check(AuditRecords records) {
    List<Violation> violations = new ArrayList<>();
    for (Agreement agreement : records.agreements()) {
      LocalDate signedOn = LocalDate.ofInstant(agreement.signedAt(), BRASILIA);
      long maxFine = 0;
      long maxInterest = 0;
      for (AgreementDebt part : agreement.debts()) {
        Optional<Debt> debt = records.debt(part.debtId());
        if (debt.isEmpty()) {
          continue;
        }
        long daysOverdue = ChronoUnit.DAYS.between(debt.get().interestFrom(), signedOn);
        if (daysOverdue > 0) {
          maxFine += part.balanceCents() * FINE_PERCENT / 100;
          maxInterest += part.balanceCents() * MONTHLY_INTEREST_PERCENT * daysOverdue / 3_000;
        }
      }
      String debtId = agreement.debts().isEmpty() ? "?" : agreement.debts().getFirst().debtId();
      if (agreement.fineCents() > maxFine) {
        violations.add(
            new Violation(
                debtId,
                "agreement "
                    + agreement.agreementId()
                    + ": fine "
                    + agreement.fineCents()
                    + " cents, at most "
                    + maxFine));
      }
      if (agreement.interestCents() > maxInterest) {
        violations.add(
            new Violation(
                debtId,
                "agreement "
                    + agreement.agreementId()
                    + " signed on "
                    + signedOn
                    + ": interest "
                    + agreement.interestCents()
                    + " cents, at most "
                    + maxInterest));
      }
    }
    return violations;
  }
}
