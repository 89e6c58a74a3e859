package br.com.regua.audit;

import br.com.regua.audit.AuditRecords.Contact;
import br.com.regua.audit.AuditRecords.Dispute;
import br.com.regua.audit.AuditRecords.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Nobody is charged for what is settled or contested: no contact after a debt is paid, cancelled,
 * written off or handed off, none while a dispute is open, and after a renegotiation only the
 * agreement's own installment reminders, until the agreement breaks.
 */
final class SilenceAfterCloseRule implements AuditRule {

  private static final Set<String> CLOSING =
      Set.of("PAID", "CANCELLED", "WRITTEN_OFF", "HANDED_OFF");
  private static final String INSTALLMENT_TEMPLATES = "agreement-installment";

  @Override
  public String name() {
    return "silence-after-close";
  }

  @Override
  public String description() {
    return "no contact after a debt is paid, cancelled, written off or handed off, or while a"
        + " dispute is open; after a renegotiation only its installments' reminders (CDC art. 42;"
        + " JOURNEY.md)";
  }

  @Override
  public long checked(AuditRecords records) {
    return records.madeContacts().size();
  }

  @Override
  public List<Violation> check(AuditRecords records) {
    List<Violation> violations = new ArrayList<>();
    for (Contact contact : records.madeContacts()) {
      whyNotAllowed(records, contact)
          .ifPresent(
              why ->
                  violations.add(
                      new Violation(
                          contact.debtId(),
                          contact.channel()
                              + " "
                              + contact.template()
                              + " at "
                              + contact.occurredAt()
                              + " "
                              + why)));
    }
    return violations;
  }

  private static Optional<String> whyNotAllowed(AuditRecords records, Contact contact) {
    Instant at = contact.occurredAt();
    boolean renegotiated = false;
    Instant renegotiatedAt = null;
    for (Event event : records.events(contact.debtId())) {
      if (!event.occurredAt().isBefore(at)) {
        break;
      }
      if (CLOSING.contains(event.type())) {
        return Optional.of("after the debt was " + event.type() + " at " + event.occurredAt());
      }
      if (event.type().equals("RENEGOTIATED")) {
        renegotiated = true;
        renegotiatedAt = event.occurredAt();
      } else if (event.type().equals("RETURNED_TO_COLLECTION")
          || event.type().equals("AGREEMENT_BROKEN")) {
        renegotiated = false;
      }
    }
    if (renegotiated && !contact.template().startsWith(INSTALLMENT_TEMPLATES)) {
      return Optional.of("after the debt was RENEGOTIATED at " + renegotiatedAt);
    }
    for (Dispute dispute : records.disputes(contact.debtId())) {
      boolean open =
          dispute.openedAt().isBefore(at)
              && (dispute.resolvedAt() == null || dispute.resolvedAt().isAfter(at));
      if (open) {
        return Optional.of("while a dispute opened at " + dispute.openedAt() + " stood");
      }
    }
    return Optional.empty();
  }
}
