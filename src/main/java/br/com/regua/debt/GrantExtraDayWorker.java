package br.com.regua.debt;

import br.com.regua.engine.JourneyModel;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code grant-extra-day}: the debtor accepted the D+1 offer, so interest runs from one day after
 * the due date. Idempotent.
 */
@Component
public class GrantExtraDayWorker {

  private static final DateTimeFormatter BR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final DebtRepository debts;
  private final TransactionTemplate tx;
  private final Clock clock;

  GrantExtraDayWorker(DebtRepository debts, TransactionTemplate tx, Clock clock) {
    this.debts = debts;
    this.tx = tx;
    this.clock = clock;
  }

  @JobWorker(type = JourneyModel.GRANT_EXTRA_DAY)
  public void grantExtraDay(@Variable String debtId) {
    tx.executeWithoutResult(
        status -> {
          Debt debt = debts.lock(debtId).orElseThrow();
          LocalDate interestFrom = debt.dueDate().plusDays(1);
          if (!debt.interestFrom().isBefore(interestFrom)) {
            return;
          }
          debts.setInterestFrom(debtId, interestFrom);
          debts.addEvent(
              debtId,
              DebtEventType.EXTRA_DAY_GRANTED,
              "Mais um dia sem juros: juros a partir de " + BR_DATE.format(interestFrom),
              clock.instant());
        });
  }
}
