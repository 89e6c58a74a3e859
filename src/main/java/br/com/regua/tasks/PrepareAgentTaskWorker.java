package br.com.regua.tasks;

import br.com.regua.charge.PaymentOptions;
import br.com.regua.charge.PaymentOptionsService;
import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtRepository;
import br.com.regua.debtor.DebtorHistoryService;
import br.com.regua.debtor.DebtorSummary;
import br.com.regua.dispute.DisputeService;
import br.com.regua.dispute.DisputeView;
import br.com.regua.engine.JourneyModel;
import br.com.regua.money.Money;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code prepare-agent-task}: before a human task opens, gathers what the agent needs on the form:
 * who the debtor is, what is owed, the payment options to read out, the strategy's limits and a
 * summary of the debtor's history across all their debts (seed 003: agents see every contact before
 * they call), stamped with the time it was read.
 */
@Component
public class PrepareAgentTaskWorker {

  private final DebtRepository debts;
  private final DebtorHistoryService histories;
  private final DisputeService disputes;
  private final PaymentOptionsService paymentOptions;
  private final ZoneId zone;

  PrepareAgentTaskWorker(
      DebtRepository debts,
      DebtorHistoryService histories,
      DisputeService disputes,
      PaymentOptionsService paymentOptions,
      @Value("${regua.zone:America/Sao_Paulo}") ZoneId zone) {
    this.debts = debts;
    this.histories = histories;
    this.disputes = disputes;
    this.paymentOptions = paymentOptions;
    this.zone = zone;
  }

  /** The variables the forms in {@code forms/} show. */
  public record AgentContext(
      String debtorDocument,
      String debtorName,
      String debtorPhone,
      String amount,
      String openBalance,
      String dueDate,
      String paymentLink,
      String digitableLine,
      String pixCopyAndPaste,
      String strategyName,
      BigDecimal maxDiscountPercent,
      Integer maxInstallments,
      String disputeReason,
      String historyAsOf,
      String debtorTotalOpen,
      List<DebtorSummary.DebtRow> debtorDebts,
      List<DebtorSummary.ContactRow> recentContacts,
      List<DebtorSummary.PromiseRow> debtorPromises,
      long promisesKept,
      long promisesBroken) {}

  @JobWorker(type = JourneyModel.PREPARE_AGENT_TASK)
  public AgentContext prepare(@Variable String debtId) {
    Debt debt = debts.find(debtId).orElseThrow();
    Debt.Strategy strategy = debt.strategy();
    DebtorSummary summary =
        DebtorSummary.of(histories.of(debt.debtor().document()).orElseThrow(), zone);
    PaymentOptions options =
        paymentOptions.of(
            debt.debtId(), debt.paymentToken(), debt.openBalanceCents(), debt.boleto());
    return new AgentContext(
        debt.debtor().document(),
        debt.debtor().name(),
        debt.debtor().phone(),
        Money.toReais(debt.amountCents()),
        Money.toReais(debt.openBalanceCents()),
        debt.dueDate().toString(),
        options.paymentLink(),
        options.digitableLine(),
        options.pixCopyAndPaste(),
        strategy == null ? null : strategy.name(),
        strategy == null ? null : strategy.maxDiscountPercent(),
        strategy == null ? null : strategy.maxInstallments(),
        disputes.openDispute(debtId).map(DisputeView::reason).orElse(null),
        summary.historyAsOf(),
        summary.debtorTotalOpen(),
        summary.debtorDebts(),
        summary.recentContacts(),
        summary.debtorPromises(),
        summary.promisesKept(),
        summary.promisesBroken());
  }
}
