package br.com.regua.hold;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.engine.JourneyModel;
import br.com.regua.support.JourneyDriver;
import br.com.regua.support.ProcessTestEngine;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The models' side of holds on the real engine, the test playing the workers: {@code
 * debtor-hold-gate} (before every firm action) and {@code contact-step}'s wait on a {@code HELD}
 * contact both wait for the lifting message, or ask again every 6 hours, and never go on while the
 * debtor is held.
 */
@Tag(ProcessTestEngine.TAG)
class DebtorHoldProcessTest {

  private final ProcessTestEngine zeebe = ProcessTestEngine.get();
  private final JourneyDriver journeys = new JourneyDriver().holdGatesPlayedByTest();
  private final List<Long> started = new ArrayList<>();

  @AfterEach
  void cancelLeftovers() {
    for (long key : started) {
      try {
        zeebe.client().newCancelInstanceCommand(key).send().join();
      } catch (RuntimeException alreadyEnded) {
        // completed by the test
      }
    }
    zeebe.idle();
  }

  @Test
  void theGateWaitsWhileTheDebtorIsHeldAndOpensOnTheLifting() {
    // given a gate before a firm action, on a held debtor
    String debtId = "gate-" + System.nanoTime();
    long gate = start(HoldModel.DEBTOR_HOLD_GATE, Map.of("debtId", debtId));
    Instant asked = journeys.now();
    answerHeld(true);

    // then it waits: the 6-hour check is set, nothing passes
    assertThat(journeys.timer(gate, "RecheckHoldTimer").orElseThrow())
        .isBetween(asked.plus(Duration.ofHours(6)), journeys.now().plus(Duration.ofHours(6)));
    journeys.assertThatJourney(gate).isActive().hasNotPassedElement("HoldGateOpenEndEvent");

    // when 6 hours pass and the hold still stands, it asks again and waits again
    journeys.advanceBy(Duration.ofHours(6));
    answerHeld(true);
    journeys.assertThatJourney(gate).isActive();

    // when the hold is lifted, it asks at once and opens
    journeys.publish(HoldModel.DEBTOR_HOLD_LIFTED, debtId, "lift-" + debtId, Map.of());
    answerHeld(false);
    journeys.assertThatJourney(gate).isCompleted().hasPassedElement("HoldGateOpenEndEvent");
  }

  @Test
  void aHeldContactWaitsAndIsTriedAgainOnTheLifting() {
    // given a contact the policy answers HELD
    String debtId = "held-" + System.nanoTime();
    long step =
        start(
            JourneyModel.CONTACT_STEP,
            Map.of(
                "debtId", debtId, "step", "D+7", "channel", "EMAIL", "template", "renegotiation"));
    ActivatedJob first = journeys.awaitJob(JourneyModel.SEND_REMINDER);
    journeys.complete(first, Map.of("contactOutcome", "HELD", "step", "D+7"));

    // then the step waits on the hold, not on a contact window
    journeys.assertThatJourney(step).isActive().hasNotPassedElement("ReminderSentEndEvent");
    assertThat(journeys.timer(step, "RecheckDebtorHoldTimer")).isPresent();
    assertThat(journeys.activate(JourneyModel.SEND_REMINDER)).isEmpty();

    // when the hold is lifted, the contact is tried again at once and this time it is sent
    journeys.publish(HoldModel.DEBTOR_HOLD_LIFTED, debtId, "lift-" + debtId, Map.of());
    ActivatedJob again = journeys.awaitJob(JourneyModel.SEND_REMINDER);
    assertThat(again.getVariablesAsMap()).containsEntry("step", "D+7");
    journeys.complete(again, Map.of("contactOutcome", "SENT"));
    journeys.assertThatJourney(step).isCompleted().hasPassedElement("ReminderSentEndEvent");
  }

  private void answerHeld(boolean held) {
    ActivatedJob check = journeys.awaitJob(HoldModel.CHECK_DEBTOR_HOLD);
    journeys.complete(check, Map.of("debtorHeld", held));
  }

  private long start(String processId, Map<String, Object> variables) {
    long key =
        zeebe
            .client()
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .variables(variables)
            .send()
            .join()
            .getProcessInstanceKey();
    started.add(key);
    zeebe.idle();
    return key;
  }
}
