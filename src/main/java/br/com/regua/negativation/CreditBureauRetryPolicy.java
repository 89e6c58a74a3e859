package br.com.regua.negativation;

import io.camunda.client.exception.CamundaError;
import io.camunda.client.exception.JobError;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * How a job fails when its call to the credit bureau failed: never a silent skip.
 *
 * <ul>
 *   <li>Bureau unavailable: the job keeps {@code retries - 1} and is offered again only after a
 *       backoff that grows as its retries run out ({@code regua.credit-bureau.retry-backoff}); with
 *       no retries left it becomes an incident.
 *   <li>Bureau rejected the request: an incident at once (retries 0) with the bureau's reason. The
 *       same request would be rejected again; someone has to correct the data (then retry the job
 *       in Operate) or decide that this debt is not negativated.
 * </ul>
 *
 * <p>Why a {@link JobError} rather than a plain exception: camunda-spring-boot-starter 8.8 turns a
 * {@code JobError} thrown by a {@code @JobWorker} into a fail command with its retries and {@code
 * retryBackoff} ({@code DefaultJobExceptionHandlingStrategy}); any other exception is failed by the
 * client with {@code retries - 1} and no backoff at all, which would spend every retry within a
 * second against a bureau that is down.
 *
 * <p>Why the backoff follows the retries left: an activated job tells how many retries it has left,
 * not how often it failed, and the number of retries is the model's. The configured waits are the
 * ones before the last tries, the longest last: with {@code 1m,5m,30m} the final retry waits 30
 * minutes, the one before it 5, any earlier one 1. (Counting failures in a task variable set by the
 * fail command would need no such rule, but the embedded engine's gateway drops fail-command
 * variables.)
 */
@Component
public class CreditBureauRetryPolicy {

  private final List<Duration> backoff;

  CreditBureauRetryPolicy(CreditBureauProperties properties) {
    this.backoff = properties.retryBackoff();
  }

  /**
   * The error for the worker to throw.
   *
   * @param retries the job's retries as activated
   */
  public JobError jobError(CreditBureauException failure, int retries) {
    return switch (failure) {
      case CreditBureauRejectedException rejected ->
          CamundaError.jobError(rejected.getMessage(), null, 0, Duration.ZERO, rejected);
      case CreditBureauUnavailableException unavailable -> {
        int retriesLeft = Math.max(0, retries - 1);
        yield CamundaError.jobError(
            unavailable.getMessage(), null, retriesLeft, backoffBefore(retriesLeft), unavailable);
      }
    };
  }

  /** The wait before a try when {@code retriesLeft} tries remain, counting that one. */
  Duration backoffBefore(int retriesLeft) {
    if (retriesLeft == 0) {
      return Duration.ZERO; // an incident now: nothing to wait for
    }
    return backoff.get(Math.max(0, backoff.size() - retriesLeft));
  }
}
