package br.com.regua.devkit.engine;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Embedded mode: when the in-JVM engine's stream processor has failed (it never processes again),
 * the service restarts the engine itself ({@link EmbeddedEngine#restart}): the new one replays the
 * log and every journey goes on where it stood, on the same port, with the same clock. Meanwhile
 * {@code engine} health is DOWN and calls that need the engine answer 503.
 *
 * <p>A failure that comes back at once would come back after every restart (a fault in what the log
 * holds): after {@link #MAX_RESTARTS} restarts within {@link #WINDOW}, the watch stops restarting
 * and says the service is broken ({@code /actuator/health/liveness} answers 503), so that whatever
 * runs it restarts the process or a person looks. Only that failure counts: a paused or slow engine
 * may recover, and then {@code engine} health says DOWN, liveness stays UP.
 */
@Component
@ConditionalOnBean(EmbeddedEngine.class)
class EngineFailureWatch {

  static final int MAX_RESTARTS = 3;
  static final Duration WINDOW = Duration.ofMinutes(10);

  private static final Logger log = LoggerFactory.getLogger(EngineFailureWatch.class);

  private final EmbeddedEngine engine;
  private final ApplicationEventPublisher events;
  private final Deque<Long> restartTimes = new ArrayDeque<>();
  private boolean broken;

  EngineFailureWatch(EmbeddedEngine engine, ApplicationEventPublisher events) {
    this.engine = engine;
    this.events = events;
  }

  // Embedded mode only (devkit/), where the engine lives in this JVM and the service runs as one
  // replica: it watches this replica's own engine, so there is nothing to share or coordinate.
  @Scheduled(
      fixedDelayString = "${regua.engine.embedded.failure-check:5s}",
      initialDelayString = "${regua.engine.embedded.failure-check:5s}")
  synchronized void check() {
    if (broken || !engine.failed()) {
      return;
    }
    long now = System.nanoTime();
    while (!restartTimes.isEmpty() && now - restartTimes.peekFirst() > WINDOW.toNanos()) {
      restartTimes.removeFirst();
    }
    if (restartTimes.size() >= MAX_RESTARTS) {
      broken = true;
      log.error(
          "The in-JVM engine failed again after {} restarts within {}: liveness is now BROKEN;"
              + " restart the service (the engine replays its log at start) and see the log above"
              + " for the failure",
          MAX_RESTARTS,
          WINDOW);
      AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
      return;
    }
    restartTimes.addLast(now);
    log.error(
        "The in-JVM engine's stream processor failed (see the error above); restarting the engine"
            + " from its log");
    long started = System.nanoTime();
    try {
      engine.restart();
      log.warn(
          "The in-JVM engine is back after {} ms (restart {} of this process), its journeys"
              + " replayed from its log",
          (System.nanoTime() - started) / 1_000_000,
          engine.restarts());
    } catch (RuntimeException e) {
      broken = true;
      log.error("The in-JVM engine could not be restarted: liveness is now BROKEN", e);
      AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
    }
  }
}
