package br.com.regua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.engine.EngineRecovery.Step;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/** Ready only once the engine clock is back where it stood and the lost journeys run again. */
class EngineRecoveryTest {

  @Test
  void embeddedModeWaitsForTheClockAndTheJourneys() {
    EngineRecovery recovery = new EngineRecovery(Optional.of(new NoEngine()));
    assertThat(recovery.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    assertThat(recovery.health().getDetails())
        .containsEntry(
            "waitingFor", List.of(Step.ENGINE_CLOCK_RESTORED, Step.LOST_JOURNEYS_REBUILT));

    recovery.done(Step.ENGINE_CLOCK_RESTORED);
    assertThat(recovery.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    assertThat(recovery.health().getDetails())
        .containsEntry("waitingFor", List.of(Step.LOST_JOURNEYS_REBUILT));

    recovery.done(Step.LOST_JOURNEYS_REBUILT);
    assertThat(recovery.health().getStatus()).isEqualTo(Status.UP);
    assertThat(recovery.finished()).isTrue();
  }

  @Test
  void aClusterKeepsBothSoNothingWaits() {
    EngineRecovery recovery = new EngineRecovery(Optional.empty());

    assertThat(recovery.health().getStatus()).isEqualTo(Status.UP);
  }

  /** Only its presence matters here. */
  private static final class NoEngine implements InMemoryEngine {
    @Override
    public Clock clock() {
      return Clock.systemUTC();
    }

    @Override
    public Set<Long> liveProcessInstances() {
      return Set.of();
    }

    @Override
    public EngineHealth health() {
      return EngineHealth.up(java.util.Map.of());
    }
  }
}
