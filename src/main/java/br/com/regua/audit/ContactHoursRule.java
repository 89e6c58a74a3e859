package br.com.regua.audit;

import java.util.List;

/** Every contact within the hours of the debtor's state, never on a Sunday or a holiday. */
final class ContactHoursRule implements AuditRule {

  private final LegalCalendar calendar;

  ContactHoursRule(LegalCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public String name() {
    return "contact-hours";
  }

  @Override
  public String description() {
    return "contacts only within the debtor's state's hours, in its time zone, never on Sundays,"
        + " national or state holidays (state laws; JOURNEY.md)";
  }

  @Override
  public long checked(AuditRecords records) {
    return records.madeContacts().size();
  }

  @Override
  public List<Violation> check(AuditRecords records) {
    return records.madeContacts().stream()
        .flatMap(
            contact ->
                records.debt(contact.debtId()).stream()
                    .flatMap(
                        debt ->
                            calendar.whyNotAllowed(debt.state(), contact.occurredAt()).stream()
                                .map(
                                    why ->
                                        new Violation(
                                            contact.debtId(),
                                            contact.channel()
                                                + " "
                                                + contact.template()
                                                + " at "
                                                + contact.occurredAt()
                                                + ": "
                                                + why))))
        .toList();
  }
}
