package br.com.regua.negativation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * {@code negativate-debt}: reports the debt to the credit bureau, unless it is paid, promised, in
 * agreement or disputed (then the timeline says why and the job completes all the same). Sets no
 * variable.
 */
@Component
public class NegativateDebtWorker {

  private final NegativationService negativations;
  private final CreditBureauRetryPolicy retryPolicy;

  NegativateDebtWorker(NegativationService negativations, CreditBureauRetryPolicy retryPolicy) {
    this.negativations = negativations;
    this.retryPolicy = retryPolicy;
  }

  public record Input(String debtId) {}

  @JobWorker(type = NegativationModel.NEGATIVATE_DEBT)
  public void negativateDebt(@VariablesAsType Input input, ActivatedJob job) {
    try {
      negativations.negativate(input.debtId());
    } catch (CreditBureauException e) {
      throw retryPolicy.jobError(e, job.getRetries());
    }
  }
}
