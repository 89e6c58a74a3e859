package br.com.regua.journey;

import br.com.regua.engine.JourneyModel;
import br.com.regua.engine.Journeys;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * {@code claim-debt}: the start listener of {@code dunning-journey}; the journey claims its debt
 * before its first step ({@link JourneyClaims}).
 */
@Component
public class ClaimDebtWorker {

  private final JourneyClaims claims;

  ClaimDebtWorker(JourneyClaims claims) {
    this.claims = claims;
  }

  /** What the journey's first gateway reads. */
  public record Claim(boolean duplicateJourney) {}

  @JobWorker(type = JourneyModel.CLAIM_DEBT)
  public Claim claim(ActivatedJob job, @Variable String debtId) {
    Journeys.Started journey =
        new Journeys.Started(
            job.getProcessInstanceKey(),
            job.getProcessDefinitionKey(),
            job.getProcessDefinitionVersion());
    return new Claim(!claims.claim(debtId, journey));
  }
}
