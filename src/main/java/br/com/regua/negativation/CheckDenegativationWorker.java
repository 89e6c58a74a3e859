package br.com.regua.negativation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * {@code check-denegativation}: asks the bureau whether the requested removal is done and sets
 * {@code denegativationConfirmed}. The model decides how often to ask and what to do when the
 * deadline passes.
 */
@Component
public class CheckDenegativationWorker {

  private final NegativationService negativations;
  private final CreditBureauRetryPolicy retryPolicy;

  CheckDenegativationWorker(
      NegativationService negativations, CreditBureauRetryPolicy retryPolicy) {
    this.negativations = negativations;
    this.retryPolicy = retryPolicy;
  }

  public record Input(String debtId) {}

  public record Output(boolean denegativationConfirmed) {}

  @JobWorker(type = NegativationModel.CHECK_DENEGATIVATION)
  public Output checkDenegativation(@VariablesAsType Input input, ActivatedJob job) {
    try {
      return new Output(negativations.confirmRemoval(input.debtId()));
    } catch (CreditBureauException e) {
      throw retryPolicy.jobError(e, job.getRetries());
    }
  }
}
