package br.com.regua.audit;

import br.com.regua.audit.AuditRecords.Contact;
import br.com.regua.audit.AuditRecords.Debt;
import br.com.regua.audit.AuditRecords.Negativation;
import br.com.regua.consent.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A negativation only after a proven notice and the state's wait: a letter counts from its mailing
 * (STJ Súmula 404: no receipt needed), an electronic notice only with its delivery receipt, from
 * the delivery (STJ Tema 1.315); the wait by state as the bureaus apply it (CDC art. 43 §2).
 */
final class NoticeBeforeNegativationRule implements AuditRule {

  private static final String NOTICE_TEMPLATE = "negativation-notice";
  private static final Set<String> DELIVERED = Set.of("DELIVERED", "READ");

  private final LegalCalendar calendar;

  NoticeBeforeNegativationRule(LegalCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public String name() {
    return "notice-before-negativation";
  }

  @Override
  public String description() {
    return "each negativation at least the state's wait (MT 45, SP/PE 20, PI 15, others 10 days)"
        + " after a proven notice: a letter mailed, or an electronic notice with its delivery"
        + " receipt (CDC art. 43 §2; STJ Súmula 404, Tema 1.315)";
  }

  @Override
  public long checked(AuditRecords records) {
    return records.negativations().size();
  }

  @Override
  public List<Violation> check(AuditRecords records) {
    List<Violation> violations = new ArrayList<>();
    for (Negativation negativation : records.negativations()) {
      Optional<Debt> debt = records.debt(negativation.debtId());
      if (debt.isEmpty()) {
        continue;
      }
      int wait = calendar.noticeWaitDays(debt.get().state());
      LocalDate negativatedOn =
          LocalDate.ofInstant(negativation.negativatedAt(), debt.get().state().zone());
      List<Contact> notices =
          records.contacts(negativation.debtId()).stream()
              .filter(c -> c.template().equals(NOTICE_TEMPLATE) && c.outcome().equals("SENT"))
              .toList();
      Optional<Instant> earliestProof =
          notices.stream()
              .map(NoticeBeforeNegativationRule::provenAt)
              .flatMap(Optional::stream)
              .min(Comparator.naturalOrder());
      if (earliestProof.isEmpty()) {
        violations.add(
            new Violation(
                negativation.debtId(),
                "negativated at "
                    + negativation.negativatedAt()
                    + (notices.isEmpty()
                        ? " with no notice sent"
                        : " with no proven notice (sent: "
                            + notices.stream()
                                .map(
                                    n ->
                                        n.channel()
                                            + " "
                                            + n.occurredAt()
                                            + " "
                                            + n.deliveryStatus())
                                .toList()
                            + ")")));
        continue;
      }
      LocalDate provenOn = LocalDate.ofInstant(earliestProof.get(), debt.get().state().zone());
      if (provenOn.plusDays(wait).isAfter(negativatedOn)) {
        violations.add(
            new Violation(
                negativation.debtId(),
                "negativated on "
                    + negativatedOn
                    + ", "
                    + (negativatedOn.toEpochDay() - provenOn.toEpochDay())
                    + " days after the notice proven on "
                    + provenOn
                    + "; "
                    + debt.get().state()
                    + " waits "
                    + wait));
      }
    }
    return violations;
  }

  /** When the notice counts as given: a letter's mailing, an electronic notice's delivery. */
  private static Optional<Instant> provenAt(Contact notice) {
    if (notice.channel() == Channel.LETTER) {
      return Optional.of(notice.occurredAt());
    }
    if (notice.deliveryStatus() != null
        && DELIVERED.contains(notice.deliveryStatus())
        && notice.deliveryUpdatedAt() != null) {
      return Optional.of(notice.deliveryUpdatedAt());
    }
    return Optional.empty();
  }
}
