package br.com.regua.agreement;

import br.com.regua.engine.JourneyModel;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * {@code claim-agreement}: the start listener of {@code agreement-journey}; the journey claims its
 * agreement before its first installment ({@link AgreementJourneyClaims}).
 */
@Component
public class ClaimAgreementWorker {

  private final AgreementJourneyClaims claims;

  ClaimAgreementWorker(AgreementJourneyClaims claims) {
    this.claims = claims;
  }

  /** What the journey's first gateway reads. */
  public record Claim(boolean duplicateJourney) {}

  @JobWorker(type = JourneyModel.CLAIM_AGREEMENT)
  public Claim claim(ActivatedJob job, @Variable String agreementId) {
    return new Claim(!claims.claim(agreementId, job.getProcessInstanceKey()));
  }
}
