package br.com.regua.journey;

import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtRepository;
import br.com.regua.dispute.DisputeService;
import br.com.regua.engine.JourneyModel;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Decisions the journey takes about the debt itself: one more day, resuming after a dispute. */
@Component
public class DebtLifecycleWorkers {

  private static final DateTimeFormatter BR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final DebtRepository debts;
  private final DisputeService disputes;
  private final TransactionTemplate tx;
  private final Clock clock;

  DebtLifecycleWorkers(
      DebtRepository debts, DisputeService disputes, TransactionTemplate tx, Clock clock) {
    this.debts = debts;
    this.disputes = disputes;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * {@code grant-extra-day}: the debtor accepted the D+1 offer, so interest runs from one day after
   * the due date. Idempotent.
   */
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

  /** {@code resume-debt}: the dispute did not hold; collection resumes where it stood. */
  @JobWorker(type = JourneyModel.RESUME_DEBT)
  public void resume(@Variable String debtId, @Variable(optional = true) String resolutionNotes) {
    disputes.resume(debtId, resolutionNotes);
  }
}
