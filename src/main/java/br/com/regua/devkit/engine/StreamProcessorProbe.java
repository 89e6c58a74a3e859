package br.com.regua.devkit.engine;

import br.com.regua.engine.EngineHealth;
import io.camunda.zeebe.scheduler.future.ActorFuture;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The health of the in-JVM engine's stream processor, the actor that processes every command. When
 * it fails ({@code Actor StreamProcessor-1 failed in phase STARTED}) the gRPC gateway still answers
 * a topology request, so that cannot tell; this asks the processor itself.
 *
 * <p>Down when it failed or is not processing (paused, closed, replaying), when it does not answer
 * a call on its own actor within {@link #ANSWER_WITHIN} (blocked), or when commands wait in the log
 * and its processed position has not moved for {@link #STALL}. It writes nothing to the log, so a
 * probe every few seconds costs no memory.
 *
 * <p>Not its {@code getHealthReport()}: that compares the actor's last tick, taken on the engine's
 * controllable clock, with the caller's wall clock, and reports a pinned or moved clock as a
 * blocked actor.
 */
final class StreamProcessorProbe {

  static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);
  static final Duration STALL = Duration.ofSeconds(30);

  private final StreamProcessor processor;

  /** The processed position while commands waited, and since when (wall time); -1: none waited. */
  private long waitingAt = -1;

  private long waitingSince;

  StreamProcessorProbe(StreamProcessor processor) {
    this.processor = processor;
  }

  /**
   * The stream processor of an engine assembly: zeebe-process-test's {@code InMemoryEngine} keeps
   * it in a private field and offers no other way in. Found by its type, not its name, so that an
   * assembly of our own that holds one works too.
   */
  static StreamProcessorProbe of(Object engine) {
    for (Class<?> type = engine.getClass(); type != null; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (StreamProcessor.class.isAssignableFrom(field.getType())) {
          try {
            field.setAccessible(true);
            return new StreamProcessorProbe((StreamProcessor) field.get(engine));
          } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot reach the engine's stream processor", e);
          }
        }
      }
    }
    throw new IllegalStateException(
        "the engine (" + engine.getClass().getName() + ") holds no stream processor");
  }

  /** Failed for good: a failed stream processor never processes again. */
  boolean failed() {
    return processor.isFailed();
  }

  synchronized EngineHealth check() {
    Map<String, Object> details = new LinkedHashMap<>();
    if (processor.isFailed()) {
      details.put("phase", StreamProcessor.Phase.FAILED.name());
      return EngineHealth.down("the engine's stream processor failed; see the log", details);
    }
    if (processor.isClosed()) {
      return EngineHealth.down("the engine's stream processor is closed", details);
    }
    long deadline = System.nanoTime() + ANSWER_WITHIN.toNanos();
    try {
      StreamProcessor.Phase phase = answer(processor.getCurrentPhase(), deadline);
      details.put("phase", phase.name());
      if (phase != StreamProcessor.Phase.PROCESSING) {
        return EngineHealth.down("the engine's stream processor is " + phase, details);
      }
      long processed = answer(processor.getLastProcessedPositionAsync(), deadline);
      boolean upToDate = answer(processor.hasProcessingReachedTheEnd(), deadline);
      details.put("lastProcessedPosition", processed);
      details.put("upToDate", upToDate);
      return progress(processed, upToDate, details);
    } catch (TimeoutException e) {
      return EngineHealth.down(
          "the engine's stream processor did not answer within " + ANSWER_WITHIN, details);
    } catch (ExecutionException | RuntimeException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      return EngineHealth.down("the engine's stream processor does not answer: " + cause, details);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EngineHealth.down("interrupted while asking the engine's stream processor", details);
    }
  }

  /** Down when commands have waited behind the same processed position for longer than STALL. */
  private EngineHealth progress(long processed, boolean upToDate, Map<String, Object> details) {
    long now = System.nanoTime();
    if (upToDate) {
      waitingAt = -1;
    } else if (waitingAt != processed) {
      waitingAt = processed;
      waitingSince = now;
    } else if (now - waitingSince > STALL.toNanos()) {
      Duration stuck = Duration.ofNanos(now - waitingSince).withNanos(0);
      return EngineHealth.down(
          "commands wait in the engine's log, and it processed none for " + stuck, details);
    }
    return EngineHealth.up(details);
  }

  private static <T> T answer(ActorFuture<T> future, long deadline)
      throws InterruptedException, ExecutionException, TimeoutException {
    return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
  }
}
