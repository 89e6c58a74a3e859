package br.com.regua.journey;

import static br.com.regua.support.JourneyDriver.at;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.brazil.BusinessDays;
import br.com.regua.brazil.Uf;
import br.com.regua.engine.JourneyModel;
import br.com.regua.support.JourneyDriver;
import br.com.regua.support.ProcessTestEngine;
import io.camunda.client.api.response.ActivatedJob;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * When the contact policy postpones a step into the next step's day, the model decides (issue 15,
 * item 6): {@code supersede}, the strategy table's default, skips the postponed step as superseded
 * by the next; {@code both} sends it, and the next step on the next allowed day after it. The
 * postponements are the policy's for a debtor in RJ: no Saturdays, no Sundays, no holidays, from
 * 09:00.
 */
@Tag(ProcessTestEngine.TAG)
class PostponementCollisionProcessTest {

  private static final BusinessDays CALENDAR = new BusinessDays();

  /** The strategy table with {@code both} in the strategy's row, as an analyst may set it. */
  private static final Map<String, Object> BOTH = Map.of("postponementPolicy", "both");

  private final JourneyDriver journeys = new JourneyDriver();

  @AfterEach
  void cancelLeftovers() {
    journeys.cancelLeftovers();
  }

  @Test
  void supersedeADueDayReminderPostponedFromSaturdayToMondayGivesWayToDPlus1() {
    // given a standard debt in RJ due on a Saturday, the strategy table's policy (supersede)
    LocalDate saturday = nextAfter(journeys.today().plusDays(10), DayOfWeek.SATURDAY);
    long journey = rjDebtPastDMinus3(saturday, Map.of());

    // when D0 is postponed to Monday, past D+1's day (Sunday)
    ActivatedJob dueDay = reminderOnItsDay(journey, "D0", saturday);
    assertThat(dueDay.getVariablesAsMap())
        .containsEntry("nextStep", "D+1")
        .containsEntry("nextStepDate", saturday.plusDays(1).toString())
        .containsEntry("postponementPolicy", "supersede");
    journeys.postponed(dueDay, nextWindowRj(saturday));

    // then D0 is recorded as superseded by D+1, and does not wait for Monday
    ActivatedJob superseded = journeys.awaitJob(JourneyModel.RECORD_SUPERSEDED_STEP);
    assertThat(superseded.getVariablesAsMap())
        .containsEntry("step", "D0")
        .containsEntry("nextStep", "D+1");
    journeys.complete(superseded);
    assertThat(journeys.timer(journey, "WaitForContactWindowTimer")).isEmpty();

    // and D+1 is asked on Sunday, postponed to Monday (before D+3's Tuesday) and sent Monday
    ActivatedJob extraDay = reminderOnItsDay(journey, "D+1", saturday.plusDays(1));
    journeys.postponed(extraDay, nextWindowRj(saturday.plusDays(1)));
    assertThat(journeys.activate(JourneyModel.RECORD_SUPERSEDED_STEP)).isEmpty();
    assertThat(journeys.timer(journey, "WaitForContactWindowTimer"))
        .contains(at(saturday.plusDays(2), 9));
    journeys.advanceTo(at(saturday.plusDays(2), 9));
    journeys.expectReminder("D+1", "EMAIL", "extra-day-offer");

    // and D+3 keeps its own day, Tuesday
    sendOnItsDay(journey, "D+3", saturday.plusDays(3));
    assertThat(journeys.activate(JourneyModel.RECORD_MOVED_STEP)).isEmpty();
  }

  @Test
  void bothADueDayReminderPostponedFromSaturdayGoesMondayAndDPlus1TuesdayAndDPlus3Wednesday() {
    // given the same debt, with the strategy's policy changed to both
    LocalDate saturday = nextAfter(journeys.today().plusDays(10), DayOfWeek.SATURDAY);
    long journey = rjDebtPastDMinus3(saturday, BOTH);

    // when D0 is postponed to Monday
    journeys.postponed(reminderOnItsDay(journey, "D0", saturday), nextWindowRj(saturday));

    // then it waits for Monday and goes out then, not superseded
    assertThat(journeys.activate(JourneyModel.RECORD_SUPERSEDED_STEP)).isEmpty();
    LocalDate monday = saturday.plusDays(2);
    assertThat(journeys.timer(journey, "WaitForContactWindowTimer")).contains(at(monday, 9));
    journeys.advanceTo(at(monday, 9));
    journeys.expectReminder("D0", "EMAIL", "reminder-due-day");

    // and D+1, whose Sunday has ended, is not skipped: it moves to Tuesday, and says why
    expectMoved("D+1", saturday.plusDays(1), monday.plusDays(1), "D0");
    sendOnItsDay(journey, "D+1", monday.plusDays(1));

    // and D+3, Tuesday itself, moves to Wednesday: one contact a day, none dropped
    expectMoved("D+3", saturday.plusDays(3), monday.plusDays(2), "D+1");
    sendOnItsDay(journey, "D+3", monday.plusDays(2));

    // and D+7 keeps its own day
    assertThat(journeys.timer(journey, "WaitUntilStepDateTimer"))
        .contains(journeys.contactAt(journey, saturday.plusDays(7)));
  }

  @Test
  void supersedeADueDayReminderPostponedFromSundayToMondayGivesWayToDPlus1OnThatMonday() {
    // given a debt in RJ due on a Sunday: D+1 is the Monday D0 is postponed to
    LocalDate sunday = nextAfter(journeys.today().plusDays(10), DayOfWeek.SUNDAY);
    long journey = rjDebtPastDMinus3(sunday, Map.of());

    // when D0 is postponed to Monday, D+1's own day
    journeys.postponed(reminderOnItsDay(journey, "D0", sunday), nextWindowRj(sunday));

    // then D+1 supersedes it, and goes out on Monday, its day
    journeys.complete(journeys.awaitJob(JourneyModel.RECORD_SUPERSEDED_STEP));
    sendOnItsDay(journey, "D+1", sunday.plusDays(1));
  }

  @Test
  void bothADueDayReminderPostponedFromSundayToMondayPushesDPlus1ToTuesday() {
    // given the same debt with both
    LocalDate sunday = nextAfter(journeys.today().plusDays(10), DayOfWeek.SUNDAY);
    long journey = rjDebtPastDMinus3(sunday, BOTH);

    // when D0 is postponed to Monday and goes out then
    journeys.postponed(reminderOnItsDay(journey, "D0", sunday), nextWindowRj(sunday));
    journeys.advanceTo(at(sunday.plusDays(1), 9));
    journeys.expectReminder("D0", "EMAIL", "reminder-due-day");

    // then D+1, due that same Monday, moves to Tuesday
    expectMoved("D+1", sunday.plusDays(1), sunday.plusDays(2), "D0");
    sendOnItsDay(journey, "D+1", sunday.plusDays(2));
  }

  @Test
  void aHolidayChainSupersedesEachStepItsPostponementOvertakes() {
    // given a debt in RJ due on a holiday that falls on a Friday (Good Friday, Christmas…)
    LocalDate holiday = journeys.today().plusDays(10);
    while (holiday.getDayOfWeek() != DayOfWeek.FRIDAY || !CALENDAR.isHoliday(holiday, Uf.RJ)) {
      holiday = holiday.plusDays(1);
    }
    long journey = rjDebtPastDMinus3(holiday, Map.of());

    // when D0 is postponed past the weekend, it is superseded by D+1 (Saturday)
    journeys.postponed(reminderOnItsDay(journey, "D0", holiday), nextWindowRj(holiday));
    ActivatedJob dueDaySuperseded = journeys.awaitJob(JourneyModel.RECORD_SUPERSEDED_STEP);
    assertThat(dueDaySuperseded.getVariablesAsMap()).containsEntry("step", "D0");
    journeys.complete(dueDaySuperseded);

    // and D+1, postponed from Saturday to the first allowed day, on or after D+3 (Monday): D+3
    // supersedes it too
    LocalDate d1 = holiday.plusDays(1);
    journeys.postponed(reminderOnItsDay(journey, "D+1", d1), nextWindowRj(d1));
    ActivatedJob superseded = journeys.awaitJob(JourneyModel.RECORD_SUPERSEDED_STEP);
    assertThat(superseded.getVariablesAsMap())
        .containsEntry("step", "D+1")
        .containsEntry("nextStep", "D+3");
    journeys.complete(superseded);

    // so the debtor gets one contact for the three steps, D+3, on the first allowed day
    LocalDate d3 = holiday.plusDays(3);
    ActivatedJob negotiation = reminderOnItsDay(journey, "D+3", d3);
    if (allowedRj(d3)) {
      journeys.contacted(negotiation);
    } else {
      journeys.postponed(negotiation, nextWindowRj(d3));
      journeys.advanceTo(nextWindowRj(d3));
      journeys.expectReminder("D+3", "WHATSAPP", "negotiation-link");
    }
    assertThat(journeys.timer(journey, "WaitUntilStepDateTimer"))
        .contains(journeys.contactAt(journey, holiday.plusDays(7)));
  }

  /**
   * A standard debt in RJ due on the day, its strategy changed as given, whose D-3 went out: the
   * clock is past D-3, before D0.
   */
  private long rjDebtPastDMinus3(LocalDate dueDate, Map<String, Object> strategyChanges) {
    long journey = journeys.start(journeys.standardDebt(dueDate).inState("RJ"), strategyChanges);
    sendOnItsDay(journey, "D-3", dueDate.minusDays(3));
    return journey;
  }

  private void sendOnItsDay(long journey, String step, LocalDate day) {
    ActivatedJob job = reminderOnItsDay(journey, step, day);
    journeys.contacted(job);
  }

  /** Checks the step's timer, moves the clock to it, and returns the step's send-reminder job. */
  private ActivatedJob reminderOnItsDay(long journey, String step, LocalDate day) {
    Instant due = journeys.contactAt(journey, day);
    assertThat(journeys.timer(journey, "WaitUntilStepDateTimer")).as("%s", step).contains(due);
    journeys.advanceTo(due);
    ActivatedJob job = journeys.awaitJob(JourneyModel.SEND_REMINDER);
    assertThat(job.getVariablesAsMap()).containsEntry("step", step);
    return job;
  }

  private void expectMoved(String step, LocalDate ownDay, LocalDate newDay, String previous) {
    ActivatedJob moved = journeys.awaitJob(JourneyModel.RECORD_MOVED_STEP);
    assertThat(moved.getVariablesAsMap())
        .containsEntry("step", step)
        .containsEntry("stepDate", ownDay.toString())
        .containsEntry("notBefore", newDay.toString())
        .containsEntry("previousStep", previous);
    journeys.complete(moved);
  }

  /** RJ's next window after the day: a weekday that is no holiday, at 09:00. */
  private static Instant nextWindowRj(LocalDate day) {
    LocalDate next = day.plusDays(1);
    while (!allowedRj(next)) {
      next = next.plusDays(1);
    }
    return at(next, 9);
  }

  private static boolean allowedRj(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY
        && day.getDayOfWeek() != DayOfWeek.SUNDAY
        && !CALENDAR.isHoliday(day, Uf.RJ);
  }

  /**
   * The first such day on or after {@code from} with no RJ holiday in the week after it, so that
   * the Mondays, Tuesdays and Wednesdays the tests expect are working days wherever the engine's
   * clock stands (a Saturday before 1 May 2028 moved Monday's window to Tuesday).
   */
  private static LocalDate nextAfter(LocalDate from, DayOfWeek day) {
    LocalDate candidate = from.with(TemporalAdjusters.nextOrSame(day));
    while (candidate
        .datesUntil(candidate.plusDays(8))
        .anyMatch(date -> CALENDAR.isHoliday(date, Uf.RJ))) {
      candidate = candidate.plusWeeks(1);
    }
    return candidate;
  }
}
