package br.com.regua.hold;

import br.com.regua.debt.DebtRepository;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/**
 * {@code check-debtor-hold}, the task of {@code debtor-hold-gate}: whether a hold stands on the
 * debt's debtor now. The gate waits and asks again while it does.
 */
@Component
public class CheckDebtorHoldWorker {

  private final HoldService holds;
  private final DebtRepository debts;

  CheckDebtorHoldWorker(HoldService holds, DebtRepository debts) {
    this.holds = holds;
    this.debts = debts;
  }

  public record Output(boolean debtorHeld) {}

  @JobWorker(type = HoldModel.CHECK_DEBTOR_HOLD)
  public Output check(@Variable String debtId) {
    String document =
        debts
            .find(debtId)
            .orElseThrow(() -> new IllegalStateException("unknown debt " + debtId))
            .debtor()
            .document();
    return new Output(holds.isHeld(document));
  }
}
