package br.com.regua.promise;

import br.com.regua.engine.JourneyModel;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Promises taken by agents on a call, and promises the journey finds broken. */
@Component
public class PromiseWorkers {

  private final PromiseService promises;

  PromiseWorkers(PromiseService promises) {
    this.promises = promises;
  }

  /**
   * {@code register-promise}: an agent's call ended with a promised date. The promise is stored and
   * checked like one from the API (a refused one fails the job with the reason), then the journey
   * hears {@code promise-made}. That message interrupts the collection this job runs in, so the job
   * is completed before it is published. A retry is safe: the promise id is the task's element
   * instance, and the engine drops a repeated message id.
   */
  @JobWorker(type = JourneyModel.REGISTER_PROMISE, autoComplete = false)
  public void registerPromise(
      JobClient client,
      ActivatedJob job,
      @Variable String debtId,
      @Variable LocalDate promisedDate,
      @Variable String promiseSource) {
    String promiseId = "agent-" + job.getElementInstanceKey();
    PromiseService.Outcome outcome =
        promises.record(debtId, promiseId, promisedDate, promiseSource);
    client.newCompleteCommand(job).send().join();
    promises.announce(outcome);
  }

  /** {@code break-promise}: the promised date and its grace passed without payment. */
  @JobWorker(type = JourneyModel.BREAK_PROMISE)
  public void breakPromise(@Variable String debtId) {
    promises.breakActive(debtId);
  }
}
