package br.com.regua.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.support.ProcessTestEngine;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The journey model itself on the real engine, with no workers: the test plays the workers, checks
 * each timer's date before moving the clock, and sends the payment from every state the journey can
 * wait in.
 */
class DunningJourneyProcessTest {

  private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
  private static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

  /** The default régua of bpmn/dunning-journey.bpmn, in order. */
  private static final List<Step> STEPS =
      List.of(
          new Step("D-3", -3, "reminder-before-due"),
          new Step("D0", 0, "reminder-due-day"),
          new Step("D+3", 3, "reminder-overdue"),
          new Step("D+7", 7, "reminder-overdue"),
          new Step("D+15", 15, "reminder-overdue"));

  private record Step(String name, int daysFromDue, String template) {
    Instant sendAt(LocalDate dueDate) {
      return dueDate.plusDays(daysFromDue).atTime(REMINDER_TIME).atZone(SAO_PAULO).toInstant();
    }
  }

  private final ProcessTestEngine zeebe = ProcessTestEngine.get();
  private final List<Long> started = new ArrayList<>();
  private int debtCounter;

  @AfterEach
  void cancelLeftovers() {
    // The engine is shared: a journey left waiting would fire its timers in the next test.
    for (long key : started) {
      try {
        zeebe.client().newCancelInstanceCommand(key).send().join();
      } catch (RuntimeException alreadyEnded) {
        // completed or cancelled by the test itself
      }
    }
    zeebe.idle();
  }

  @Test
  void eachStepWaitsForItsDateThenRemindsAndTheJourneyEndsUnresolved() {
    // given a debt due in ten days
    LocalDate dueDate = today().plusDays(10);
    String debtId = newDebtId();
    long journey = startJourney(debtId, dueDate);

    for (Step step : STEPS) {
      // then the step's timer waits for its date, 09:00 in São Paulo
      TimerRecordValue timer = zeebe.activeTimer(journey, "WaitUntilStepDateTimer").orElseThrow();
      assertThat(Instant.ofEpochMilli(timer.getDueDate()))
          .as("timer of %s", step.name())
          .isEqualTo(step.sendAt(dueDate));
      assertThat(activate(JourneyModel.SEND_REMINDER)).as("nothing sent early").isEmpty();

      // when the clock reaches it
      zeebe.advanceTo(step.sendAt(dueDate));

      // then the reminder of that step is asked for
      ActivatedJob job = awaitJob(JourneyModel.SEND_REMINDER);
      assertThat(job.getVariablesAsMap())
          .containsEntry("debtId", debtId)
          .containsEntry("step", step.name())
          .containsEntry("channel", "EMAIL")
          .containsEntry("template", step.template());
      complete(job);
    }

    ActivatedJob close = awaitJob(JourneyModel.CLOSE_DEBT);
    assertThat(close.getCustomHeaders()).containsEntry("outcome", "UNRESOLVED");
    complete(close);
    zeebe
        .assertThatInstance(journey)
        .isCompleted()
        .hasPassedElement("JourneyUnresolvedEndEvent")
        .hasNotPassedElement("DebtPaidEndEvent");
  }

  /** Every place the journey can wait: before each step's timer fires, or at its job. */
  static Stream<Arguments> waitingStates() {
    return IntStream.rangeClosed(0, STEPS.size())
        .boxed()
        .flatMap(done -> Stream.of(Arguments.of(done, false), Arguments.of(done, true)));
  }

  @ParameterizedTest(name = "after {0} steps, waiting at the job: {1}")
  @MethodSource("waitingStates")
  void aFullPaymentEndsTheJourneyFromEveryWaitingState(int stepsDone, boolean atJob) {
    // given a journey that got as far as the parameters say
    LocalDate dueDate = today().plusDays(10);
    String debtId = newDebtId();
    long journey = startJourney(debtId, dueDate);
    for (Step step : STEPS.subList(0, stepsDone)) {
      zeebe.advanceTo(step.sendAt(dueDate));
      complete(awaitJob(JourneyModel.SEND_REMINDER));
    }
    if (atJob && stepsDone < STEPS.size()) {
      zeebe.advanceTo(STEPS.get(stepsDone).sendAt(dueDate));
    }

    // when the full payment arrives
    publish(JourneyModel.PAYMENT_RECEIVED, debtId, "pay-" + debtId);

    // then the journey ends paid, and nothing waits any more
    zeebe
        .assertThatInstance(journey)
        .isCompleted()
        .hasPassedElement("DebtPaidEndEvent")
        .hasNotPassedElement("JourneyUnresolvedEndEvent");
    assertThat(zeebe.activeTimer(journey, "WaitUntilStepDateTimer")).isEmpty();
    zeebe.advanceTo(dueDate.plusDays(90).atStartOfDay(SAO_PAULO).toInstant());
    assertThat(activate(JourneyModel.SEND_REMINDER)).isEmpty();
    assertThat(activate(JourneyModel.CLOSE_DEBT)).isEmpty();
  }

  @Test
  void aPartialPaymentLeavesTheJourneyWaitingWhereItWas() {
    // given a journey waiting for D-3
    LocalDate dueDate = today().plusDays(10);
    String debtId = newDebtId();
    long journey = startJourney(debtId, dueDate);

    // when part of the debt is paid
    publish(JourneyModel.PARTIAL_PAYMENT_RECEIVED, debtId, "partial-" + debtId);

    // then the journey notes it and still waits for the D-3 reminder
    zeebe.assertThatInstance(journey).isActive().hasPassedElement("PartialPaymentNotedEndEvent");
    assertThat(zeebe.activeTimer(journey, "WaitUntilStepDateTimer").orElseThrow().getDueDate())
        .isEqualTo(STEPS.getFirst().sendAt(dueDate).toEpochMilli());
  }

  @Test
  void aDebtRegisteredLateSkipsThePassedStepsWithoutABurst() {
    // given a debt already ten days overdue
    LocalDate dueDate = today().minusDays(10);
    String debtId = newDebtId();

    // when its journey starts
    long journey = startJourney(debtId, dueDate);

    // then D-3, D0, D+3 and D+7 are skipped, nothing is sent now, and D+15 waits for its date
    assertThat(zeebe.completions(journey, "StepSkippedEndEvent")).isEqualTo(4);
    assertThat(activate(JourneyModel.SEND_REMINDER)).isEmpty();
    TimerRecordValue timer = zeebe.activeTimer(journey, "WaitUntilStepDateTimer").orElseThrow();
    assertThat(Instant.ofEpochMilli(timer.getDueDate())).isEqualTo(STEPS.getLast().sendAt(dueDate));
  }

  @Test
  void aDebtRegisteredOnItsDueDayGetsTheDueDayReminderOnce() {
    // given a debt due today, registered after the 09:00 reminder time may have passed
    LocalDate dueDate = today();
    String debtId = newDebtId();

    // when its journey starts
    long journey = startJourney(debtId, dueDate);
    zeebe.advanceTo(STEPS.get(1).sendAt(dueDate)); // no move if 09:00 has passed

    // then D-3 is skipped and exactly one reminder, D0, is asked for
    assertThat(zeebe.completions(journey, "StepSkippedEndEvent")).isEqualTo(1);
    ActivatedJob job = awaitJob(JourneyModel.SEND_REMINDER);
    assertThat(job.getVariablesAsMap()).containsEntry("step", "D0");
    assertThat(activate(JourneyModel.SEND_REMINDER)).isEmpty();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(zeebe.now(), SAO_PAULO);
  }

  private String newDebtId() {
    return "debt-" + System.nanoTime() + "-" + (++debtCounter);
  }

  private long startJourney(String debtId, LocalDate dueDate) {
    long key =
        zeebe
            .client()
            .newCreateInstanceCommand()
            .bpmnProcessId(JourneyModel.DUNNING_JOURNEY)
            .latestVersion()
            .variables(Map.of("debtId", debtId, "dueDate", dueDate.toString()))
            .send()
            .join()
            .getProcessInstanceKey();
    started.add(key);
    zeebe.idle();
    return key;
  }

  private void publish(String message, String debtId, String messageId) {
    zeebe
        .client()
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey(debtId)
        .messageId(messageId)
        .send()
        .join();
  }

  private List<ActivatedJob> activate(String jobType) {
    zeebe.idle();
    return zeebe
        .client()
        .newActivateJobsCommand()
        .jobType(jobType)
        .maxJobsToActivate(10)
        .timeout(Duration.ofSeconds(2))
        .requestTimeout(Duration.ofMillis(100))
        .send()
        .join()
        .getJobs();
  }

  /** Waits for exactly one job of the type: the engine notices a clock move on its next tick. */
  private ActivatedJob awaitJob(String jobType) {
    List<ActivatedJob> jobs =
        await().atMost(Duration.ofSeconds(10)).until(() -> activate(jobType), j -> !j.isEmpty());
    assertThat(jobs).hasSize(1);
    return jobs.getFirst();
  }

  private void complete(ActivatedJob job) {
    zeebe.client().newCompleteCommand(job).send().join();
    zeebe.idle();
  }
}
