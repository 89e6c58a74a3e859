package br.com.regua.engine;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code recovery} component of {@code /actuator/health} and of its readiness group: {@code
 * OUT_OF_SERVICE} until what a start must do before the service may take traffic has been done. In
 * embedded mode the in-JVM engine starts empty and at the system time, so the engine clock must be
 * moved to where it stood and the open debts' journeys rebuilt; before that a request would see the
 * wrong day and debts without journeys. A remote cluster keeps both: nothing waits.
 */
@Component("recovery")
public class EngineRecovery implements HealthIndicator {

  /** What a start does before the service is ready, in this order. */
  public enum Step {
    /** The in-JVM engine's clock moved ahead again as far as before the restart. */
    ENGINE_CLOCK_RESTORED,
    /** The journeys of the open debts the in-JVM engine no longer has are running again. */
    LOST_JOURNEYS_REBUILT
  }

  private final Set<Step> pending;

  public EngineRecovery(Optional<InMemoryEngine> inMemoryEngine) {
    pending =
        inMemoryEngine.isPresent()
            ? EnumSet.allOf(Step.class)
            : EnumSet.noneOf(Step.class); // a cluster keeps its clock and its journeys
  }

  public synchronized void done(Step step) {
    pending.remove(step);
  }

  public synchronized boolean finished() {
    return pending.isEmpty();
  }

  @Override
  public synchronized Health health() {
    if (pending.isEmpty()) {
      return Health.up().build();
    }
    return Health.outOfService().withDetail("waitingFor", List.copyOf(pending)).build();
  }
}
