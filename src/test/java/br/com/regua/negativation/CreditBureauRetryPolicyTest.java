package br.com.regua.negativation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.client.exception.JobError;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CreditBureauRetryPolicyTest {

  private final CreditBureauRetryPolicy policy =
      new CreditBureauRetryPolicy(
          new CreditBureauProperties(
              URI.create("http://bureau.test"),
              null,
              null,
              null,
              List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30))));

  private final CreditBureauUnavailableException down =
      new CreditBureauUnavailableException("negativation of D-1 failed: HTTP 503");

  @Test
  void eachFailureOfAnUnavailableBureauSpendsOneRetryAndWaitsLongerThanTheOneBefore() {
    // a task with 5 tries fails every time
    List<JobError> failures =
        IntStream.iterate(5, retries -> retries > 0, retries -> retries - 1)
            .mapToObj(retries -> policy.jobError(down, retries))
            .toList();

    assertThat(failures)
        .extracting(JobError::getRetries, JobError::getRetryBackoff)
        .containsExactly(
            tuple(4, Duration.ofMinutes(1)),
            tuple(3, Duration.ofMinutes(1)),
            tuple(2, Duration.ofMinutes(5)),
            tuple(1, Duration.ofMinutes(30)),
            tuple(0, Duration.ZERO));
    assertThat(failures.getFirst().getErrorMessage())
        .isEqualTo("negativation of D-1 failed: HTTP 503");
    assertThat(failures.getFirst().getCause()).isSameAs(down);
  }

  @Test
  void withTheModelsDefaultThreeTriesTheLastWaitsAreUsed() {
    assertThat(List.of(policy.jobError(down, 3), policy.jobError(down, 2)))
        .extracting(JobError::getRetries, JobError::getRetryBackoff)
        .containsExactly(tuple(2, Duration.ofMinutes(5)), tuple(1, Duration.ofMinutes(30)));
  }

  @Test
  void aRejectionFailsIntoAnIncidentAtOnceWithTheBureausReason() {
    CreditBureauRejectedException rejected =
        new CreditBureauRejectedException(
            "negativation of D-1", 422, "{\"error\":\"document unknown\"}");

    JobError error = policy.jobError(rejected, 3);

    assertThat(error.getRetries()).isZero();
    assertThat(error.getRetryBackoff()).isZero();
    assertThat(error.getErrorMessage())
        .isEqualTo(
            "negativation of D-1 rejected by the credit bureau: HTTP 422"
                + " {\"error\":\"document unknown\"}");
  }
}
