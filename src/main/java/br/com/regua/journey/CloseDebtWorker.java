package br.com.regua.journey;

import br.com.regua.debt.DebtService;
import br.com.regua.debt.DebtStatus;
import br.com.regua.dispute.DisputeService;
import br.com.regua.engine.JourneyModel;
import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code close-debt}: the journey reached an end. The status comes from the task's {@code outcome}
 * input (an expression in the model, e.g. hand-off or write-off per strategy) or its header of the
 * same name. Idempotent: a debt that already ended (paid, renegotiated) is left alone.
 */
@Component
public class CloseDebtWorker {

  private final DebtService debts;
  private final DisputeService disputes;

  CloseDebtWorker(DebtService debts, DisputeService disputes) {
    this.debts = debts;
    this.disputes = disputes;
  }

  @JobWorker(type = JourneyModel.CLOSE_DEBT)
  public void close(
      @Variable String debtId,
      @Variable(optional = true) String outcome,
      @Variable(optional = true) String resolutionNotes,
      @Variable(optional = true) String closeNote,
      @CustomHeaders Map<String, String> headers) {
    DebtStatus status = DebtStatus.valueOf(outcome != null ? outcome : headers.get("outcome"));
    if (status == DebtStatus.CANCELLED) {
      disputes.cancelDebt(debtId, resolutionNotes);
    } else {
      debts.close(debtId, status, closeNote);
    }
  }
}
