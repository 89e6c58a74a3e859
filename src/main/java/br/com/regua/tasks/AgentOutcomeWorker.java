package br.com.regua.tasks;

import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtRepository;
import br.com.regua.engine.JourneyModel;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code record-agent-outcome}: the end listener of every agent's task puts what the agent decided
 * on the debt's timeline (outcome, promised date, offer, notes), so the next agent who calls sees
 * it. It runs only when the agent completed the task, not when the task expired or an event
 * interrupted it.
 *
 * <p>What to record is the model's to say, in the user task's headers (the engine hands the task's
 * headers to its execution listeners' jobs): {@value #TIMELINE_LABEL} ("Ligação preventiva"),
 * {@value #OUTCOME_VARIABLE} (the form field holding the outcome, "callOutcome") and {@value
 * #RECORDED_FIELDS}, the form fields worth showing with their timeline names, {@code
 * "promisedDate:data prometida,preventiveCallNotes:observações"}. An analyst adding an agent's task
 * adds its headers; no code changes.
 */
@Component
public class AgentOutcomeWorker {

  public static final String TIMELINE_LABEL = "timelineLabel";
  public static final String OUTCOME_VARIABLE = "outcomeVariable";
  public static final String RECORDED_FIELDS = "recordedFields";

  /** The headers every task using this listener declares (journey/ModelCodeLinksTest checks). */
  public static final List<String> HEADERS =
      List.of(TIMELINE_LABEL, OUTCOME_VARIABLE, RECORDED_FIELDS);

  /**
   * A promised date from an earlier call stays in the process: it is shown only when this call's
   * outcome is a promise.
   */
  private static final String PROMISED_DATE = "promisedDate";

  private static final String PROMISED_OUTCOME = "PROMISED";

  private final DebtRepository debts;
  private final Clock clock;

  AgentOutcomeWorker(DebtRepository debts, Clock clock) {
    this.debts = debts;
    this.clock = clock;
  }

  /** A form field worth recording, and how the timeline names it. */
  record RecordedField(String variable, String label) {}

  /** What the task's headers declare; a missing or malformed header names itself. */
  record AgentTaskHeaders(String label, String outcomeVariable, List<RecordedField> fields) {

    static AgentTaskHeaders of(String elementId, Map<String, String> headers) {
      return new AgentTaskHeaders(
          required(elementId, headers, TIMELINE_LABEL),
          required(elementId, headers, OUTCOME_VARIABLE),
          fields(elementId, required(elementId, headers, RECORDED_FIELDS)));
    }

    private static String required(String elementId, Map<String, String> headers, String name) {
      String value = headers.get(name);
      if (value == null || value.isBlank()) {
        throw modelError(elementId, "has no task header '" + name + "'");
      }
      return value;
    }

    /**
     * {@code variable:label,variable:label}, in the order the timeline shows them (so a label holds
     * neither a comma nor a colon).
     */
    private static List<RecordedField> fields(String elementId, String declared) {
      List<RecordedField> fields = new ArrayList<>();
      for (String declaredEntry : declared.split(",")) {
        String entry = declaredEntry.trim();
        int colon = entry.indexOf(':');
        if (colon <= 0 || colon == entry.length() - 1) {
          throw modelError(
              elementId,
              "has a malformed task header '"
                  + RECORDED_FIELDS
                  + "' entry '"
                  + entry
                  + "': expected variable:label");
        }
        fields.add(
            new RecordedField(entry.substring(0, colon).trim(), entry.substring(colon + 1).trim()));
      }
      return List.copyOf(fields);
    }
  }

  /** The job's variables read by name, as the timeline shows them; absent ones are null. */
  record JobVariables(Map<String, Object> values) {

    String text(String name) {
      Object value = values.get(name);
      return value == null ? null : value.toString();
    }
  }

  @JobWorker(type = JourneyModel.RECORD_AGENT_OUTCOME)
  public void record(ActivatedJob job) {
    AgentTaskHeaders task = AgentTaskHeaders.of(job.getElementId(), job.getCustomHeaders());
    JobVariables variables = new JobVariables(job.getVariablesAsMap());
    String outcome = variables.text(task.outcomeVariable());
    List<String> parts = new ArrayList<>();
    parts.add(task.label() + ": " + outcome);
    for (RecordedField field : task.fields()) {
      String value = variables.text(field.variable());
      boolean stalePromise =
          field.variable().equals(PROMISED_DATE) && !PROMISED_OUTCOME.equals(outcome);
      if (value != null && !value.isBlank() && !stalePromise) {
        parts.add(field.label() + " " + value);
      }
    }
    debts.addEvent(
        variables.text(JourneyModel.DEBT_ID),
        DebtEventType.AGENT_TASK_COMPLETED,
        String.join("; ", parts),
        clock.instant());
  }

  /**
   * No retry mends a model: the job fails with no retries left, so the incident shows at once which
   * task lacks what.
   */
  private static RuntimeException modelError(String elementId, String problem) {
    return CamundaError.jobError(
        JourneyModel.RECORD_AGENT_OUTCOME
            + " on "
            + elementId
            + ": the task "
            + problem
            + " (see AgentOutcomeWorker)",
        null,
        0);
  }
}
