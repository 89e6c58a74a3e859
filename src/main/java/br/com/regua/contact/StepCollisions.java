package br.com.regua.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What {@code contact-step} decided when a postponed step ran into the next step of the régua
 * ({@code postponementPolicy} in the model, docs/journey.md), in the contact log, so the timeline
 * says which: the postponed step {@code SKIPPED}, "substituída por D+1" ({@code supersede}), or the
 * next step {@code POSTPONED} to the day after the previous one went out ({@code both}). Each is
 * recorded once, whatever the job's redeliveries.
 */
@Service
public class StepCollisions {

  /** The words the timeline starts a superseded step's detail with; the audit reads them. */
  public static final String SUPERSEDED_BY = "substituída por ";

  private static final ZoneId STEP_ZONE = ContactService.STEP_ZONE;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private final ContactService service;
  private final TransactionTemplate tx;
  private final Clock clock;

  StepCollisions(ContactService service, TransactionTemplate tx, Clock clock) {
    this.service = service;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * The step, postponed until {@code postponedUntil}, would go out on or after the day of {@code
   * nextStep}: it is not sent, the next step goes out on its own day.
   */
  public void superseded(
      ContactRequest step, String nextStep, LocalDate nextStepDate, Instant postponedUntil) {
    service.recordSkipped(
        step,
        SUPERSEDED_BY
            + nextStep
            + ", que sai no lugar dela: adiada para "
            + WHEN.format(postponedUntil.atZone(STEP_ZONE))
            + ", ela alcançaria o dia de "
            + nextStep
            + " ("
            + DAY.format(nextStepDate)
            + ")");
  }

  /**
   * The previous step went out the day before {@code notBefore}, on or after this step's day: both
   * go out, this one from {@code notBefore} at the debt's contact time (the contact policy
   * postpones it further if that day is not allowed).
   */
  public void moved(
      ContactRequest step,
      LocalDate stepDate,
      String previousStep,
      LocalDate notBefore,
      int contactMinuteOffset) {
    LocalDate previousContactDay = notBefore.minusDays(1);
    Instant until =
        notBefore
            .atTime(LocalTime.of(9, 0))
            .atZone(STEP_ZONE)
            .toInstant()
            .plus(Duration.ofMinutes(contactMinuteOffset));
    String why =
        (previousStep == null ? "a etapa anterior" : previousStep)
            + " saiu em "
            + DAY.format(previousContactDay)
            + (previousContactDay.isAfter(stepDate)
                ? ", depois do dia desta etapa (" + DAY.format(stepDate) + ")"
                : ", o dia desta etapa")
            + ": as duas saem, esta no próximo dia permitido depois dela; adiada para "
            + WHEN.format(until.atZone(STEP_ZONE));
    tx.executeWithoutResult(
        status ->
            service.recordPostponed(
                step, step.channel(), clock.instant(), until, why, "previous-step"));
  }
}
