package br.com.regua.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The background starts give way to bulk loads in flight, for a bounded while. */
class BulkLoadsTest {

  private final BulkLoads loads = new BulkLoads();

  @Test
  void withoutALoadInFlightTheStartsDoNotWait() {
    long t0 = System.nanoTime();
    loads.awaitNone(Duration.ofSeconds(5));
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void theStartsWaitUntilTheLastLoadHasAnswered() throws Exception {
    // given two loads in flight
    BulkLoads.Load first = loads.begin();
    BulkLoads.Load second = loads.begin();
    CompletableFuture<Void> starts =
        CompletableFuture.runAsync(() -> loads.awaitNone(Duration.ofSeconds(30)));

    // when one answers, the starts still wait
    first.close();
    assertThatThrownBy(() -> starts.get(200, TimeUnit.MILLISECONDS))
        .isInstanceOf(TimeoutException.class);

    // and when the other does, they go
    second.close();
    starts.get(5, TimeUnit.SECONDS);
    assertThat(starts).isDone();
  }

  @Test
  void aLoadThatLastsLetsTheStartsGoAfterTheBound() {
    // given a load that does not end
    loads.begin();

    // when the starts wait for it
    long t0 = System.nanoTime();
    loads.awaitNone(Duration.ofMillis(300));

    // then they go after the bound
    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .isBetween(Duration.ofMillis(300), Duration.ofSeconds(10));
  }
}
