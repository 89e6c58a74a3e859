package br.com.regua.agreement;

import br.com.regua.api.ConflictException;
import br.com.regua.api.RuleViolationException;
import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtRepository;
import br.com.regua.engine.JourneyModel;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * {@code sign-agent-deal}: the agent closed a deal in the negotiation task (form {@code
 * negotiation-call}: installments, discount, first due date). It is signed as through the API, so
 * the same limits apply; the agreement's id comes from the task's element instance, so a
 * redelivered job signs it once. A deal beyond the strategy's limits is not signed: the timeline
 * says which limit, and the régua goes on ({@code agreementSigned} false).
 */
@Component
public class SignAgentDealWorker {

  private final AgreementSigning agreements;
  private final DebtRepository debts;
  private final Clock clock;

  SignAgentDealWorker(AgreementSigning agreements, DebtRepository debts, Clock clock) {
    this.agreements = agreements;
    this.debts = debts;
    this.clock = clock;
  }

  public record Input(
      String debtId,
      Integer offeredInstallments,
      BigDecimal offeredDiscountPercent,
      LocalDate agreementFirstDueDate,
      String agreementAgent) {}

  public record Output(boolean agreementSigned, String agreementId) {}

  @JobWorker(type = JourneyModel.SIGN_AGENT_DEAL)
  public Output sign(@VariablesAsType Input input, ActivatedJob job) {
    String agreementId = "deal-" + job.getElementInstanceKey();
    AgreementRequest.Deal deal =
        new AgreementRequest.Deal(
            input.offeredInstallments() == null ? Integer.valueOf(1) : input.offeredInstallments(),
            input.offeredDiscountPercent() == null
                ? BigDecimal.ZERO
                : input.offeredDiscountPercent(),
            input.agreementFirstDueDate(),
            input.agreementAgent() == null || input.agreementAgent().isBlank()
                ? "tarefa de negociação"
                : input.agreementAgent());
    try {
      agreements.signDeal(input.debtId(), agreementId, deal);
      return new Output(true, agreementId);
    } catch (RuleViolationException | ConflictException refused) {
      debts.addEvent(
          input.debtId(),
          DebtEventType.AGREEMENT_REFUSED,
          "Acordo do agente não assinado (" + fieldOf(refused) + "): " + refused.getMessage(),
          clock.instant());
      return new Output(false, null);
    }
  }

  private static String fieldOf(RuntimeException e) {
    return e instanceof RuleViolationException rule
        ? rule.field()
        : ((ConflictException) e).field();
  }
}
