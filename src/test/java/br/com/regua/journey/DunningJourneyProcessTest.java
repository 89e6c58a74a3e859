package br.com.regua.journey;

import static br.com.regua.support.JourneyDriver.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import br.com.regua.engine.JourneyModel;
import br.com.regua.support.JourneyDriver;
import br.com.regua.support.JourneyDriver.DebtSpec;
import br.com.regua.support.ProcessTestEngine;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The phases of the régua on the real engine, with no workers: the test plays each job, checks each
 * timer's date before moving the clock, and ends each journey the way docs/journey.md says.
 */
@Tag(ProcessTestEngine.TAG)
class DunningJourneyProcessTest {

  /** The contact steps of the standard strategy, in order. */
  private static final List<Step> STANDARD_STEPS =
      List.of(
          new Step("D-3", -3, "EMAIL", "reminder-before-due"),
          new Step("D0", 0, "EMAIL", "reminder-due-day"),
          new Step("D+1", 1, "EMAIL", "extra-day-offer"),
          new Step("D+3", 3, "WHATSAPP", "negotiation-link"),
          new Step("D+7", 7, "EMAIL", "renegotiation-options"),
          new Step("D+15", 15, "SMS", "last-reminder"));

  record Step(String name, int daysFromDue, String channel, String template) {
    LocalDate day(LocalDate dueDate) {
      return dueDate.plusDays(daysFromDue);
    }
  }

  private final JourneyDriver journeys = new JourneyDriver();

  @AfterEach
  void cancelLeftovers() {
    journeys.cancelLeftovers();
  }

  @Test
  void theStandardStrategyRunsEveryPhaseNegativatesAndHandsOffAtD60() {
    // given a standard debt of a debtor in São Paulo, due in ten days
    LocalDate dueDate = journeys.today().plusDays(10);
    DebtSpec debt = journeys.standardDebt(dueDate);
    long journey = journeys.start(debt);

    // then each contact step waits for its day at 09:00, then asks for its message
    for (Step step : STANDARD_STEPS) {
      assertThat(journeys.timer(journey, "WaitUntilStepDateTimer"))
          .as("timer of %s", step.name())
          .contains(journeys.contactAt(journey, step.day(dueDate)));
      assertThat(journeys.activate(JourneyModel.SEND_REMINDER)).as("nothing early").isEmpty();
      journeys.advanceTo(journeys.contactAt(journey, step.day(dueDate)));
      journeys.expectReminder(step.name(), step.channel(), step.template());
    }

    // the prior notice goes out at D+20 and names SP's 20-day wait
    assertThat(journeys.timer(journey, "WaitUntilNegativationNoticeTimer"))
        .contains(journeys.contactAt(journey, dueDate.plusDays(20)));
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(20)));
    OffsetDateTime noticeSentAt = journeys.sendNotice(20);

    // the negativation waits 20 days from the notice
    assertThat(journeys.timer(journey, "WaitNegativationPeriodTimer"))
        .contains(noticeSentAt.plusDays(20).toInstant());
    assertThat(journeys.activate("negativate-debt")).isEmpty();
    journeys.advanceTo(noticeSentAt.plusDays(20).toInstant());
    journeys.complete(journeys.awaitJob("negativate-debt"));

    // and at D+60 the debt is handed off, as the strategy says
    assertThat(journeys.timer(journey, "WaitUntilFinalActionTimer"))
        .contains(journeys.contactAt(journey, dueDate.plusDays(60)));
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(60)));
    ActivatedJob close = journeys.awaitJob(JourneyModel.CLOSE_DEBT);
    assertThat(close.getVariablesAsMap()).containsEntry("outcome", "HANDED_OFF");
    journeys.complete(close);
    journeys
        .assertThatJourney(journey)
        .isCompleted()
        .hasPassedElement("JourneyClosedEndEvent")
        .hasNotPassedElement("DebtPaidEndEvent");
  }

  @Test
  void aContactThePolicyPostponesWaitsOnATimerUntilTheNextWindowThenIsAskedAgain() {
    // given the D-3 reminder asked for
    LocalDate dueDate = journeys.today().plusDays(10);
    long journey = journeys.start(journeys.standardDebt(dueDate));
    journeys.advanceTo(journeys.contactAt(journey, dueDate.minusDays(3)));
    ActivatedJob first = journeys.awaitJob(JourneyModel.SEND_REMINDER);

    // when the contact policy postpones it to the next morning
    Instant nextWindow = at(dueDate.minusDays(2), 8);
    journeys.postponed(first, nextWindow);

    // then the step waits on a timer, asks again at that instant, and the régua goes on
    assertThat(journeys.timer(journey, "WaitForContactWindowTimer")).contains(nextWindow);
    assertThat(journeys.activate(JourneyModel.SEND_REMINDER)).isEmpty();
    journeys.advanceTo(nextWindow);
    journeys.expectReminder("D-3", "EMAIL", "reminder-before-due");
    assertThat(journeys.timer(journey, "WaitUntilStepDateTimer"))
        .contains(journeys.contactAt(journey, dueDate));
  }

  @Test
  void theLightStrategyNeverNegativatesAndWritesOffAtD60() {
    LocalDate dueDate = journeys.today().plusDays(10);
    long journey = journeys.start(journeys.lightDebt(dueDate));

    for (Step step : STANDARD_STEPS) {
      journeys.advanceTo(journeys.contactAt(journey, step.day(dueDate)));
      journeys.expectReminder(step.name(), step.channel(), step.template());
    }
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(45)));

    assertThat(journeys.activate(JourneyModel.SEND_REMINDER)).isEmpty();
    assertThat(journeys.activate("negativate-debt")).isEmpty();
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(60)));
    ActivatedJob close = journeys.awaitJob(JourneyModel.CLOSE_DEBT);
    assertThat(close.getVariablesAsMap()).containsEntry("outcome", "WRITTEN_OFF");
    journeys.complete(close);
    journeys
        .assertThatJourney(journey)
        .isCompleted()
        .hasNotPassedElement("SendNegativationNoticeCallActivity");
  }

  @ParameterizedTest(name = "debtor in {0}: negativation {1} days after the notice")
  @CsvSource({"MT, 45", "PI, 15", "RJ, 10"})
  void theNegativationWaitFollowsTheDebtorsState(String state, int days) {
    LocalDate dueDate = journeys.today().minusDays(20);
    long journey = journeys.start(journeys.standardDebt(dueDate).inState(state));

    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(20))); // today, at its minute
    OffsetDateTime noticeSentAt = journeys.sendNotice(days);

    assertThat(journeys.timer(journey, "WaitNegativationPeriodTimer"))
        .contains(noticeSentAt.plusDays(days).toInstant());
  }

  @Test
  void anEmailNoticeWaitsForItsDeliveryReceiptAndTheStatesWaitCountsFromTheDelivery() {
    // given the D+20 e-mail notice sent, with no delivery receipt yet
    LocalDate dueDate = journeys.today().minusDays(20);
    long journey = journeys.start(journeys.standardDebt(dueDate));
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(20)));
    ActivatedJob notice = journeys.awaitJob(JourneyModel.SEND_REMINDER);
    assertThat(notice.getVariablesAsMap()).containsEntry("channel", "EMAIL");
    journeys.contacted(notice);
    journeys.answerNoticeProof("PENDING");

    // then the journey checks again six hours later, and never negativates meanwhile
    Instant recheck = journeys.now().plus(Duration.ofHours(6));
    assertThat(journeys.timer(journey, "WaitForNoticeReceiptTimer"))
        .hasValueSatisfying(at -> assertThat(at).isBetween(recheck.minusSeconds(5), recheck));
    assertThat(journeys.activate("negativate-debt")).isEmpty();
    journeys.advanceTo(recheck);

    // when the receipt has come in by then
    OffsetDateTime deliveredAt =
        OffsetDateTime.ofInstant(
            recheck.truncatedTo(ChronoUnit.MILLIS).minusSeconds(3_600),
            ZoneId.of("America/Sao_Paulo"));
    journeys.proveNotice(deliveredAt);

    // then São Paulo's 20 days count from the delivery
    assertThat(journeys.timer(journey, "WaitNegativationPeriodTimer"))
        .contains(deliveredAt.plusDays(20).toInstant());
    journeys.advanceTo(deliveredAt.plusDays(20).toInstant());
    journeys.complete(journeys.awaitJob("negativate-debt"));
  }

  @Test
  void withoutAReceiptInTimeTheNoticeGoesByLetterAndTheWaitCountsFromItsMailing() {
    // given an e-mail notice whose receipt never came within the model's wait
    LocalDate dueDate = journeys.today().minusDays(20);
    long journey = journeys.start(journeys.standardDebt(dueDate));
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(20)));
    journeys.contacted(journeys.awaitJob(JourneyModel.SEND_REMINDER));
    journeys.answerNoticeProof("LETTER_NEEDED");

    // then the notice goes out as a letter, with the state's wait in it
    ActivatedJob letter = journeys.awaitJob(JourneyModel.SEND_REMINDER);
    assertThat(letter.getVariablesAsMap())
        .containsEntry("step", "Aviso prévio de negativação (carta)")
        .containsEntry("channel", "LETTER")
        .containsEntry("template", "negativation-notice")
        .containsEntry("negativationWaitDays", 20);
    OffsetDateTime mailedAt = journeys.contacted(letter);
    journeys.proveNotice(mailedAt);

    // and the negativation waits 20 days from its mailing
    assertThat(journeys.timer(journey, "WaitNegativationPeriodTimer"))
        .contains(mailedAt.plusDays(20).toInstant());
  }

  @Test
  void aNoticeThatCannotBeProvenIsNeverNegativatedAndTheJourneyGoesOnToItsFinalAction() {
    // given an unconfirmed e-mail notice and a letter that could not be mailed
    LocalDate dueDate = journeys.today().minusDays(20);
    long journey = journeys.start(journeys.standardDebt(dueDate));
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(20)));
    journeys.contacted(journeys.awaitJob(JourneyModel.SEND_REMINDER));
    journeys.answerNoticeProof("LETTER_NEEDED");
    journeys.contacted(journeys.awaitJob(JourneyModel.SEND_REMINDER));

    // when there is no proof to be had
    journeys.answerNoticeProof("UNPROVABLE");

    // then no negativation waits, and D+60's final action does
    assertThat(journeys.timer(journey, "WaitNegativationPeriodTimer")).isEmpty();
    assertThat(journeys.timer(journey, "WaitUntilFinalActionTimer"))
        .contains(journeys.contactAt(journey, dueDate.plusDays(60)));
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(60)));
    assertThat(journeys.activate("negativate-debt")).isEmpty();
    journeys.assertThatJourney(journey).hasNotPassedElement("NegativateDebtTask");
  }

  @Test
  void aDebtRegisteredLateSkipsThePassedStepsWithoutABurst() {
    // given a debt already ten days overdue
    LocalDate dueDate = journeys.today().minusDays(10);

    // when its journey starts
    long journey = journeys.start(journeys.standardDebt(dueDate));

    // then D-3, D0, D+1, D+3 and D+7 are skipped, each recorded, nothing is sent now, and D+15
    // waits for its date
    assertThat(journeys.completions(journey, "StepSkippedEndEvent")).isEqualTo(5);
    assertThat(journeys.completions(journey, "RecordSkippedStepTask")).isEqualTo(5);
    assertThat(journeys.activate(JourneyModel.SEND_REMINDER)).isEmpty();
    assertThat(journeys.timer(journey, "WaitUntilStepDateTimer"))
        .contains(journeys.contactAt(journey, dueDate.plusDays(15)));
  }

  @Test
  void aDebtRegisteredOnItsDueDayGetsTheDueDayReminderOnce() {
    LocalDate dueDate = journeys.today();
    long journey = journeys.start(journeys.standardDebt(dueDate));
    journeys.advanceTo(
        journeys.contactAt(journey, dueDate)); // no move if the debt's minute has passed

    assertThat(journeys.completions(journey, "StepSkippedEndEvent")).isEqualTo(1);
    journeys.expectReminder("D0", "EMAIL", "reminder-due-day");
    assertThat(journeys.activate(JourneyModel.SEND_REMINDER)).isEmpty();
  }

  /**
   * Where a standard journey can wait: before each contact step's timer, at its job, before the
   * notice, during the negativation wait, and before D+60. Each state is reached by playing the
   * first {@code n} of these moves.
   */
  static Stream<Integer> waitingStates() {
    return IntStream.rangeClosed(0, STANDARD_STEPS.size() * 2 + 3).boxed();
  }

  @ParameterizedTest(name = "after {0} moves")
  @MethodSource("waitingStates")
  void aFullPaymentEndsTheJourneyFromEveryWaitingState(int moves) {
    // given a journey that got as far as the parameter says
    LocalDate dueDate = journeys.today().plusDays(10);
    DebtSpec debt = journeys.standardDebt(dueDate);
    long journey = journeys.start(debt);
    boolean negativated = playStandardMoves(journey, dueDate, moves);

    // when the full payment arrives
    journeys.publish(
        JourneyModel.PAYMENT_RECEIVED, debt.debtId(), "pay-" + debt.debtId(), Map.of());

    // then de-negativation is asked for (the worker answers whether there was one) and the
    // journey ends paid, with nothing left waiting
    ActivatedJob denegativation = journeys.awaitJob("request-denegativation");
    journeys.complete(
        denegativation,
        negativated
            ? Map.of("denegativationDeadline", dueDate.plusDays(50).toString())
            : java.util.Collections.singletonMap("denegativationDeadline", null));
    if (negativated) {
      journeys.complete(
          journeys.awaitJob("check-denegativation"), Map.of("denegativationConfirmed", true));
    }
    journeys
        .assertThatJourney(journey)
        .isCompleted()
        .hasPassedElement(negativated ? "DebtPaidAndDenegativatedEndEvent" : "DebtPaidEndEvent")
        .hasNotPassedElement("JourneyClosedEndEvent");
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(120)));
    assertThat(journeys.activate(JourneyModel.SEND_REMINDER)).isEmpty();
    assertThat(journeys.activate(JourneyModel.CLOSE_DEBT)).isEmpty();
    assertThat(journeys.activate("negativate-debt")).isEmpty();
  }

  /**
   * Plays the first {@code moves} of the standard journey: each step's timer then its job, then the
   * notice timer, the notice job, the negativation. Returns whether the debt got negativated.
   */
  private boolean playStandardMoves(long journey, LocalDate dueDate, int moves) {
    int move = 0;
    for (Step step : STANDARD_STEPS) {
      if (move++ == moves) {
        return false;
      }
      journeys.advanceTo(journeys.contactAt(journey, step.day(dueDate)));
      if (move++ == moves) {
        return false;
      }
      journeys.expectReminder(step.name(), step.channel(), step.template());
    }
    if (move++ == moves) {
      return false;
    }
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(20)));
    if (move++ == moves) {
      return false;
    }
    OffsetDateTime noticeSentAt = journeys.sendNotice(20);
    if (move++ == moves) {
      return false;
    }
    journeys.advanceTo(noticeSentAt.plusDays(20).toInstant());
    journeys.complete(journeys.awaitJob("negativate-debt"));
    return true;
  }

  @Test
  void afterANegativatedDebtIsPaidTheBureauIsCheckedUntilTheRemovalIsConfirmed() {
    LocalDate dueDate = journeys.today().minusDays(20);
    DebtSpec debt = journeys.standardDebt(dueDate);
    long journey = journeys.start(debt);
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(20))); // today, at its minute
    OffsetDateTime noticeSentAt = journeys.sendNotice(20);
    journeys.advanceTo(noticeSentAt.plusDays(20).toInstant());
    journeys.complete(journeys.awaitJob("negativate-debt"));

    journeys.publish(
        JourneyModel.PAYMENT_RECEIVED, debt.debtId(), "pay-" + debt.debtId(), Map.of());
    journeys.complete(
        journeys.awaitJob("request-denegativation"),
        Map.of("denegativationDeadline", journeys.today().plusDays(7).toString()));

    // the bureau has not removed it yet: ask again four hours later
    journeys.complete(
        journeys.awaitJob("check-denegativation"), Map.of("denegativationConfirmed", false));
    assertThat(journeys.timer(journey, "RecheckDenegativationTimer").orElseThrow())
        .isCloseTo(journeys.now().plus(Duration.ofHours(4)), within(1, ChronoUnit.SECONDS));
    journeys.advanceBy(Duration.ofHours(4));
    journeys.complete(
        journeys.awaitJob("check-denegativation"), Map.of("denegativationConfirmed", true));

    journeys
        .assertThatJourney(journey)
        .isCompleted()
        .hasPassedElement("DebtPaidAndDenegativatedEndEvent");
  }

  @Test
  void aPartialPaymentLeavesTheJourneyWaitingWhereItWas() {
    LocalDate dueDate = journeys.today().plusDays(10);
    DebtSpec debt = journeys.standardDebt(dueDate);
    long journey = journeys.start(debt);

    journeys.publish(
        JourneyModel.PARTIAL_PAYMENT_RECEIVED, debt.debtId(), "partial-" + debt.debtId(), Map.of());

    journeys.assertThatJourney(journey).isActive().hasPassedElement("PartialPaymentNotedEndEvent");
    assertThat(journeys.timer(journey, "WaitUntilStepDateTimer"))
        .contains(journeys.contactAt(journey, dueDate.minusDays(3)));
  }

  @Test
  void anAgreementEndsTheJourneyRenegotiated() {
    LocalDate dueDate = journeys.today().minusDays(5);
    DebtSpec debt = journeys.standardDebt(dueDate);
    long journey = journeys.start(debt);

    journeys.publish(
        JourneyModel.AGREEMENT_SIGNED, debt.debtId(), "agreement-" + debt.debtId(), Map.of());

    ActivatedJob close = journeys.awaitJob(JourneyModel.CLOSE_DEBT);
    assertThat(close.getVariablesAsMap()).containsEntry("outcome", "RENEGOTIATED");
    journeys.complete(close);
    journeys.assertThatJourney(journey).isCompleted().hasPassedElement("DebtRenegotiatedEndEvent");
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(20)));
    assertThat(journeys.activate(JourneyModel.SEND_REMINDER)).isEmpty();
  }
}
