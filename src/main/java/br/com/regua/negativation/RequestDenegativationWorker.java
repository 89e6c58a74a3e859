package br.com.regua.negativation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * {@code request-denegativation}: if the debt is negativated, asks the bureau to remove it and sets
 * {@code denegativationDeadline}, the last day for the removal (ISO date, STJ Súmula 548); with no
 * negativation it sets {@code denegativationDeadline} to null, and the model moves on.
 */
@Component
public class RequestDenegativationWorker {

  private final NegativationService negativations;
  private final CreditBureauRetryPolicy retryPolicy;

  RequestDenegativationWorker(
      NegativationService negativations, CreditBureauRetryPolicy retryPolicy) {
    this.negativations = negativations;
    this.retryPolicy = retryPolicy;
  }

  public record Input(String debtId) {}

  /** The null is written on purpose: the model's gateway tests it. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Output(String denegativationDeadline) {}

  @JobWorker(type = NegativationModel.REQUEST_DENEGATIVATION)
  public Output requestDenegativation(@VariablesAsType Input input, ActivatedJob job) {
    try {
      return new Output(
          negativations.requestRemoval(input.debtId()).map(Object::toString).orElse(null));
    } catch (CreditBureauException e) {
      throw retryPolicy.jobError(e, job.getRetries());
    }
  }
}
