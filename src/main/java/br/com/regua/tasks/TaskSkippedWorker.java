package br.com.regua.tasks;

import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtRepository;
import br.com.regua.engine.JourneyModel;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code record-task-skipped}: an agent's call in {@code dunning-collection} that the journey
 * reached after its day (a debt registered late, a journey started again) is not opened, and the
 * timeline says so ({@link DebtEventType#AGENT_TASK_SKIPPED}), so every step of the régua leaves an
 * outcome. The words are the service task's {@code timelineDetail} header, in the model, where an
 * analyst changes them.
 *
 * <p>A call the debt already had, worked or expired, is not recorded again: the régua resumed after
 * a promise or a dispute passes its calls once more. The header {@code timelineLabel}, the same as
 * the user task's, names the call in those entries.
 */
@Component
public class TaskSkippedWorker {

  static final String DETAIL_HEADER = "timelineDetail";
  static final String LABEL_HEADER = "timelineLabel";

  private static final List<DebtEventType> THE_CALL_WAS_MADE =
      List.of(DebtEventType.AGENT_TASK_COMPLETED, DebtEventType.AGENT_TASK_EXPIRED);

  private final DebtRepository debts;
  private final Clock clock;

  TaskSkippedWorker(DebtRepository debts, Clock clock) {
    this.debts = debts;
    this.clock = clock;
  }

  @JobWorker(type = JourneyModel.RECORD_TASK_SKIPPED)
  public void record(ActivatedJob job) {
    record(
        String.valueOf(job.getVariablesAsMap().get(JourneyModel.DEBT_ID)),
        job.getCustomHeaders().get(LABEL_HEADER),
        job.getCustomHeaders()
            .getOrDefault(
                DETAIL_HEADER, "Tarefa do agente não aberta (" + job.getElementId() + ")"));
  }

  /** The call named {@code label} (null: unnamed) not opened for the debt, in these words. */
  public void record(String debtId, String label, String detail) {
    if (label != null && debts.hasEventStartingWith(debtId, THE_CALL_WAS_MADE, label)) {
      return;
    }
    // once, whatever the job's redeliveries
    debts.addEventOnce(debtId, DebtEventType.AGENT_TASK_SKIPPED, detail, clock.instant());
  }
}
