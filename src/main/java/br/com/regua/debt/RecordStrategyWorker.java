package br.com.regua.debt;

import br.com.regua.engine.JourneyModel;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.math.BigDecimal;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code record-strategy}: stores what the {@code dunning-strategy} table decided, so the API, the
 * promise rules and the agents see the debt's limits (discount, installments, promise horizon).
 */
@Component
public class RecordStrategyWorker {

  private final DebtRepository debts;
  private final TransactionTemplate tx;
  private final Clock clock;

  RecordStrategyWorker(DebtRepository debts, TransactionTemplate tx, Clock clock) {
    this.debts = debts;
    this.tx = tx;
    this.clock = clock;
  }

  /** The outputs of the decision table that the service keeps. */
  public record DunningStrategy(
      String name,
      boolean preventiveCall,
      boolean extraDayCall,
      boolean negativationAllowed,
      boolean agentNegotiation,
      BigDecimal maxDiscountPercent,
      int maxInstallments,
      String finalAction,
      int promiseMaxDays) {}

  @JobWorker(type = JourneyModel.RECORD_STRATEGY)
  public void record(@Variable String debtId, @Variable DunningStrategy dunningStrategy) {
    DunningStrategy s = dunningStrategy;
    tx.executeWithoutResult(
        status -> {
          Debt debt = debts.lock(debtId).orElseThrow();
          if (debt.strategy() != null) {
            return; // redelivered job
          }
          debts.saveStrategy(
              debtId,
              new Debt.Strategy(
                  s.name(),
                  s.maxDiscountPercent(),
                  s.maxInstallments(),
                  s.promiseMaxDays(),
                  s.finalAction()));
          debts.addEvent(
              debtId,
              DebtEventType.STRATEGY_DECIDED,
              "Estratégia "
                  + s.name()
                  + ": ligação preventiva "
                  + yesNo(s.preventiveCall())
                  + ", D+1 por ligação "
                  + yesNo(s.extraDayCall())
                  + ", negativação "
                  + yesNo(s.negativationAllowed())
                  + ", negociação com agente "
                  + yesNo(s.agentNegotiation())
                  + ", desconto até "
                  + s.maxDiscountPercent().stripTrailingZeros().toPlainString()
                  + "%, até "
                  + s.maxInstallments()
                  + " parcelas, em D+60: "
                  + s.finalAction(),
              clock.instant());
        });
  }

  private static String yesNo(boolean value) {
    return value ? "sim" : "não";
  }
}
