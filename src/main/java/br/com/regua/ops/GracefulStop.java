package br.com.regua.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A replica asked to stop (SIGTERM, a rolling restart) loses no request and no job:
 *
 * <ol>
 *   <li>Spring Boot turns readiness to {@code REFUSING_TRAFFIC} as the context begins to close;
 *       then, for {@code regua.shutdown.drain}, the replica still answers everything, so that a
 *       load balancer probing readiness takes it out before it refuses anything ({@link #drain}).
 *   <li>The job workers stop polling and streaming (the Camunda client closes them in the first
 *       lifecycle phase); the jobs they hold run to their end, and this waits for them, at most
 *       {@code spring.lifecycle.timeout-per-shutdown-phase}, and no longer than {@link #STALL} once
 *       none has ended for that long: some jobs a closing worker has activated are never run by it
 *       (in a rolling restart of fault injection four stayed held for the whole 30 s). Such a job,
 *       or one cut off, comes back to another replica after its timeout.
 *   <li>The web server's graceful shutdown ({@code server.shutdown: graceful}) lets the requests
 *       under way finish, and only then are the connections to the engine and the database closed.
 * </ol>
 */
@Component
public class GracefulStop implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

  /** After the workers are closed (the default phase), before the web server stops (-1024). */
  static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

  private final MeterRegistry meters;
  private final Duration drain;
  private final Duration jobsTimeout;
  private final Duration stall;
  private volatile boolean running;

  /** How long the jobs held may stay as many before the stop stops waiting for them. */
  static final Duration STALL = Duration.ofSeconds(5);

  @Autowired
  GracefulStop(
      MeterRegistry meters,
      @Value("${regua.shutdown.drain:0s}") Duration drain,
      @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration jobsTimeout) {
    this(meters, drain, jobsTimeout, STALL);
  }

  GracefulStop(MeterRegistry meters, Duration drain, Duration jobsTimeout, Duration stall) {
    this.meters = meters;
    this.drain = drain;
    this.jobsTimeout = jobsTimeout;
    this.stall = stall;
  }

  /** Readiness is out by now (Spring Boot publishes it before this event): still serving. */
  @EventListener(ContextClosedEvent.class)
  void drain() {
    if (!drain.isZero() && running) {
      log.info("Stopping: out of readiness, still serving for {}", drain);
      sleep(drain);
    }
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    long deadline = System.nanoTime() + jobsTimeout.toNanos();
    long held = jobsHeld();
    if (held > 0) {
      log.info("Stopping: waiting for the {} job(s) the workers hold", held);
    }
    long changedAt = System.nanoTime();
    while (held > 0
        && System.nanoTime() < deadline
        && System.nanoTime() - changedAt < stall.toNanos()) {
      sleep(Duration.ofMillis(50));
      long now = jobsHeld();
      if (now != held) {
        changedAt = System.nanoTime();
        held = now;
      }
    }
    if (held > 0) {
      log.warn("Stopping with {} job(s) unfinished: they come back after their timeout", held);
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  /** Jobs activated and not yet completed, failed or thrown, by the Camunda client's counters. */
  long jobsHeld() {
    double activated = 0;
    double handled = 0;
    for (Counter counter : meters.find("camunda.client.worker.job").counters()) {
      if ("activated".equals(counter.getId().getTag("action"))) {
        activated += counter.count();
      } else {
        handled += counter.count();
      }
    }
    return Math.max(0, Math.round(activated - handled));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
