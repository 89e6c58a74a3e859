package br.com.regua.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.engine.JourneyModel;
import br.com.regua.hold.HoldModel;
import br.com.regua.negativation.NegativationModel;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives journeys on the shared {@link ProcessTestEngine} with no workers: the test plays each job
 * (asserting what the model asked for), moves the engine clock, and publishes the messages the API
 * would. Dates are relative to the engine's clock, which only moves forward.
 */
public final class JourneyDriver {

  public static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final ProcessTestEngine zeebe = ProcessTestEngine.get();
  private final List<Long> started = new ArrayList<>();

  /** The inputs of the strategy decision, and the debt's identity. */
  public record DebtSpec(
      String debtId,
      LocalDate dueDate,
      int amount,
      Integer propensityScore,
      int latePaymentCount,
      String debtorType,
      String debtorState) {

    public DebtSpec inState(String state) {
      return new DebtSpec(
          debtId, dueDate, amount, propensityScore, latePaymentCount, debtorType, state);
    }
  }

  /** Decided "standard" (rule 6): emails, WhatsApp, SMS, negativation, hand-off at D+60. */
  public DebtSpec standardDebt(LocalDate dueDate) {
    return new DebtSpec(newDebtId(), dueDate, 1_000, null, 0, "PF", "SP");
  }

  /** Decided "light" (rule 4): no calls, no negativation, write-off at D+60. */
  public DebtSpec lightDebt(LocalDate dueDate) {
    return new DebtSpec(newDebtId(), dueDate, 150, null, 0, "PF", "SP");
  }

  /** Decided "intensive" with the preventive call (rule 1). */
  public DebtSpec intensiveDebt(LocalDate dueDate) {
    return new DebtSpec(newDebtId(), dueDate, 8_000, null, 3, "PF", "SP");
  }

  /** Starts the journey and plays {@code record-strategy}; returns the process instance key. */
  public long start(DebtSpec debt) {
    return start(debt, Map.of());
  }

  /**
   * {@link #start(DebtSpec)} with some outputs of the strategy table changed, as an analyst's edit
   * of {@code dunning-strategy.dmn} would (e.g. {@code postponementPolicy} = {@code both}).
   */
  public long start(DebtSpec debt, Map<String, Object> strategyChanges) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(JourneyModel.DEBT_ID, debt.debtId());
    variables.put(JourneyModel.DEBT_ID_HASH, JourneyModel.debtIdHash(debt.debtId()));
    variables.put(JourneyModel.DUE_DATE, debt.dueDate().toString());
    variables.put(JourneyModel.AMOUNT, debt.amount());
    variables.put(JourneyModel.PROPENSITY_SCORE, debt.propensityScore());
    variables.put(JourneyModel.LATE_PAYMENT_COUNT, debt.latePaymentCount());
    variables.put(JourneyModel.DEBTOR_TYPE, debt.debtorType());
    variables.put(JourneyModel.DEBTOR_STATE, debt.debtorState());
    variables.put(JourneyModel.DAYS_TO_DUE, ChronoUnit.DAYS.between(today(), debt.dueDate()));
    long key =
        zeebe
            .client()
            .newCreateInstanceCommand()
            .bpmnProcessId(JourneyModel.DUNNING_JOURNEY)
            .latestVersion()
            .variables(variables)
            .send()
            .join()
            .getProcessInstanceKey();
    started.add(key);
    settle(); // its claim of the debt first
    ActivatedJob strategy = awaitJob(JourneyModel.RECORD_STRATEGY);
    assertThat(strategy.getVariablesAsMap()).containsKey(JourneyModel.DUNNING_STRATEGY);
    if (strategyChanges.isEmpty()) {
      complete(strategy);
    } else {
      @SuppressWarnings("unchecked")
      Map<String, Object> changed =
          new HashMap<>(
              (Map<String, Object>)
                  strategy.getVariablesAsMap().get(JourneyModel.DUNNING_STRATEGY));
      changed.putAll(strategyChanges);
      complete(strategy, Map.of(JourneyModel.DUNNING_STRATEGY, changed));
    }
    return key;
  }

  /**
   * Starts an agreement's journey ({@code agreement-journey}) as the application does; installments
   * are {@code (number, dueDate, amount)}. Returns the process instance key.
   */
  public long startAgreement(
      String agreementId, List<String> debtIds, List<Map<String, Object>> installments) {
    long key =
        zeebe
            .client()
            .newCreateInstanceCommand()
            .bpmnProcessId(JourneyModel.AGREEMENT_JOURNEY)
            .latestVersion()
            .variables(
                Map.of(
                    JourneyModel.AGREEMENT_ID, agreementId,
                    JourneyModel.DEBT_ID, debtIds.getFirst(),
                    JourneyModel.DEBT_IDS, debtIds,
                    JourneyModel.INSTALLMENTS, installments))
            .send()
            .join()
            .getProcessInstanceKey();
    started.add(key);
    settle(); // its claim of the agreement first
    return key;
  }

  public LocalDate today() {
    return LocalDate.ofInstant(zeebe.now(), SAO_PAULO);
  }

  public Instant now() {
    return zeebe.now();
  }

  /** A moment of a day, in São Paulo. */
  public static Instant at(LocalDate day, int hour) {
    return day.atTime(LocalTime.of(hour, 0)).atZone(SAO_PAULO).toInstant();
  }

  /**
   * Minutes after 09:00 at which the journey's dated steps fire: the debt's {@code
   * contactMinuteOffset}, which {@code dunning-journey} derives from the debt id when it starts.
   */
  public int contactMinuteOffset(long journey) {
    return new java.math.BigDecimal(
            zeebe
                .variable(journey, JourneyModel.CONTACT_MINUTE_OFFSET)
                .orElseThrow(() -> new AssertionError("no contactMinuteOffset in " + journey)))
        .intValueExact();
  }

  /** When the journey's dated steps of the day fire: 09:00 plus the debt's offset, São Paulo. */
  public Instant contactAt(long journey, LocalDate day) {
    return at(day, 9).plus(Duration.ofMinutes(contactMinuteOffset(journey)));
  }

  public void advanceTo(Instant target) {
    zeebe.advanceTo(target);
    settle();
  }

  public void advanceBy(Duration duration) {
    zeebe.advanceTo(zeebe.now().plus(duration));
    settle();
  }

  /**
   * The jobs no test here plays itself, played as they are met unless a test awaits them: the
   * journeys' claims of their debt or agreement, answered "held" ({@code claim-debt}, {@code
   * claim-agreement}), those that only record what happened ({@code record-skipped-step}, {@code
   * record-task-expired}, {@code record-task-skipped}) and the {@code debtor-hold-gate}'s check,
   * answered "no hold" (but in tests of holds).
   */
  private static final List<String> BOOKKEEPING =
      List.of(
          JourneyModel.CLAIM_DEBT,
          JourneyModel.CLAIM_AGREEMENT,
          JourneyModel.RECORD_SKIPPED_STEP,
          JourneyModel.RECORD_TASK_EXPIRED,
          JourneyModel.RECORD_TASK_SKIPPED,
          HoldModel.CHECK_DEBTOR_HOLD);

  private boolean testPlaysHoldGates;

  /** For tests of holds: {@code check-debtor-hold} jobs are the test's to answer. */
  public JourneyDriver holdGatesPlayedByTest() {
    testPlaysHoldGates = true;
    return this;
  }

  private final List<String> playedRecordings = new java.util.concurrent.CopyOnWriteArrayList<>();

  private void settle() {
    settle(null);
  }

  /**
   * Whether a bookkeeping job of the type was played at the element for the process instance (the
   * called process's instance, for a task of {@code dunning-collection}).
   */
  public boolean playedAnywhere(String jobType, String elementId) {
    settle();
    return playedRecordings.stream().anyMatch(r -> r.startsWith(jobType + "@" + elementId + "#"));
  }

  /**
   * Lets the engine finish what it does now, playing every {@link #BOOKKEEPING} job met on the way
   * (a step whose day had ended records itself, a task's deadline records the task unworked, a hold
   * gate finds no hold, and the journey goes on), but those of type {@code kept}, which the test is
   * about to activate.
   */
  private void settle(String kept) {
    zeebe.idle();
    boolean played;
    do {
      played = false;
      for (String type : BOOKKEEPING) {
        if (type.equals(kept) || (testPlaysHoldGates && type.equals(HoldModel.CHECK_DEBTOR_HOLD))) {
          continue;
        }
        for (ActivatedJob job : activateNow(type)) {
          zeebe.client().newCompleteCommand(job).variables(answer(type)).send().join();
          playedRecordings.add(type + "@" + job.getElementId() + "#" + job.getProcessInstanceKey());
          played = true;
        }
      }
      zeebe.idle();
    } while (played);
  }

  private static Map<String, Object> answer(String bookkeepingType) {
    return switch (bookkeepingType) {
      case HoldModel.CHECK_DEBTOR_HOLD -> Map.of("debtorHeld", false);
      case JourneyModel.CLAIM_DEBT, JourneyModel.CLAIM_AGREEMENT ->
          Map.of(JourneyModel.DUPLICATE_JOURNEY, false);
      default -> Map.of();
    };
  }

  /** The instant the timer at the element waits for, anywhere in the journey. */
  public Optional<Instant> timer(long journey, String elementId) {
    settle();
    return zeebe
        .activeTimer(journey, elementId)
        .map(TimerRecordValue::getDueDate)
        .map(Instant::ofEpochMilli);
  }

  public long completions(long journey, String elementId) {
    settle();
    return zeebe.completions(journey, elementId);
  }

  /** The agents' side: Camunda user tasks of the journey (and of what it called). */
  public UserTasks userTasks() {
    return zeebe.userTasks();
  }

  /**
   * Completes an agent's task as Tasklist would, then plays its end listener ({@code
   * record-agent-outcome}), which the journey waits for before it goes on.
   */
  public void completeUserTask(UserTasks.UserTask task, Map<String, Object> variables) {
    userTasks().complete(task.key(), variables);
    ActivatedJob listener = awaitJob(JourneyModel.RECORD_AGENT_OUTCOME);
    assertThat(listener.getElementId()).isEqualTo(task.elementId());
    complete(listener);
  }

  public ProcessInstanceAssert assertThatJourney(long journey) {
    return zeebe.assertThatInstance(journey);
  }

  /** Activates what is there now: empty when the model asks for nothing of that type. */
  public List<ActivatedJob> activate(String jobType) {
    settle(jobType);
    return activateNow(jobType);
  }

  private List<ActivatedJob> activateNow(String jobType) {
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

  /**
   * Waits for exactly one job of the type: the engine notices a clock move on its next tick. The
   * debtor is never held here: a {@code debtor-hold-gate} met on the way (before a negativation,
   * the D+60 close, an agreement's break) is played as "no hold" unless the test awaits its job.
   */
  public ActivatedJob awaitJob(String jobType) {
    List<ActivatedJob> jobs =
        await().atMost(Duration.ofSeconds(10)).until(() -> activate(jobType), j -> !j.isEmpty());
    assertThat(jobs).as("jobs of type %s", jobType).hasSize(1);
    return jobs.getFirst();
  }

  public void complete(ActivatedJob job) {
    complete(job, Map.of());
  }

  public void complete(ActivatedJob job, Map<String, Object> variables) {
    zeebe.client().newCompleteCommand(job).variables(variables).send().join();
    settle();
  }

  /** Waits for the step's {@code send-reminder}, checks what it asks for and plays it as sent. */
  public ActivatedJob expectReminder(String step, String channel, String template) {
    ActivatedJob job = awaitJob(JourneyModel.SEND_REMINDER);
    assertThat(job.getVariablesAsMap())
        .as("reminder expected: %s", step)
        .containsEntry("step", step)
        .containsEntry("channel", channel)
        .containsEntry("template", template);
    contacted(job);
    return job;
  }

  /** Plays a {@code send-reminder} job as the contact made now. */
  public OffsetDateTime contacted(ActivatedJob job) {
    OffsetDateTime at =
        OffsetDateTime.ofInstant(zeebe.now().truncatedTo(ChronoUnit.MILLIS), SAO_PAULO);
    Map<String, Object> outcome = new HashMap<>();
    outcome.put("contactOutcome", "SENT");
    outcome.put("contactedAt", at.toString());
    outcome.put("postponedUntil", null);
    complete(job, outcome);
    return at;
  }

  /** Plays a {@code send-reminder} job as postponed by the contact policy until the instant. */
  public void postponed(ActivatedJob job, Instant until) {
    Map<String, Object> outcome = new HashMap<>();
    outcome.put("contactOutcome", "POSTPONED");
    outcome.put("contactedAt", null);
    outcome.put("postponedUntil", OffsetDateTime.ofInstant(until, SAO_PAULO).toString());
    complete(job, outcome);
  }

  /** Plays the prior notice of negativation as sent now; returns the notice time. */
  public OffsetDateTime sendNotice(int expectedWaitDays) {
    ActivatedJob job = awaitJob(JourneyModel.SEND_REMINDER);
    assertThat(job.getVariablesAsMap())
        .containsEntry("template", "negativation-notice")
        .containsEntry("negativationWaitDays", expectedWaitDays);
    OffsetDateTime sentAt = contacted(job);
    proveNotice(sentAt);
    return sentAt;
  }

  /**
   * Plays the {@code check-notice-proof} job as a proven notice (a letter mailed, or a receipt of
   * delivery) at the instant: the state's wait counts from it.
   */
  public void proveNotice(OffsetDateTime provenAt) {
    answerNoticeProof("PROVEN", provenAt.toInstant().toString());
  }

  /** Plays the {@code check-notice-proof} job with the status (no proof yet). */
  public void answerNoticeProof(String status) {
    answerNoticeProof(status, null);
  }

  private void answerNoticeProof(String status, String provenAt) {
    ActivatedJob proof = awaitJob(NegativationModel.CHECK_NOTICE_PROOF);
    assertThat(proof.getVariablesAsMap()).containsKey("noticeReceiptWait");
    Map<String, Object> answer = new HashMap<>();
    answer.put("noticeProof", status);
    answer.put("noticeProvenAt", provenAt);
    complete(proof, answer);
  }

  public void publish(String message, String debtId, String messageId, Map<String, Object> vars) {
    zeebe
        .client()
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey(debtId)
        .messageId(messageId)
        .variables(vars)
        .send()
        .join();
    settle();
  }

  /** Cancels what a test left running: the engine is shared, leftovers would fire later. */
  public void cancelLeftovers() {
    for (long key : started) {
      try {
        zeebe.client().newCancelInstanceCommand(key).send().join();
      } catch (RuntimeException alreadyEnded) {
        // completed or cancelled by the test itself
      }
    }
    started.clear();
    zeebe.idle();
  }

  private static String newDebtId() {
    return "debt-" + System.nanoTime() + "-" + COUNTER.incrementAndGet();
  }
}
