package br.com.regua.devkit.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Embedded mode: when the in-JVM engine's stream processor has failed, the service says it is
 * broken ({@code /actuator/health/liveness} answers 503), so that whatever runs it (Kubernetes'
 * liveness probe, a container health check) restarts it. A failed stream processor never processes
 * again, and the in-JVM engine cannot be replaced under a running Camunda client and its workers; a
 * restart gives a new engine, whose clock {@link EngineClockStore} moves back and whose journeys
 * {@code journey/PendingJourneys} rebuilds from PostgreSQL. Only that failure counts: a paused or
 * slow engine may recover, and then {@code engine} health says DOWN, liveness stays UP.
 */
@Component
@ConditionalOnBean(EmbeddedEngine.class)
class EngineFailureWatch {

  private static final Logger log = LoggerFactory.getLogger(EngineFailureWatch.class);

  private final EmbeddedEngine engine;
  private final ApplicationEventPublisher events;
  private volatile StreamProcessorProbe probe;
  private volatile boolean reported;

  EngineFailureWatch(EmbeddedEngine engine, ApplicationEventPublisher events) {
    this.engine = engine;
    this.events = events;
  }

  @Scheduled(
      fixedDelayString = "${regua.engine.embedded.failure-check:5s}",
      initialDelayString = "${regua.engine.embedded.failure-check:5s}")
  void check() {
    if (reported) {
      return;
    }
    if (probe == null) {
      probe = StreamProcessorProbe.of(engine.engine());
    }
    if (probe.failed()) {
      reported = true;
      log.error(
          "The in-JVM engine's stream processor failed and will process nothing more: liveness is"
              + " now BROKEN, restart the service (its journeys are rebuilt at start)");
      AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
    }
  }
}
