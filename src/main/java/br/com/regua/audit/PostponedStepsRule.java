package br.com.regua.audit;

import br.com.regua.audit.AuditRecords.Contact;
import br.com.regua.audit.AuditRecords.Event;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * No step vanishes after a postponement: a step postponed to a time the run reached has an outcome
 * recorded after it (sent, postponed again, suppressed, failed, or skipped as superseded by the
 * next step, which {@link SupersededStepsRule} follows), unless something happened to the debt in
 * between that ended or paused its journey (paid, a promise, a dispute, an agreement or one of its
 * installments paid). A partial payment is not one: the journey goes on.
 *
 * <p>"In between" is wider than the postponement's own span on both sides, because an event and the
 * step it stops race each other. It starts at the debt's previous contact (of another step): a
 * dispute opened while the step was being attempted reaches the journey after the attempt recorded
 * its postponement. It ends when the journey records anything after the postponement's time: a
 * payment that lands as the step falls due, before its contact is made, ends the journey with the
 * step unmade, and is stamped a moment after the time it was postponed to (the development clock
 * moves a day at once, so that moment may be hours).
 */
final class PostponedStepsRule implements AuditRule {

  /** Events after which a journey may rightly not come back to a postponed step. */
  static final Set<String> COURSE_CHANGES =
      Set.of(
          "AGREEMENT_PAYMENT_RECEIVED",
          "PAID",
          "PROMISE_MADE",
          "PROMISE_KEPT",
          "DISPUTE_OPENED",
          "AGREEMENT_SIGNED",
          "RENEGOTIATED",
          "AGREEMENT_FULFILLED",
          "AGREEMENT_BROKEN",
          "RETURNED_TO_COLLECTION",
          "CANCELLED",
          "HANDED_OFF",
          "WRITTEN_OFF");

  @Override
  public String name() {
    return "postponed-steps-resolved";
  }

  @Override
  public String description() {
    return "every step postponed to a time the run reached leaves an outcome after it (a step moved"
        + " after the previous one is a postponement too), unless the debt's journey changed in"
        + " between (issue 15: nothing vanishes)";
  }

  @Override
  public long checked(AuditRecords records) {
    return records.contacts().stream().filter(c -> c.outcome().equals("POSTPONED")).count();
  }

  @Override
  public List<Violation> check(AuditRecords records) {
    Map<String, List<Contact>> byDebtAndStep = new HashMap<>();
    for (Contact contact : records.contacts()) {
      byDebtAndStep
          .computeIfAbsent(contact.debtId() + "\u0000" + contact.step(), k -> new ArrayList<>())
          .add(contact);
    }
    List<Violation> violations = new ArrayList<>();
    for (List<Contact> attempts : byDebtAndStep.values()) {
      Contact last = attempts.getLast();
      if (!last.outcome().equals("POSTPONED")) {
        continue;
      }
      Optional<Instant> until = until(last);
      if (until.isEmpty() || !records.observedUntil().isAfter(until.get())) {
        continue;
      }
      List<Contact> debtsContacts = records.contacts(last.debtId());
      Instant previousContact =
          debtsContacts.stream()
              .filter(
                  c -> !c.step().equals(last.step()) && c.occurredAt().isBefore(last.occurredAt()))
              .map(Contact::occurredAt)
              .max(Instant::compareTo)
              .orElse(Instant.MIN);
      Instant journeyMovedOn =
          debtsContacts.stream()
              .map(Contact::occurredAt)
              .filter(at -> at.isAfter(until.get()))
              .min(Instant::compareTo)
              .orElse(Instant.MAX);
      boolean journeyChanged =
          records.events(last.debtId()).stream()
              .filter(event -> COURSE_CHANGES.contains(event.type()))
              .map(Event::occurredAt)
              .anyMatch(at -> at.isAfter(previousContact) && at.isBefore(journeyMovedOn));
      if (!journeyChanged) {
        violations.add(
            new Violation(
                last.debtId(),
                "step "
                    + last.step()
                    + " ("
                    + last.channel()
                    + " "
                    + last.template()
                    + ") postponed at "
                    + last.occurredAt()
                    + " to "
                    + until.get()
                    + ", and nothing recorded after"));
      }
    }
    return violations;
  }

  /** The time a postponed contact's key names: {@code <step key>@<instant>}. */
  private static Optional<Instant> until(Contact postponed) {
    int at = postponed.key().lastIndexOf('@');
    if (at < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(postponed.key().substring(at + 1)));
    } catch (DateTimeParseException notAnInstant) {
      return Optional.empty();
    }
  }
}
