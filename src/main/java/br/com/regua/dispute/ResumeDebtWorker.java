package br.com.regua.dispute;

import br.com.regua.engine.JourneyModel;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** {@code resume-debt}: the dispute did not hold; collection resumes where it stood. */
@Component
public class ResumeDebtWorker {

  private final DisputeService disputes;

  ResumeDebtWorker(DisputeService disputes) {
    this.disputes = disputes;
  }

  @JobWorker(type = JourneyModel.RESUME_DEBT)
  public void resume(@Variable String debtId, @Variable(optional = true) String resolutionNotes) {
    disputes.resume(debtId, resolutionNotes);
  }
}
