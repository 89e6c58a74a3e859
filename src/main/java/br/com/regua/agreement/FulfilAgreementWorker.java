package br.com.regua.agreement;

import br.com.regua.engine.JourneyModel;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/**
 * {@code fulfil-agreement}: every installment is paid. The payment that paid the last one usually
 * fulfilled the agreement already; this makes sure of it (idempotent).
 */
@Component
public class FulfilAgreementWorker {

  private final AgreementFulfilment agreements;

  FulfilAgreementWorker(AgreementFulfilment agreements) {
    this.agreements = agreements;
  }

  @JobWorker(type = JourneyModel.FULFIL_AGREEMENT)
  public void fulfil(@Variable String agreementId) {
    agreements.fulfil(agreementId);
  }
}
