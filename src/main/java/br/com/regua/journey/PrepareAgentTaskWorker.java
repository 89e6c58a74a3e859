package br.com.regua.journey;

import br.com.regua.contact.ContactService;
import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtRepository;
import br.com.regua.dispute.DisputeService;
import br.com.regua.dispute.DisputeView;
import br.com.regua.money.Money;
import br.com.regua.payment.PaymentOptions;
import br.com.regua.payment.PaymentOptionsService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * {@code prepare-agent-task}: before a human task opens, gathers what the agent needs on the form:
 * who the debtor is, what is owed, the payment options to read out, the strategy's limits and the
 * contact history (seed 003: agents see every contact before they call).
 */
@Component
public class PrepareAgentTaskWorker {

  private static final int HISTORY_LINES = 10;

  private final DebtRepository debts;
  private final ContactService contacts;
  private final DisputeService disputes;
  private final PaymentOptionsService paymentOptions;

  PrepareAgentTaskWorker(
      DebtRepository debts,
      ContactService contacts,
      DisputeService disputes,
      PaymentOptionsService paymentOptions) {
    this.debts = debts;
    this.contacts = contacts;
    this.disputes = disputes;
    this.paymentOptions = paymentOptions;
  }

  /** The variables the forms in {@code forms/} show. */
  public record AgentContext(
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
      String contactHistory,
      String disputeReason) {}

  @JobWorker(type = JourneyModel.PREPARE_AGENT_TASK)
  public AgentContext prepare(@Variable String debtId) {
    Debt debt = debts.find(debtId).orElseThrow();
    Debt.Strategy strategy = debt.strategy();
    String history = String.join("\n", contacts.history(debtId, HISTORY_LINES));
    PaymentOptions options =
        paymentOptions.of(
            debt.debtId(), debt.paymentToken(), debt.openBalanceCents(), debt.boleto());
    return new AgentContext(
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
        history.isEmpty() ? "Nenhum contato ainda." : history,
        disputes.openDispute(debtId).map(DisputeView::reason).orElse(null));
  }
}
