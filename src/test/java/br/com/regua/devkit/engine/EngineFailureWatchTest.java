package br.com.regua.devkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.support.EngineFaults;
import br.com.regua.support.ProcessTestEngine;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;

/** A failed stream processor makes the service's liveness BROKEN, once; a paused one does not. */
@Tag(ProcessTestEngine.TAG)
class EngineFailureWatchTest {

  private final EmbeddedEngine engine = EmbeddedEngine.start(0, ZoneId.of("America/Sao_Paulo"));
  private final List<Object> published = new ArrayList<>();
  private final EngineFailureWatch watch = new EngineFailureWatch(engine, published::add);

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void aFailedStreamProcessorBreaksLiveness() {
    watch.check();
    assertThat(published).isEmpty();

    EngineFaults.failStreamProcessor(engine);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              watch.check();
              assertThat(published)
                  .singleElement()
                  .isInstanceOfSatisfying(
                      AvailabilityChangeEvent.class,
                      event -> assertThat(event.getState()).isEqualTo(LivenessState.BROKEN));
            });
    watch.check();
    assertThat(published).hasSize(1);
  }

  @Test
  void aPausedOneMayResumeAndBreaksNothing() throws Exception {
    try (AutoCloseable paused = EngineFaults.pauseStreamProcessor(engine)) {
      watch.check();
    }
    assertThat(published).isEmpty();
  }
}
