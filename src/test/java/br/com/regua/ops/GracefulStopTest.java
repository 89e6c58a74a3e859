package br.com.regua.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A stopping replica waits for the jobs its workers hold (the Camunda client's counters: activated
 * against completed, failed and thrown), and no longer than the phase's timeout.
 */
class GracefulStopTest {

  private final MeterRegistry meters = new SimpleMeterRegistry();

  private Counter jobs(String action) {
    return Counter.builder("camunda.client.worker.job")
        .tag("action", action)
        .tag("type", "send-reminder")
        .register(meters);
  }

  @Test
  void theStopWaitsForTheJobsHeldAndReturnsOnceTheyAreDone() throws Exception {
    // given workers holding two jobs of the three they took
    jobs("activated").increment(3);
    jobs("completed").increment();
    GracefulStop stop =
        new GracefulStop(meters, Duration.ZERO, Duration.ofSeconds(20), Duration.ofSeconds(10));
    stop.start();
    assertThat(stop.jobsHeld()).isEqualTo(2);

    // when the replica stops, then it waits while they run
    CompletableFuture<Void> stopping = CompletableFuture.runAsync(stop::stop);
    Thread.sleep(300);
    assertThat(stopping).isNotDone();

    // and returns once both are handled (one completed, one failed back to the engine)
    jobs("completed").increment();
    jobs("failed").increment();
    stopping.get(5, TimeUnit.SECONDS);
    assertThat(stop.isRunning()).isFalse();
  }

  @Test
  void aJobThatDoesNotEndHoldsTheStopNoLongerThanTheTimeout() {
    jobs("activated").increment();
    GracefulStop stop =
        new GracefulStop(meters, Duration.ZERO, Duration.ofMillis(300), Duration.ofSeconds(10));
    stop.start();

    long started = System.nanoTime();
    stop.stop();

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300))
        .isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void jobsThatNoLongerEndHoldTheStopNoLongerThanTheStall() throws Exception {
    // given four jobs a closed worker took and will never run, and one that ends meanwhile
    jobs("activated").increment(5);
    GracefulStop stop =
        new GracefulStop(meters, Duration.ZERO, Duration.ofSeconds(20), Duration.ofMillis(600));
    stop.start();
    CompletableFuture.runAsync(
        () -> {
          sleep(300);
          jobs("completed").increment();
        });

    // when the replica stops
    long started = System.nanoTime();
    stop.stop();

    // then it waited for the one that ended, and then only the stall, not the 20 s timeout
    assertThat(stop.jobsHeld()).isEqualTo(4);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(900))
        .isLessThan(Duration.ofSeconds(5));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
