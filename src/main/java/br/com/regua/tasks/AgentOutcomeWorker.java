package br.com.regua.tasks;

import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtRepository;
import br.com.regua.engine.JourneyModel;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * {@code record-agent-outcome}: the end listener of every agent's task puts what the agent decided
 * on the debt's timeline (outcome, promised date, offer, notes), so the next agent who calls sees
 * it. It runs only when the agent completed the task, not when the task expired or an event
 * interrupted it.
 */
@Component
public class AgentOutcomeWorker {

  /** A form field worth recording, and how the timeline names it. */
  private record Detail(String key, String label) {}

  private record AgentTask(String label, String outcomeKey, List<Detail> details) {}

  private static final Detail PROMISED_DATE = new Detail("promisedDate", "data prometida");
  private static final String PROMISED_OUTCOME = "PROMISED";

  /** The agents' tasks of the models (by element id) and the form fields each record shows. */
  private static final Map<String, AgentTask> TASKS =
      Map.of(
          "PreventiveCallUserTask",
          new AgentTask(
              "Ligação preventiva",
              "callOutcome",
              List.of(PROMISED_DATE, new Detail("preventiveCallNotes", "observações"))),
          "ExtraDayCallUserTask",
          new AgentTask(
              "Ligação D+1",
              "extraDayOutcome",
              List.of(new Detail("extraDayCallNotes", "observações"))),
          "NegotiationCallUserTask",
          new AgentTask(
              "Negociação",
              "negotiationOutcome",
              List.of(
                  PROMISED_DATE,
                  new Detail("offeredDiscountPercent", "desconto oferecido (%)"),
                  new Detail("offeredInstallments", "parcelas oferecidas"),
                  new Detail("negotiationNotes", "observações"))),
          "DisputeReviewUserTask",
          new AgentTask(
              "Análise de contestação",
              "disputeResolution",
              List.of(new Detail("resolutionNotes", "observações"))));

  private final DebtRepository debts;
  private final Clock clock;

  AgentOutcomeWorker(DebtRepository debts, Clock clock) {
    this.debts = debts;
    this.clock = clock;
  }

  @JobWorker(type = JourneyModel.RECORD_AGENT_OUTCOME)
  public void record(ActivatedJob job) {
    AgentTask task = TASKS.get(job.getElementId());
    if (task == null) {
      throw new IllegalStateException(
          "record-agent-outcome on " + job.getElementId() + ", which is not an agent's task");
    }
    Map<String, Object> variables = job.getVariablesAsMap();
    List<String> parts = new ArrayList<>();
    parts.add(task.label() + ": " + variables.get(task.outcomeKey()));
    // a promised date from an earlier call stays in the process: show it only with a promise
    for (Detail detail : task.details()) {
      Object value = variables.get(detail.key());
      boolean stalePromise =
          detail == PROMISED_DATE && !PROMISED_OUTCOME.equals(variables.get(task.outcomeKey()));
      if (value != null && !Objects.toString(value).isBlank() && !stalePromise) {
        parts.add(detail.label() + " " + value);
      }
    }
    debts.addEvent(
        (String) variables.get(JourneyModel.DEBT_ID),
        DebtEventType.AGENT_TASK_COMPLETED,
        String.join("; ", parts),
        clock.instant());
  }
}
