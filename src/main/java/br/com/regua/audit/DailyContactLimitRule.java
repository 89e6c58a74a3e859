package br.com.regua.audit;

import br.com.regua.audit.AuditRecords.Contact;
import br.com.regua.audit.AuditRecords.Debt;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** At most so many contacts per debtor per day, across all their debts. */
final class DailyContactLimitRule implements AuditRule {

  private record DebtorDay(String document, LocalDate day) {}

  private final int maxPerDay;

  DailyContactLimitRule(int maxPerDay) {
    this.maxPerDay = maxPerDay;
  }

  @Override
  public String name() {
    return "contacts-per-day";
  }

  @Override
  public String description() {
    return "at most "
        + maxPerDay
        + " contact(s) per debtor per day in their state's time zone, across all their debts"
        + " (JOURNEY.md, seed 003)";
  }

  @Override
  public long checked(AuditRecords records) {
    return records.madeContacts().size();
  }

  @Override
  public List<Violation> check(AuditRecords records) {
    Map<DebtorDay, List<Contact>> byDebtorDay = new LinkedHashMap<>();
    for (Contact contact : records.madeContacts()) {
      records
          .debt(contact.debtId())
          .ifPresent(
              debt ->
                  byDebtorDay
                      .computeIfAbsent(dayOf(debt, contact), k -> new ArrayList<>())
                      .add(contact));
    }
    List<Violation> violations = new ArrayList<>();
    byDebtorDay.forEach(
        (debtorDay, contacts) -> {
          if (contacts.size() > maxPerDay) {
            violations.add(
                new Violation(
                    contacts.getLast().debtId(),
                    contacts.size()
                        + " contacts on "
                        + debtorDay.day()
                        + ": "
                        + contacts.stream()
                            .map(c -> c.channel() + " " + c.template() + " (" + c.debtId() + ")")
                            .toList()));
          }
        });
    return violations;
  }

  private static DebtorDay dayOf(Debt debt, Contact contact) {
    return new DebtorDay(
        debt.document(), LocalDate.ofInstant(contact.occurredAt(), debt.state().zone()));
  }
}
