package br.com.regua.agreement;

import static br.com.regua.support.JourneyDriver.at;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.engine.JourneyModel;
import br.com.regua.support.JourneyDriver;
import br.com.regua.support.JourneyDriver.DebtSpec;
import br.com.regua.support.ProcessTestEngine;
import br.com.regua.support.UserTasks.UserTask;
import io.camunda.client.api.response.ActivatedJob;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code agreement-journey} on the real engine, the test playing the workers: each installment's
 * régua (D-3, D0, D+3 through contact-step), payments moving to the next installment, the first one
 * asking for de-negativation, the last one fulfilling the agreement, and an installment late past
 * the model's limit (due date + 10 days) breaking it. Also the agent's deal in the negotiation
 * task.
 */
@Tag(ProcessTestEngine.TAG)
class AgreementJourneyProcessTest {

  private final JourneyDriver journeys = new JourneyDriver();

  @AfterEach
  void cancelLeftovers() {
    journeys.cancelLeftovers();
  }

  @Test
  void eachInstallmentHasItsRéguaAndTheLastPaymentFulfilsTheAgreement() {
    // given an agreement of two installments joining two debts
    LocalDate first = journeys.today().plusDays(10);
    String agreementId = "A-" + System.nanoTime();
    long journey =
        journeys.startAgreement(
            agreementId,
            List.of("D-1", "D-2"),
            List.of(
                installment(1, first, "150.00"), installment(2, first.plusMonths(1), "150.01")));

    // when installment 1 is open, its D-3 reminder waits for its day, for its own installment
    checkInstallment(1, false);
    assertThat(journeys.timer(journey, "WaitUntilStepDateTimer"))
        .contains(at(first.minusDays(3), 9));
    journeys.advanceTo(at(first.minusDays(3), 9));
    ActivatedJob reminder =
        journeys.expectReminder(
            "Acordo " + agreementId + " parcela 1 D-3",
            "EMAIL",
            "agreement-installment-before-due");
    assertThat(reminder.getVariablesAsMap())
        .containsEntry("agreementId", agreementId)
        .containsEntry("installmentNumber", 1)
        .containsEntry("debtId", "D-1");

    // and the debtor pays it: no more reminders for it; the first payment asks for de-negativation
    // of every joined debt
    paid(agreementId, 1);
    List<ActivatedJob> denegativations = journeys.activate("request-denegativation");
    assertThat(denegativations)
        .extracting(job -> job.getVariablesAsMap().get("debtId"))
        .containsExactlyInAnyOrder("D-1", "D-2");
    denegativations.forEach(job -> journeys.complete(job, nullDeadline()));

    // then installment 2 gets its own régua, and its payment fulfils the agreement
    checkInstallment(2, false);
    assertThat(journeys.timer(journey, "WaitUntilStepDateTimer"))
        .contains(at(first.plusMonths(1).minusDays(3), 9));
    paid(agreementId, 2);
    assertThat(journeys.activate("request-denegativation")).as("only after the first").isEmpty();
    journeys.complete(journeys.awaitJob(JourneyModel.FULFIL_AGREEMENT));
    journeys
        .assertThatJourney(journey)
        .isCompleted()
        .hasPassedElement("AgreementFulfilledEndEvent")
        .hasNotPassedElement("BreakAgreementTask");
  }

  @Test
  void anInstallmentTenDaysLateBreaksTheAgreementAfterItsReminders() {
    // given an agreement whose first installment a payment already covered
    LocalDate first = journeys.today().plusDays(5);
    LocalDate second = first.plusMonths(1);
    String agreementId = "B-" + System.nanoTime();
    long journey =
        journeys.startAgreement(
            agreementId,
            List.of("D-3"),
            List.of(installment(1, first, "100.00"), installment(2, second, "100.00")));
    checkInstallment(1, true);
    journeys.complete(journeys.awaitJob("request-denegativation"), nullDeadline());

    // when installment 2 goes unpaid: D-3, due day and D+3 reminders
    checkInstallment(2, false);
    journeys.advanceTo(at(second.minusDays(3), 9));
    journeys.expectReminder(
        "Acordo " + agreementId + " parcela 2 D-3", "EMAIL", "agreement-installment-before-due");
    journeys.advanceTo(at(second, 9));
    journeys.expectReminder(
        "Acordo " + agreementId + " parcela 2 D0", "EMAIL", "agreement-installment-due-day");
    journeys.advanceTo(at(second.plusDays(3), 9));
    journeys.expectReminder(
        "Acordo " + agreementId + " parcela 2 D+3", "SMS", "agreement-installment-overdue");

    // then on the tenth day after its due date the agreement breaks, naming the late installment
    assertThat(journeys.timer(journey, "WaitUntilBreakTimer")).contains(at(second.plusDays(10), 9));
    journeys.advanceTo(at(second.plusDays(9), 9));
    assertThat(journeys.activate(JourneyModel.BREAK_AGREEMENT)).isEmpty();
    journeys.advanceTo(at(second.plusDays(10), 9));
    ActivatedJob breakJob = journeys.awaitJob(JourneyModel.BREAK_AGREEMENT);
    assertThat(breakJob.getVariablesAsMap()).containsEntry("lateInstallment", 2);
    journeys.complete(breakJob);
    journeys
        .assertThatJourney(journey)
        .isCompleted()
        .hasPassedElement("AgreementBrokenEndEvent")
        .hasNotPassedElement("FulfilAgreementTask");
  }

  @Test
  void anAgentClosesADealInTheNegotiationTask() {
    // given an intensive journey at its D+15 negotiation task
    LocalDate dueDate = journeys.today().minusDays(15);
    DebtSpec debt = journeys.intensiveDebt(dueDate);
    long journey = journeys.start(debt);
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(15))); // today, at its minute
    journeys.expectReminder("D+15", "SMS", "last-reminder");
    journeys.complete(journeys.awaitJob(JourneyModel.PREPARE_AGENT_TASK));
    UserTask negotiation = journeys.userTasks().awaitOpen(journey, "NegotiationCallUserTask");

    // when the agent records a deal
    LocalDate firstDue = journeys.today().plusDays(5);
    journeys.completeUserTask(
        negotiation,
        Map.of(
            "negotiationOutcome",
            "AGREEMENT",
            "offeredInstallments",
            4,
            "offeredDiscountPercent",
            5,
            "agreementFirstDueDate",
            firstDue.toString(),
            "agreementAgent",
            "Ana"));

    // then the deal goes to be signed with what the agent typed
    ActivatedJob sign = journeys.awaitJob(JourneyModel.SIGN_AGENT_DEAL);
    assertThat(sign.getVariablesAsMap())
        .containsEntry("debtId", debt.debtId())
        .containsEntry("offeredInstallments", 4)
        .containsEntry("offeredDiscountPercent", 5)
        .containsEntry("agreementFirstDueDate", firstDue.toString())
        .containsEntry("agreementAgent", "Ana");
    assertThat(journeys.activate(JourneyModel.REGISTER_PROMISE)).isEmpty();
    journeys.complete(sign, Map.of("agreementSigned", true));
  }

  private void checkInstallment(int number, boolean paid) {
    ActivatedJob check = journeys.awaitJob(JourneyModel.CHECK_INSTALLMENT);
    @SuppressWarnings("unchecked")
    Map<String, Object> installment =
        (Map<String, Object>) check.getVariablesAsMap().get("installment");
    assertThat(installment).containsEntry("number", number);
    journeys.complete(check, Map.of("installmentPaid", paid));
  }

  private void paid(String agreementId, int number) {
    journeys.publish(
        JourneyModel.AGREEMENT_INSTALLMENT_PAID,
        AgreementPayments.installmentKey(agreementId, number),
        "installment:" + AgreementPayments.installmentKey(agreementId, number),
        Map.of());
  }

  private static Map<String, Object> installment(int number, LocalDate dueDate, String amount) {
    return Map.of("number", number, "dueDate", dueDate.toString(), "amount", amount);
  }

  private static Map<String, Object> nullDeadline() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("denegativationDeadline", null);
    return variables;
  }
}
