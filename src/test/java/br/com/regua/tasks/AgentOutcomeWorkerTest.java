package br.com.regua.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtRepository;
import br.com.regua.engine.JourneyModel;
import br.com.regua.support.JourneyDriver;
import br.com.regua.support.JourneyDriver.DebtSpec;
import br.com.regua.support.ProcessTestEngine;
import br.com.regua.support.UserTasks.UserTask;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.JobError;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The timeline line of an agent's task comes from the task's headers in the model: the real engine
 * hands the user task's headers to its end listener's job, and the worker writes what they name. A
 * model without them fails at once, naming the header.
 */
@Tag(ProcessTestEngine.TAG)
class AgentOutcomeWorkerTest {

  private final JourneyDriver journeys = new JourneyDriver();
  private final DebtRepository debts = mock(DebtRepository.class);
  private final AgentOutcomeWorker worker =
      new AgentOutcomeWorker(debts, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

  @AfterEach
  void cancelLeftovers() {
    journeys.cancelLeftovers();
  }

  @Test
  void thePreventiveCallIsRecordedAsItsHeadersSay() {
    // given the preventive call open for an agent
    LocalDate dueDate = journeys.today().plusDays(10);
    DebtSpec debt = journeys.intensiveDebt(dueDate);
    long journey = journeys.start(debt);
    journeys.advanceTo(journeys.contactAt(journey, dueDate.minusDays(5)));
    prepareAgentTask();
    UserTask call = journeys.userTasks().awaitOpen(journey, "PreventiveCallUserTask");

    // when the agent records a promise with notes
    journeys
        .userTasks()
        .complete(
            call.key(),
            Map.of(
                "callOutcome", "PROMISED",
                "promisedDate", dueDate.plusDays(2).toString(),
                "preventiveCallNotes", "Recebe o salário dia 5"));

    // then the listener's job carries the task's headers, and the timeline says it word for word
    ActivatedJob listener = journeys.awaitJob(JourneyModel.RECORD_AGENT_OUTCOME);
    assertThat(listener.getCustomHeaders())
        .containsEntry(AgentOutcomeWorker.TIMELINE_LABEL, "Ligação preventiva")
        .containsEntry(AgentOutcomeWorker.OUTCOME_VARIABLE, "callOutcome");
    assertThat(recorded(debt.debtId(), listener))
        .isEqualTo(
            "Ligação preventiva: PROMISED; data prometida "
                + dueDate.plusDays(2)
                + "; observações Recebe o salário dia 5");
  }

  @Test
  void aRefusedNegotiationShowsTheOfferButNoStalePromisedDate() {
    // given the negotiation open for an agent, with a date promised on an earlier call
    LocalDate dueDate = journeys.today().minusDays(14);
    DebtSpec debt = journeys.intensiveDebt(dueDate);
    long journey = journeys.start(debt);
    journeys.advanceTo(journeys.contactAt(journey, dueDate.plusDays(15)));
    journeys.expectReminder("D+15", "SMS", "last-reminder");
    prepareAgentTask();
    UserTask negotiation = journeys.userTasks().awaitOpen(journey, "NegotiationCallUserTask");

    // when the debtor refuses the offer
    journeys
        .userTasks()
        .complete(
            negotiation.key(),
            Map.of(
                "negotiationOutcome",
                "REFUSED",
                "promisedDate",
                dueDate.plusDays(2).toString(),
                "offeredDiscountPercent",
                10,
                "offeredInstallments",
                6,
                "negotiationNotes",
                "Pediu para ligar mês que vem"));

    // then the offer and notes are recorded in the model's order, the old promise is not
    assertThat(recorded(debt.debtId(), journeys.awaitJob(JourneyModel.RECORD_AGENT_OUTCOME)))
        .isEqualTo(
            "Negociação: REFUSED; desconto oferecido (%) 10; parcelas oferecidas 6;"
                + " observações Pediu para ligar mês que vem");
  }

  @Test
  void aTaskWithoutTheHeadersFailsAtOnceNamingTheMissingOne() {
    ActivatedJob job = job("SomeNewCallUserTask", Map.of("timelineLabel", "Ligação nova"));

    JobError error = catchThrowableOfType(JobError.class, () -> worker.record(job));

    assertThat(error.getErrorMessage()).contains("SomeNewCallUserTask", "'outcomeVariable'");
    assertThat(error.getRetries()).as("retries left: an incident now").isZero();
  }

  @Test
  void aMalformedRecordedFieldIsNamed() {
    ActivatedJob job =
        job(
            "SomeNewCallUserTask",
            Map.of(
                "timelineLabel", "Ligação nova",
                "outcomeVariable", "newCallOutcome",
                "recordedFields", "newCallNotes:observações,promisedDate"));

    JobError error = catchThrowableOfType(JobError.class, () -> worker.record(job));

    assertThat(error.getErrorMessage()).contains("'recordedFields' entry 'promisedDate'");
    assertThat(error.getRetries()).isZero();
  }

  /** Runs the worker on the job, completes the job, and returns the timeline's detail. */
  private String recorded(String debtId, ActivatedJob listener) {
    worker.record(listener);
    journeys.complete(listener);
    ArgumentCaptor<String> detail = ArgumentCaptor.forClass(String.class);
    verify(debts)
        .addEvent(eq(debtId), eq(DebtEventType.AGENT_TASK_COMPLETED), detail.capture(), any());
    return detail.getValue();
  }

  private static ActivatedJob job(String elementId, Map<String, String> headers) {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getElementId()).thenReturn(elementId);
    when(job.getCustomHeaders()).thenReturn(headers);
    when(job.getVariablesAsMap()).thenReturn(Map.of("debtId", "D1"));
    return job;
  }

  private void prepareAgentTask() {
    journeys.complete(
        journeys.awaitJob(JourneyModel.PREPARE_AGENT_TASK),
        Map.of("debtorName", "Maria da Silva", "openBalance", "8000.00"));
  }
}
