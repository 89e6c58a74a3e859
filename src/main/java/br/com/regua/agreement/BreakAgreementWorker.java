package br.com.regua.agreement;

import br.com.regua.engine.JourneyModel;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import org.springframework.stereotype.Component;

/**
 * {@code break-agreement}: an installment stayed unpaid past the model's limit. The agreement ends
 * {@code BROKEN} and what is still owed returns to collection in new dunning journeys.
 */
@Component
public class BreakAgreementWorker {

  private final AgreementBreaking agreements;

  BreakAgreementWorker(AgreementBreaking agreements) {
    this.agreements = agreements;
  }

  public record Input(String agreementId, int lateInstallment) {}

  @JobWorker(type = JourneyModel.BREAK_AGREEMENT)
  public void breakAgreement(@VariablesAsType Input input) {
    agreements.breakAgreement(input.agreementId(), input.lateInstallment());
  }
}
