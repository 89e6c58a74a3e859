package br.com.regua.journey;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.engine.JourneyModel;
import br.com.regua.support.JourneyDriver;
import br.com.regua.support.JourneyDriver.DebtSpec;
import br.com.regua.support.ProcessTestEngine;
import br.com.regua.support.UserTasks.UserTask;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The human tasks of the intensive strategy (preventive call, D+1 call with its deadline and
 * fallback, negotiation) and the dispute review, completed as an agent would in Tasklist (through
 * {@link br.com.regua.support.UserTasks}, since the in-JVM engine has no REST API), and how each
 * outcome routes the journey.
 */
@Tag(ProcessTestEngine.TAG)
class AgentTasksProcessTest {

  private final JourneyDriver journeys = new JourneyDriver();

  @AfterEach
  void cancelLeftovers() {
    journeys.cancelLeftovers();
  }

  @Test
  void thePreventiveCallOpensAtD5ForTheAgentsWithTheDebtorsContext() {
    LocalDate dueDate = journeys.today().plusDays(10);
    long journey = journeys.start(journeys.intensiveDebt(dueDate));

    assertThat(journeys.timer(journey, "WaitUntilPreventiveCallTimer"))
        .contains(journeys.contactAt(journey, dueDate.minusDays(5)));
    journeys.advanceTo(journeys.contactAt(journey, dueDate.minusDays(5)));
    prepareAgentTask();

    UserTask call = journeys.userTasks().awaitOpen(journey, "PreventiveCallUserTask");
    assertThat(call.formId()).isEqualTo("preventive-call");
    assertThat(call.candidateGroups()).containsExactly("collection-agents");
    assertThat(call.variables()).containsEntry("debtorName", "Maria da Silva");
  }

  @Test
  void aPromiseOnThePreventiveCallIsRegisteredAsAPromise() {
    LocalDate dueDate = journeys.today().plusDays(10);
    long journey = journeys.start(journeys.intensiveDebt(dueDate));
    journeys.advanceTo(journeys.contactAt(journey, dueDate.minusDays(5)));
    prepareAgentTask();
    UserTask call = journeys.userTasks().awaitOpen(journey, "PreventiveCallUserTask");

    journeys.completeUserTask(
        call, Map.of("callOutcome", "PROMISED", "promisedDate", dueDate.plusDays(2).toString()));

    ActivatedJob register = journeys.awaitJob(JourneyModel.REGISTER_PROMISE);
    assertThat(register.getVariablesAsMap())
        .containsEntry("promisedDate", dueDate.plusDays(2).toString())
        .containsEntry("promiseSource", "Ligação preventiva");
  }

  @Test
  void aPreventiveCallNobodyTookExpiresAtD3AndTheRéguaGoesOn() {
    LocalDate dueDate = journeys.today().plusDays(10);
    long journey = journeys.start(journeys.intensiveDebt(dueDate));
    journeys.advanceTo(journeys.contactAt(journey, dueDate.minusDays(5)));
    prepareAgentTask();
    journeys.userTasks().awaitOpen(journey, "PreventiveCallUserTask");

    journeys.advanceTo(journeys.contactAt(journey, dueDate.minusDays(3)));

    assertThat(journeys.userTasks().open(journey)).isEmpty();
    assertThat(journeys.activate(JourneyModel.RECORD_AGENT_OUTCOME))
        .as("no outcome to record")
        .isEmpty();
    // the deadline records the task unworked, and the régua goes on
    assertThat(
            journeys.playedAnywhere(JourneyModel.RECORD_TASK_EXPIRED, "PreventiveCallExpiredTimer"))
        .isTrue();
    journeys.expectReminder("D-3", "EMAIL", "reminder-before-due");
  }

  @Test
  void aPromiseBrokenAfterD3DoesNotReopenThePreventiveCall() {
    // given the preventive call waiting for an agent at D-5
    LocalDate dueDate = journeys.today().plusDays(10);
    DebtSpec debt = journeys.intensiveDebt(dueDate);
    long journey = journeys.start(debt);
    journeys.advanceTo(journeys.contactAt(journey, dueDate.minusDays(5)));
    prepareAgentTask();
    journeys.userTasks().awaitOpen(journey, "PreventiveCallUserTask");

    // when the debtor promises (through the API) to pay two days before the due date, and doesn't
    journeys.publish(
        JourneyModel.PROMISE_MADE,
        debt.debtId(),
        "promise:PC",
        Map.of("promiseId", "PC", "promisedDate", dueDate.minusDays(2).toString()));
    journeys.complete(journeys.awaitJob(JourneyModel.SEND_REMINDER));
    journeys.advanceTo(journeys.contactAt(journey, dueDate));
    journeys.complete(journeys.awaitJob(JourneyModel.BREAK_PROMISE));

    // then the régua resumes at the due day, without calling again
    journeys.expectReminder("D0", "EMAIL", "reminder-due-day");
    assertThat(journeys.activate(JourneyModel.PREPARE_AGENT_TASK)).isEmpty();
    assertThat(journeys.userTasks().open(journey)).isEmpty();
  }

  @Test
  void theDebtorWhoAcceptsTheExtraDayOnTheD1CallGetsItGranted() {
    // an intensive debt too close to due for a preventive call (rule 2) gets the D+1 call
    LocalDate dueDate = journeys.today().plusDays(1);
    DebtSpec debt = journeys.intensiveDebt(dueDate);
    long journey = journeys.start(debt);
    journeys.advanceTo(journeys.contactAt(journey, dueDate));
    journeys.expectReminder("D0", "EMAIL", "reminder-due-day");

    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(1)));
    callDeadline(JourneyDriver.at(dueDate.plusDays(1), 20));
    prepareAgentTask();
    UserTask call = journeys.userTasks().awaitOpen(journey, "ExtraDayCallUserTask");
    assertThat(call.formId()).isEqualTo("extra-day-call");
    journeys.completeUserTask(call, Map.of("extraDayOutcome", "ACCEPTED"));

    journeys.complete(journeys.awaitJob(JourneyModel.GRANT_EXTRA_DAY));
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(3)));
    journeys.expectReminder("D+3", "WHATSAPP", "negotiation-link");
  }

  @Test
  void aDeclinedExtraDayGrantsNothing() {
    LocalDate dueDate = journeys.today().plusDays(1);
    long journey = journeys.start(journeys.intensiveDebt(dueDate));
    journeys.advanceTo(journeys.contactAt(journey, dueDate));
    journeys.expectReminder("D0", "EMAIL", "reminder-due-day");
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(1)));
    callDeadline(JourneyDriver.at(dueDate.plusDays(1), 20));
    prepareAgentTask();
    UserTask call = journeys.userTasks().awaitOpen(journey, "ExtraDayCallUserTask");

    journeys.completeUserTask(call, Map.of("extraDayOutcome", "DECLINED"));

    assertThat(journeys.activate(JourneyModel.GRANT_EXTRA_DAY)).isEmpty();
    journeys.assertThatJourney(journey).isActive();
    assertThat(journeys.timer(journey, "WaitUntilStepDateTimer"))
        .contains(journeys.contactAt(journey, dueDate.plusDays(3)));
  }

  @Test
  void aD1CallNobodyTookExpiresWhenItsContactWindowClosesAndTheOfferGoesByEmailTheNextDay() {
    LocalDate dueDate = journeys.today().plusDays(1);
    DebtSpec debt = journeys.intensiveDebt(dueDate);
    long journey = journeys.start(debt);
    journeys.advanceTo(journeys.contactAt(journey, dueDate));
    journeys.expectReminder("D0", "EMAIL", "reminder-due-day");
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(1)));

    // the deadline is asked for D+1; the answer (the debtor's window closing at 20:00) sets it
    ActivatedJob deadline = journeys.awaitJob(JourneyModel.CALL_DEADLINE);
    assertThat(deadline.getVariablesAsMap())
        .containsEntry("debtId", debt.debtId())
        .containsEntry("callDay", dueDate.plusDays(1).toString());
    Instant close = JourneyDriver.at(dueDate.plusDays(1), 20);
    callDeadline(close);
    prepareAgentTask();
    journeys.userTasks().awaitOpen(journey, "ExtraDayCallUserTask");
    assertThat(journeys.timer(journey, "ExtraDayCallExpiredTimer")).contains(close);

    journeys.advanceTo(close);

    assertThat(journeys.userTasks().open(journey)).isEmpty();
    assertThat(
            journeys.playedAnywhere(JourneyModel.RECORD_TASK_EXPIRED, "ExtraDayCallExpiredTimer"))
        .isTrue();
    // the offer goes by e-mail the next day, at the debt's minute; D+3 keeps its own day
    assertThat(journeys.timer(journey, "WaitUntilStepDateTimer"))
        .contains(journeys.contactAt(journey, dueDate.plusDays(2)));
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(2)));
    journeys.expectReminder("D+1", "EMAIL", "extra-day-offer");
    assertThat(journeys.timer(journey, "WaitUntilStepDateTimer"))
        .contains(journeys.contactAt(journey, dueDate.plusDays(3)));
  }

  @Test
  void anIntensiveDebtThatReachesD1AfterItsDayRecordsTheStepSkippedInsteadOfDroppingIt() {
    // registered two days overdue: D-3, D0 and D+1 had ended
    LocalDate dueDate = journeys.today().minusDays(2);
    long journey = journeys.start(journeys.intensiveDebt(dueDate));

    // no call and no deadline: the D+1 step went through the e-mail offer, which recorded it
    // skipped (its day had ended), and the régua waits for D+3
    assertThat(journeys.timer(journey, "WaitUntilStepDateTimer"))
        .contains(journeys.contactAt(journey, dueDate.plusDays(3)));
    assertThat(journeys.activate(JourneyModel.CALL_DEADLINE)).isEmpty();
    assertThat(journeys.completions(journey, "ExtraDayFallbackMessageCallActivity")).isOne();
    assertThat(journeys.completions(journey, "StepSkippedEndEvent")).isEqualTo(3);
  }

  @Test
  void aPreventiveCallTheJourneyReachesAfterD3IsRecordedNotOpened() {
    // a strategy with the preventive call (as decided when the debt was registered in time) for a
    // journey that reaches the call after D-3, 08:00
    LocalDate dueDate = journeys.today().plusDays(2);
    long journey = journeys.start(journeys.intensiveDebt(dueDate), Map.of("preventiveCall", true));

    assertThat(
            journeys.playedAnywhere(
                JourneyModel.RECORD_TASK_SKIPPED, "RecordPreventiveCallSkippedTask"))
        .isTrue();
    assertThat(journeys.timer(journey, "WaitUntilPreventiveCallTimer")).isEmpty();
  }

  @Test
  void anIntensiveDebtThatReachesItsNegotiationAfterD15RecordsItNotOpened() {
    LocalDate dueDate = journeys.today().minusDays(16);
    long journey = journeys.start(journeys.intensiveDebt(dueDate));

    assertThat(journeys.activate(JourneyModel.PREPARE_AGENT_TASK)).isEmpty();
    assertThat(journeys.userTasks().open(journey)).isEmpty();
    assertThat(
            journeys.playedAnywhere(
                JourneyModel.RECORD_TASK_SKIPPED, "RecordNegotiationSkippedTask"))
        .isTrue();
    // and the régua goes on to the prior notice at D+20
    assertThat(journeys.timer(journey, "WaitUntilNegativationNoticeTimer"))
        .contains(journeys.contactAt(journey, dueDate.plusDays(20)));
  }

  @Test
  void aPreventiveCallStillAheadIsNotRecordedSkipped() {
    LocalDate dueDate = journeys.today().plusDays(10);
    long journey = journeys.start(journeys.intensiveDebt(dueDate));

    assertThat(journeys.timer(journey, "WaitUntilPreventiveCallTimer")).isPresent();
    assertThat(
            journeys.playedAnywhere(
                JourneyModel.RECORD_TASK_SKIPPED, "RecordPreventiveCallSkippedTask"))
        .isFalse();
  }

  @Test
  void theIntensiveStrategyNegotiatesThroughAnAgentAfterTheD15Sms() {
    LocalDate dueDate = journeys.today().minusDays(14);
    long journey = journeys.start(journeys.intensiveDebt(dueDate));
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(15)));
    journeys.expectReminder("D+15", "SMS", "last-reminder");

    prepareAgentTask();
    UserTask negotiation = journeys.userTasks().awaitOpen(journey, "NegotiationCallUserTask");
    assertThat(negotiation.formId()).isEqualTo("negotiation-call");
    journeys.completeUserTask(
        negotiation,
        Map.of("negotiationOutcome", "PROMISED", "promisedDate", dueDate.plusDays(25).toString()));

    ActivatedJob register = journeys.awaitJob(JourneyModel.REGISTER_PROMISE);
    assertThat(register.getVariablesAsMap()).containsEntry("promiseSource", "Negociação");
  }

  @Test
  void anAgentWhoFindsTheDisputeUnfoundedInTasklistResumesCollection() {
    LocalDate dueDate = journeys.today().minusDays(4);
    DebtSpec debt = journeys.standardDebt(dueDate);
    long journey = journeys.start(debt);
    journeys.publish(
        JourneyModel.DISPUTE_OPENED,
        debt.debtId(),
        "dispute:T1",
        Map.of("disputeId", "T1", "disputeReason", "Valor errado"));
    prepareAgentTask();
    UserTask review = journeys.userTasks().awaitOpen(journey, "DisputeReviewUserTask");
    assertThat(review.formId()).isEqualTo("dispute-review");

    journeys.completeUserTask(
        review, Map.of("disputeResolution", "RESUME", "resolutionNotes", "valor confere"));

    ActivatedJob resume = journeys.awaitJob(JourneyModel.RESUME_DEBT);
    assertThat(resume.getVariablesAsMap()).containsEntry("resolutionNotes", "valor confere");
    journeys.complete(resume);
    assertThat(journeys.timer(journey, "WaitUntilStepDateTimer"))
        .contains(journeys.contactAt(journey, dueDate.plusDays(7)));
  }

  private void callDeadline(Instant deadline) {
    journeys.complete(
        journeys.awaitJob(JourneyModel.CALL_DEADLINE),
        Map.of(
            "callDeadline",
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                OffsetDateTime.ofInstant(deadline, ZoneOffset.ofHours(-3)))));
  }

  private void prepareAgentTask() {
    journeys.complete(
        journeys.awaitJob(JourneyModel.PREPARE_AGENT_TASK),
        Map.of("debtorName", "Maria da Silva", "openBalance", "8000.00"));
  }
}
