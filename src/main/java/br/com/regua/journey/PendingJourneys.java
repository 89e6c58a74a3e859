package br.com.regua.journey;

import br.com.regua.engine.EngineRecovery;
import br.com.regua.engine.InMemoryEngine;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nothing registered is lost: starts the journey of every stored debt whose journey did not start
 * at registration (engine unreachable, or a crash between storing the debt and starting it), and,
 * in embedded mode, rebuilds at start the journey of every open debt: the in-JVM engine keeps its
 * state in memory, so after a restart PostgreSQL alone knows where each debt stood.
 */
@Component
class PendingJourneys {

  private static final Logger log = LoggerFactory.getLogger(PendingJourneys.class);

  /** Registration starts the journey itself; only debts older than this are the relay's. */
  static final Duration GRACE = Duration.ofSeconds(10);

  static final int BATCH = 100;

  private final JourneyStarts starts;
  private final Clock clock;
  private final InMemoryEngine engine;
  private final EngineRecovery recovery;
  private final BulkLoads loads;
  private final ExecutorService starter =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().name("pending-journeys").factory());
  private final AtomicBoolean queued = new AtomicBoolean();

  PendingJourneys(
      JourneyStarts starts,
      Clock clock,
      Optional<InMemoryEngine> engine,
      EngineRecovery recovery,
      BulkLoads loads) {
    this.starts = starts;
    this.loads = loads;
    this.clock = clock;
    this.engine = engine.orElse(null);
    this.recovery = recovery;
  }

  /**
   * Embedded mode: the journeys the engine lost with the last stop start again now; the service is
   * not ready until they have ({@link EngineRecovery}).
   */
  // Embedded mode only, which runs one replica (its engine lives in the service's JVM). A remote
  // replica returns at once: the cluster keeps the journeys, and a start never rebuilds one.
  @EventListener(ApplicationReadyEvent.class)
  void rebuildLostJourneys() {
    if (engine == null) {
      return; // a remote cluster keeps its state; a crash mid-job only causes redelivery
    }
    List<String> lost = starts.forgetLost(engine.liveProcessInstances());
    if (!lost.isEmpty()) {
      log.info("Rebuilding the journeys of {} open debt(s) the engine no longer has", lost.size());
      startAll(clock.instant().plusSeconds(1));
    }
    recovery.done(EngineRecovery.Step.LOST_JOURNEYS_REBUILT);
  }

  // Every replica runs it, safely: JourneyStarts.start takes the debt's row lock and starts the
  // journey only if the debt still has none, storing its key in the same transaction, so a second
  // replica that reaches the same debt waits for the first and then finds the journey started.
  // PendingJourneysReplicasTest.
  @Scheduled(
      fixedDelayString = "${regua.message-relay.interval:5s}",
      initialDelayString = "${regua.message-relay.interval:5s}")
  void startPending() {
    int started = startAll(clock.instant().minus(GRACE));
    if (started > 0) {
      log.info("Started {} journey(s) that were not running", started);
    }
  }

  /**
   * Starts the pending journeys now, on this class's own thread, so the caller (a bulk load) does
   * not wait for the engine; a call while a round is already queued adds nothing.
   */
  void startSoon() {
    if (queued.compareAndSet(false, true)) {
      starter.execute(
          () -> {
            queued.set(false);
            int started = startAll(clock.instant().plusSeconds(1));
            if (started > 0) {
              log.info("Started {} journey(s) of debts stored in bulk", started);
            }
          });
    }
  }

  @PreDestroy
  void stop() {
    starter.shutdownNow();
  }

  private int startAll(Instant registeredBefore) {
    int total = 0;
    int started;
    do {
      loads.awaitNone(BulkLoads.MAX_WAIT); // a bulk load in flight goes first
      started = starts.startPending(registeredBefore, BATCH);
      total += started;
    } while (started == BATCH);
    return total;
  }
}
