package br.com.regua.support;

import br.com.regua.devkit.engine.EmbeddedEngine;
import io.camunda.zeebe.scheduler.Actor;
import io.camunda.zeebe.scheduler.ActorControl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import java.lang.reflect.Field;
import java.time.Duration;

/**
 * Faults of the in-JVM engine's stream processor, made on purpose: the ways it was seen to stop in
 * long runs (docs/operations.md), for the tests of what health and the API say then.
 */
public final class EngineFaults {

  private EngineFaults() {}

  /**
   * Fails the stream processor as an exception in one of its jobs does (the log reader's {@code
   * NullPointerException} of 2026-12-07): {@code Actor StreamProcessor-1 failed in phase STARTED}.
   * There is no way back but a new engine.
   */
  public static void failStreamProcessor(EmbeddedEngine engine) {
    actor(engine)
        .run(
            () -> {
              throw new IllegalStateException("injected by a test: the stream processor fails");
            });
  }

  /** Keeps the stream processor's actor busy for the given time: it answers no call meanwhile. */
  public static void blockStreamProcessor(EmbeddedEngine engine, Duration duration) {
    actor(engine)
        .run(
            () -> {
              try {
                Thread.sleep(duration.toMillis());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
  }

  /** Stops processing until the returned handle is closed; commands written meanwhile wait. */
  public static AutoCloseable pauseStreamProcessor(EmbeddedEngine engine) {
    StreamProcessor processor = streamProcessor(engine);
    processor.pauseProcessing().join();
    return processor::resumeProcessing;
  }

  private static ActorControl actor(EmbeddedEngine engine) {
    try {
      Field actor = Actor.class.getDeclaredField("actor");
      actor.setAccessible(true);
      return (ActorControl) actor.get(streamProcessor(engine));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static StreamProcessor streamProcessor(EmbeddedEngine engine) {
    Object inMemoryEngine = engine.engine();
    for (Field field : inMemoryEngine.getClass().getDeclaredFields()) {
      if (StreamProcessor.class.isAssignableFrom(field.getType())) {
        try {
          field.setAccessible(true);
          return (StreamProcessor) field.get(inMemoryEngine);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    throw new IllegalStateException("no stream processor in " + inMemoryEngine.getClass());
  }
}
