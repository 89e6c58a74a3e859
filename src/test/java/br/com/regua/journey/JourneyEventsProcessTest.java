package br.com.regua.journey;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.engine.JourneyModel;
import br.com.regua.support.JourneyDriver;
import br.com.regua.support.JourneyDriver.DebtSpec;
import br.com.regua.support.ProcessTestEngine;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The events that change a journey (docs/journey.md): promises, disputes, email opened, portal
 * visited, each from the states it can arrive in, on the real engine with the test playing the
 * workers.
 */
@Tag(ProcessTestEngine.TAG)
class JourneyEventsProcessTest {

  private final JourneyDriver journeys = new JourneyDriver();

  @AfterEach
  void cancelLeftovers() {
    journeys.cancelLeftovers();
  }

  @Test
  void aPromiseSuspendsTheRéguaUntilItsDateAndABrokenPromiseResumesWhereItStood() {
    // given a standard journey that reached D+3
    LocalDate dueDate = journeys.today().minusDays(4);
    DebtSpec debt = journeys.standardDebt(dueDate);
    long journey = journeys.start(debt);

    // when the debtor promises to pay at D+10
    promise(debt, "P1", dueDate.plusDays(10));

    // then an encouraging message goes out, and nothing else until the promise is broken
    ActivatedJob encouragement = journeys.awaitJob(JourneyModel.SEND_REMINDER);
    assertThat(encouragement.getVariablesAsMap())
        .containsEntry("step", "Promessa P1")
        .containsEntry("template", "promise-encouragement")
        .containsEntry("promisedDate", dueDate.plusDays(10).toString());
    journeys.complete(encouragement);
    assertThat(journeys.timer(journey, "PromiseDueTimer"))
        .contains(journeys.contactAt(journey, dueDate.plusDays(12)));
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(11)));
    assertThat(journeys.activate(JourneyModel.SEND_REMINDER)).as("D+7 waits").isEmpty();

    // when the promised date plus two days of grace passes unpaid
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(12)));
    journeys.complete(journeys.awaitJob(JourneyModel.BREAK_PROMISE));

    // then the régua resumes: D+7 has passed and is skipped, D+15 waits for its day
    assertThat(journeys.activate(JourneyModel.SEND_REMINDER)).isEmpty();
    assertThat(journeys.timer(journey, "WaitUntilStepDateTimer"))
        .contains(journeys.contactAt(journey, dueDate.plusDays(15)));
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(15)));
    journeys.expectReminder("D+15", "SMS", "last-reminder");
  }

  @Test
  void aPaymentWhilePromisedKeepsThePromiseAndEndsTheJourney() {
    LocalDate dueDate = journeys.today().minusDays(4);
    DebtSpec debt = journeys.standardDebt(dueDate);
    long journey = journeys.start(debt);
    promise(debt, "P2", dueDate.plusDays(10));
    journeys.complete(journeys.awaitJob(JourneyModel.SEND_REMINDER));

    pay(debt);

    journeys.assertThatJourney(journey).isCompleted().hasPassedElement("DebtPaidEndEvent");
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(13)));
    assertThat(journeys.activate(JourneyModel.BREAK_PROMISE)).isEmpty();
  }

  @Test
  void aPromiseDuringTheNegativationWaitHoldsTheNegativationUntilItIsBroken() {
    // given a journey waiting out SP's 20 days after the notice
    LocalDate dueDate = journeys.today().minusDays(20);
    DebtSpec debt = journeys.standardDebt(dueDate);
    long journey = journeys.start(debt);
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(20))); // today, at its minute
    OffsetDateTime noticeSentAt = journeys.sendNotice(20);

    // when the debtor promises a date beyond the end of the wait
    LocalDate promisedDate = journeys.today().plusDays(25);
    promise(debt, "P3", promisedDate);
    journeys.complete(journeys.awaitJob(JourneyModel.SEND_REMINDER));

    // then the wait ends without a negativation
    journeys.advanceTo(noticeSentAt.plusDays(21).toInstant());
    assertThat(journeys.activate("negativate-debt")).isEmpty();
    assertThat(journeys.timer(journey, "WaitNegativationPeriodTimer")).isEmpty();

    // and once the promise is broken, the journey resumes: the notice worker answers with the
    // first notice's time (it is never sent twice), the wait is over, the debt is negativated
    journeys.advanceTo(journeys.contactAt(journey, promisedDate.plusDays(2)));
    journeys.complete(journeys.awaitJob(JourneyModel.BREAK_PROMISE));
    ActivatedJob notice = journeys.awaitJob(JourneyModel.SEND_REMINDER);
    assertThat(notice.getVariablesAsMap()).containsEntry("template", "negativation-notice");
    journeys.complete(
        notice, Map.of("contactOutcome", "SENT", "contactedAt", noticeSentAt.toString()));
    journeys.proveNotice(noticeSentAt);
    journeys.complete(journeys.awaitJob("negativate-debt"));
  }

  @Test
  void aDisputePausesEverythingUntilItIsResolvedThenCollectionResumes() {
    // given a standard journey that reached D+3
    LocalDate dueDate = journeys.today().minusDays(4);
    DebtSpec debt = journeys.standardDebt(dueDate);
    long journey = journeys.start(debt);

    // when the debtor disputes the debt
    dispute(debt, "C1");

    // then an agent gets the review task, with the debtor's context, and nothing is sent
    ActivatedJob prepare = journeys.awaitJob(JourneyModel.PREPARE_AGENT_TASK);
    journeys.complete(prepare, Map.of("disputeReason", "Não reconheço"));
    journeys.assertThatJourney(journey).isWaitingAtElements("DisputeReviewUserTask");
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(25)));
    assertThat(journeys.activate(JourneyModel.SEND_REMINDER))
        .as("no reminder, no notice")
        .isEmpty();

    // when the dispute is resolved as unfounded
    resolve(debt, "RESUME");

    // then the debt resumes and the journey goes on where it stood: the notice is due
    journeys.complete(journeys.awaitJob(JourneyModel.RESUME_DEBT));
    journeys.sendNotice(20);
  }

  @Test
  void aFoundedDisputeCancelsTheDebt() {
    LocalDate dueDate = journeys.today().minusDays(4);
    DebtSpec debt = journeys.standardDebt(dueDate);
    long journey = journeys.start(debt);
    dispute(debt, "C2");
    journeys.complete(journeys.awaitJob(JourneyModel.PREPARE_AGENT_TASK));

    resolve(debt, "CANCEL");

    ActivatedJob close = journeys.awaitJob(JourneyModel.CLOSE_DEBT);
    assertThat(close.getVariablesAsMap()).containsEntry("outcome", "CANCELLED");
    journeys.complete(close);
    journeys.complete(
        journeys.awaitJob("request-denegativation"),
        Collections.singletonMap("denegativationDeadline", null));
    journeys.assertThatJourney(journey).isCompleted().hasPassedElement("DebtCancelledEndEvent");
  }

  @Test
  void aDisputeDuringTheNegativationWaitBlocksTheNegativation() {
    LocalDate dueDate = journeys.today().minusDays(20);
    DebtSpec debt = journeys.standardDebt(dueDate);
    long journey = journeys.start(debt);
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(20))); // today, at its minute
    OffsetDateTime noticeSentAt = journeys.sendNotice(20);

    dispute(debt, "C3");
    journeys.complete(journeys.awaitJob(JourneyModel.PREPARE_AGENT_TASK));
    journeys.advanceTo(noticeSentAt.plusDays(30).toInstant());

    assertThat(journeys.activate("negativate-debt")).isEmpty();
    journeys.assertThatJourney(journey).isWaitingAtElements("DisputeReviewUserTask");
  }

  @Test
  void aDisputeWhilePromisedGoesToReviewAndThePromiseNoLongerBreaks() {
    LocalDate dueDate = journeys.today().minusDays(4);
    DebtSpec debt = journeys.standardDebt(dueDate);
    long journey = journeys.start(debt);
    promise(debt, "P4", dueDate.plusDays(10));
    journeys.complete(journeys.awaitJob(JourneyModel.SEND_REMINDER));

    dispute(debt, "C4");
    journeys.complete(journeys.awaitJob(JourneyModel.PREPARE_AGENT_TASK));

    journeys.assertThatJourney(journey).isWaitingAtElements("DisputeReviewUserTask");
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(13)));
    assertThat(journeys.activate(JourneyModel.BREAK_PROMISE)).isEmpty();
  }

  @Test
  void aPaymentDuringADisputeEndsTheJourneyPaid() {
    LocalDate dueDate = journeys.today().minusDays(4);
    DebtSpec debt = journeys.standardDebt(dueDate);
    long journey = journeys.start(debt);
    dispute(debt, "C5");
    journeys.complete(journeys.awaitJob(JourneyModel.PREPARE_AGENT_TASK));

    pay(debt);

    journeys.assertThatJourney(journey).isCompleted().hasPassedElement("DebtPaidEndEvent");
  }

  @Test
  void anOpenedEmailWithoutPaymentGetsAFollowUpOnAnotherChannelAfter48Hours() {
    LocalDate dueDate = journeys.today().minusDays(4);
    DebtSpec debt = journeys.standardDebt(dueDate);
    journeys.start(debt);

    journeys.publish(JourneyModel.EMAIL_OPENED, debt.debtId(), "open-1", Map.of());
    journeys.advanceBy(Duration.ofHours(47));
    assertThat(journeys.activate(JourneyModel.SEND_REMINDER)).isEmpty();
    journeys.advanceBy(Duration.ofHours(1));

    ActivatedJob followUp = journeys.awaitJob(JourneyModel.SEND_REMINDER);
    assertThat(followUp.getVariablesAsMap())
        .containsEntry("followUp", "email-opened")
        .containsEntry("channel", "SMS")
        .containsEntry("template", "email-opened-follow-up");
  }

  @Test
  void aPostponedFollowUpIsTriedAgainUnderTheNameItsFirstAttemptGaveIt() {
    // given an e-mail follow-up asked for 48 hours after the opening
    LocalDate dueDate = journeys.today().minusDays(4);
    DebtSpec debt = journeys.standardDebt(dueDate);
    journeys.start(debt);
    journeys.publish(JourneyModel.EMAIL_OPENED, debt.debtId(), "open-named", Map.of());
    journeys.advanceBy(Duration.ofHours(48));
    ActivatedJob first = journeys.awaitJob(JourneyModel.SEND_REMINDER);
    assertThat(first.getVariablesAsMap()).containsEntry("followUp", "email-opened");
    assertThat(first.getVariablesAsMap().get("step")).isNull();

    // when the policy postpones it, under the stage it answers then
    Instant nextWindow = journeys.now().plus(Duration.ofHours(20));
    Map<String, Object> postponed = new HashMap<>();
    postponed.put("contactOutcome", "POSTPONED");
    postponed.put("contactedAt", null);
    postponed.put("postponedUntil", nextWindow.toString());
    postponed.put("step", "Acompanhamento email-opened após D+3");
    journeys.complete(first, postponed);
    journeys.advanceTo(nextWindow);

    // then the next attempt carries that name, whatever stage the régua reached meanwhile
    ActivatedJob again = journeys.awaitJob(JourneyModel.SEND_REMINDER);
    assertThat(again.getVariablesAsMap())
        .containsEntry("followUp", "email-opened")
        .containsEntry("step", "Acompanhamento email-opened após D+3");
  }

  @Test
  void aPaymentWithinTheWaitCancelsTheEmailFollowUp() {
    LocalDate dueDate = journeys.today().minusDays(4);
    DebtSpec debt = journeys.standardDebt(dueDate);
    journeys.start(debt);
    journeys.publish(JourneyModel.EMAIL_OPENED, debt.debtId(), "open-2", Map.of());

    pay(debt);
    journeys.advanceBy(Duration.ofHours(49));

    assertThat(journeys.activate(JourneyModel.SEND_REMINDER)).isEmpty();
  }

  @Test
  void aPortalVisitWithoutBoletoOrRenegotiationGetsADiscountIncentiveHoursLater() {
    LocalDate dueDate = journeys.today().minusDays(4);
    DebtSpec debt = journeys.standardDebt(dueDate);
    journeys.start(debt);

    journeys.publish(
        JourneyModel.PORTAL_VISITED,
        debt.debtId(),
        "visit-1",
        Map.of("downloadedBoleto", false, "startedRenegotiation", false));
    journeys.advanceBy(Duration.ofHours(4));

    ActivatedJob followUp = journeys.awaitJob(JourneyModel.SEND_REMINDER);
    assertThat(followUp.getVariablesAsMap())
        .containsEntry("followUp", "portal-visit")
        .containsEntry("channel", "EMAIL")
        .containsEntry("template", "portal-discount-incentive");
  }

  @Test
  void aPortalVisitThatDownloadedTheBoletoNeedsNoIncentive() {
    LocalDate dueDate = journeys.today().minusDays(4);
    DebtSpec debt = journeys.standardDebt(dueDate);
    long journey = journeys.start(debt);

    journeys.publish(
        JourneyModel.PORTAL_VISITED,
        debt.debtId(),
        "visit-2",
        Map.of("downloadedBoleto", true, "startedRenegotiation", false));
    journeys.advanceBy(Duration.ofHours(5));

    assertThat(journeys.activate(JourneyModel.SEND_REMINDER)).isEmpty();
    journeys.assertThatJourney(journey).hasPassedElement("PortalVisitWithActionEndEvent");
  }

  private void promise(DebtSpec debt, String promiseId, LocalDate date) {
    journeys.publish(
        JourneyModel.PROMISE_MADE,
        debt.debtId(),
        "promise:" + promiseId,
        Map.of("promiseId", promiseId, "promisedDate", date.toString()));
  }

  private void dispute(DebtSpec debt, String disputeId) {
    journeys.publish(
        JourneyModel.DISPUTE_OPENED,
        debt.debtId(),
        "dispute:" + disputeId,
        Map.of("disputeId", disputeId, "disputeReason", "Não reconheço"));
  }

  private void resolve(DebtSpec debt, String resolution) {
    journeys.publish(
        JourneyModel.DISPUTE_RESOLVED,
        debt.debtId(),
        "resolution:" + debt.debtId(),
        Map.of("disputeResolution", resolution, "resolutionNotes", "analisada"));
  }

  private void pay(DebtSpec debt) {
    journeys.publish(
        JourneyModel.PAYMENT_RECEIVED, debt.debtId(), "pay-" + debt.debtId(), Map.of());
    journeys.complete(
        journeys.awaitJob("request-denegativation"),
        Collections.singletonMap("denegativationDeadline", null));
  }
}
