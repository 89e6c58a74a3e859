package br.com.regua.audit;

import br.com.regua.audit.AuditRecords.Debt;
import br.com.regua.audit.AuditRecords.Event;
import br.com.regua.audit.AuditRecords.Negativation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A paid debt is never negativated, and once a negativated debt is paid its removal is requested
 * within 5 business days.
 */
final class RemovalAfterPaymentRule implements AuditRule {

  private static final int BUSINESS_DAYS = 5;
  private static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");

  private final LegalCalendar calendar;

  RemovalAfterPaymentRule(LegalCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public String name() {
    return "removal-after-payment";
  }

  @Override
  public String description() {
    return "no negativation of a paid debt; once paid, a negativated debt's removal requested"
        + " within "
        + BUSINESS_DAYS
        + " business days (STJ Súmula 548)";
  }

  @Override
  public long checked(AuditRecords records) {
    return records.negativations().size();
  }

  @Override
  public List<Violation> check(AuditRecords records) {
    List<Violation> violations = new ArrayList<>();
    for (Negativation negativation : records.negativations()) {
      Optional<Instant> paidAt =
          records.events(negativation.debtId()).stream()
              .filter(e -> e.type().equals("PAID"))
              .map(Event::occurredAt)
              .findFirst();
      if (paidAt.isEmpty() || records.debt(negativation.debtId()).isEmpty()) {
        continue;
      }
      if (paidAt.get().isBefore(negativation.negativatedAt())) {
        violations.add(
            new Violation(
                negativation.debtId(),
                "negativated at "
                    + negativation.negativatedAt()
                    + ", after it was paid at "
                    + paidAt.get()));
        continue;
      }
      LocalDate deadline =
          calendar.plusBusinessDays(LocalDate.ofInstant(paidAt.get(), BRASILIA), BUSINESS_DAYS);
      Instant deadlineEnd = deadline.plusDays(1).atStartOfDay(BRASILIA).toInstant();
      Instant requested = negativation.removalRequestedAt();
      if (requested != null && requested.isAfter(deadlineEnd)) {
        violations.add(
            new Violation(
                negativation.debtId(),
                "paid at "
                    + paidAt.get()
                    + ", removal requested at "
                    + requested
                    + ", after "
                    + deadline));
      } else if (requested == null && records.observedUntil().isAfter(deadlineEnd)) {
        Debt debt = records.debt(negativation.debtId()).get();
        violations.add(
            new Violation(
                negativation.debtId(),
                "paid at "
                    + paidAt.get()
                    + " (status "
                    + debt.status()
                    + "), removal never requested; the deadline was "
                    + deadline));
      }
    }
    return violations;
  }
}
