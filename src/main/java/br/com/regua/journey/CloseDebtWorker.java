package br.com.regua.journey;

import br.com.regua.debt.DebtService;
import br.com.regua.debt.DebtStatus;
import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code close-debt}: the journey reached an end; the header {@code outcome} names the status. */
@Component
public class CloseDebtWorker {

  private final DebtService debts;

  CloseDebtWorker(DebtService debts) {
    this.debts = debts;
  }

  @JobWorker(type = JourneyModel.CLOSE_DEBT)
  public void close(@Variable String debtId, @CustomHeaders Map<String, String> headers) {
    debts.close(debtId, DebtStatus.valueOf(headers.get("outcome")));
  }
}
