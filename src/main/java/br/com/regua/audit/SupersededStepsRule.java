package br.com.regua.audit;

import br.com.regua.audit.AuditRecords.Contact;
import br.com.regua.audit.AuditRecords.Event;
import br.com.regua.contact.StepCollisions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A step skipped as superseded by the next one (policy {@code supersede} in {@code contact-step})
 * hands over to a step that is accounted for: once the run is past the next step's day, the log has
 * an outcome for it (sent, postponed, suppressed, skipped…; for an agent's call, the timeline has
 * the task completed or expired), unless the debt's journey changed in between. And a firm step,
 * the prior notice of negativation, is never superseded.
 */
final class SupersededStepsRule implements AuditRule {

  /** "substituída por D+1, …, ela alcançaria o dia de D+1 (13/12/2026)". */
  private static final Pattern SUPERSEDED =
      Pattern.compile(
          Pattern.quote(StepCollisions.SUPERSEDED_BY)
              + "(.+?), .*alcançaria o dia de .+ \\((\\d{2}/\\d{2}/\\d{4})\\)$");

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final ZoneId STEP_ZONE = ZoneId.of("America/Sao_Paulo");
  private static final String FIRM_TEMPLATE = "negativation-notice";

  /**
   * The next step may be an agent's call (D+1 of the intensive strategy): its outcome is a timeline
   * event naming it ("Ligação D+1 …"), not a contact.
   */
  private static final Set<String> AGENT_TASK_OUTCOMES =
      Set.of("AGENT_TASK_COMPLETED", "AGENT_TASK_EXPIRED");

  @Override
  public String name() {
    return "superseded-steps-handed-over";
  }

  @Override
  public String description() {
    return "a step skipped as superseded by the next one hands over to a step that leaves an"
        + " outcome, and the prior notice of negativation is never superseded (issue 15: nothing"
        + " vanishes)";
  }

  @Override
  public long checked(AuditRecords records) {
    return records.contacts().stream().filter(SupersededStepsRule::superseded).count();
  }

  @Override
  public List<Violation> check(AuditRecords records) {
    List<Violation> violations = new ArrayList<>();
    for (Contact skipped : records.contacts()) {
      if (!superseded(skipped)) {
        continue;
      }
      if (FIRM_TEMPLATE.equals(skipped.template())) {
        violations.add(
            new Violation(
                skipped.debtId(),
                "the prior notice of negativation ("
                    + skipped.step()
                    + ") was superseded at "
                    + skipped.occurredAt()));
        continue;
      }
      Matcher detail = SUPERSEDED.matcher(skipped.detail());
      if (!detail.find()) {
        violations.add(
            new Violation(
                skipped.debtId(),
                "step " + skipped.step() + " superseded without naming the step and its day"));
        continue;
      }
      String next = detail.group(1);
      Optional<Instant> nextDayOver = dayOver(detail.group(2));
      if (nextDayOver.isEmpty() || !records.observedUntil().isAfter(nextDayOver.get())) {
        continue;
      }
      Pattern agentTask = Pattern.compile("\\b" + Pattern.quote(next) + "(?!\\d)");
      boolean handedOver =
          records.contacts(skipped.debtId()).stream()
                  .anyMatch(
                      c -> c.step().equals(next) && !c.occurredAt().isBefore(skipped.occurredAt()))
              || records.events(skipped.debtId()).stream()
                  .filter(e -> AGENT_TASK_OUTCOMES.contains(e.type()))
                  .filter(e -> !e.occurredAt().isBefore(skipped.occurredAt()))
                  .anyMatch(e -> e.detail() != null && agentTask.matcher(e.detail()).find());
      boolean journeyChanged =
          records.events(skipped.debtId()).stream()
              .filter(event -> PostponedStepsRule.COURSE_CHANGES.contains(event.type()))
              .map(Event::occurredAt)
              .anyMatch(at -> !at.isBefore(skipped.occurredAt()));
      if (!handedOver && !journeyChanged) {
        violations.add(
            new Violation(
                skipped.debtId(),
                "step "
                    + skipped.step()
                    + " superseded at "
                    + skipped.occurredAt()
                    + " by "
                    + next
                    + ", and nothing recorded for "
                    + next));
      }
    }
    return violations;
  }

  private static boolean superseded(Contact contact) {
    return contact.outcome().equals("SKIPPED")
        && contact.detail() != null
        && contact.detail().startsWith(StepCollisions.SUPERSEDED_BY);
  }

  /** The end of the named day, São Paulo: by then the next step has had its turn. */
  private static Optional<Instant> dayOver(String day) {
    try {
      return Optional.of(LocalDate.parse(day, DAY).plusDays(1).atStartOfDay(STEP_ZONE).toInstant());
    } catch (DateTimeParseException notADay) {
      return Optional.empty();
    }
  }
}
