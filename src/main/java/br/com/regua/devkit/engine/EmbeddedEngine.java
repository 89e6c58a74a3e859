package br.com.regua.devkit.engine;

import br.com.regua.engine.EngineHealth;
import br.com.regua.engine.InMemoryEngine;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LogStreamWriter;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.DurableEngines;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The real Zeebe engine running inside this JVM, reached over gRPC like any cluster.
 *
 * <p>It is zeebe-process-test's engine assembled with a durable log ({@link FileLogStorage}) and
 * the broker's RocksDB state ({@code DurableEngines}): it comes back from a stop or a kill by
 * replaying its log. It owns a controllable clock. The engine's clock starts at the system time and
 * only moves forward by {@link #advance}, so this class mirrors it as the system clock plus the
 * same offset: the service's "now" (contact windows, business days) and the engine's timers read
 * the same time.
 */
public final class EmbeddedEngine implements InMemoryEngine, AutoCloseable {

  /** How long the engine may take to notice a clock move before we assume nothing fell due. */
  private static final Duration NOTICE_TIME = Duration.ofMillis(300);

  private static final int PARTITION_ID = 1;

  private final Path logFile;
  private final Path stateDirectory;
  private final boolean temporary;
  private final int port;
  private final ZoneId zone;
  private volatile Duration offset = Duration.ZERO;

  /** Where the clock stands while pinned ({@link #pinClock}); null while it runs with wall time. */
  private volatile Instant pinned;

  /** The engine running now; {@link #restart} replaces it with one replayed from the same log. */
  private volatile Run run;

  /** {@link #liveProcessInstances}, as far as {@link #liveCursor} has read. */
  private final Set<Long> live = new HashSet<>();

  private final RecordCursor liveCursor = newCursor();

  /** One start of the engine over the log: what a restart replaces. */
  private record Run(
      ZeebeTestEngine engine,
      LogStream logStream,
      FileLogStorage log,
      StreamProcessorProbe probe,
      int generation) {}

  private EmbeddedEngine(Path logFile, boolean temporary, int port, ZoneId zone) {
    this.logFile = logFile;
    this.stateDirectory = logFile.resolveSibling(logFile.getFileName() + ".state");
    this.temporary = temporary;
    this.port = port;
    this.zone = zone;
  }

  /**
   * Starts an engine on the given gRPC port (a free one when 0) with a temporary log: it keeps
   * nothing once closed (the tests' engines).
   */
  public static EmbeddedEngine start(int port, ZoneId zone) {
    try {
      Path directory = Files.createTempDirectory("regua-engine-");
      return start(port, zone, directory.resolve("engine.log"), true);
    } catch (IOException e) {
      throw new UncheckedIOException("no temporary directory for the embedded engine", e);
    }
  }

  /**
   * Starts an engine on the given gRPC port (a free one when 0) over the log in {@code logFile}: it
   * replays what the log holds, so every journey, timer, job and user task is back as it stood when
   * the last process stopped or was killed. Its state lives beside the log ({@code
   * logFile.state/}), made anew at each start.
   */
  public static EmbeddedEngine start(int port, ZoneId zone, Path logFile) {
    return start(port, zone, logFile, false);
  }

  private static EmbeddedEngine start(int port, ZoneId zone, Path logFile, boolean temporary) {
    EmbeddedEngine engine =
        new EmbeddedEngine(logFile, temporary, port == 0 ? freePort() : port, zone);
    engine.run = engine.open(0);
    return engine;
  }

  /**
   * Opens the log, replays it into a new state and starts processing, on this engine's port, with
   * the clock where it stands.
   */
  private Run open(int generation) {
    RocksDbLibrary.load();
    FileLogStorage log = FileLogStorage.open(logFile);
    deleteRecursively(stateDirectory);
    DurableEngines.DurableEngine durable =
        DurableEngines.create(
            port,
            log,
            stateDirectory,
            logStream -> new LogRecordStream(RecordCursor.over(logStream, PARTITION_ID, -1)));
    ZeebeTestEngine engine = durable.engine();
    Instant at = pinned;
    if (at != null) {
      actorClock(engine).setCurrentTime(at);
    } else if (!offset.isZero()) {
      engine.increaseTime(offset);
    }
    engine.start();
    return new Run(engine, durable.logStream(), log, StreamProcessorProbe.of(engine), generation);
  }

  /**
   * Replaces a failed engine with a new one over the same log, as a broker's partition does after a
   * failure: it replays what the log holds and goes on where it stood, on the same port (the
   * Camunda client reconnects) and with the same clock. Cursors and log writers handed out follow
   * it ({@link RecordCursor}, {@link #logWriter}).
   */
  public synchronized void restart() {
    Run failed = run;
    try {
      failed.engine().stop();
    } catch (RuntimeException e) {
      // a failed stream processor may not close cleanly; its log and port are released below
    }
    failed.log().close();
    run = open(failed.generation() + 1);
  }

  /** How many times the engine was restarted in this process. */
  public int restarts() {
    return run.generation();
  }

  /** Whether its stream processor failed for good (only {@link #restart} brings it back). */
  public boolean failed() {
    return run.probe().failed();
  }

  /** How many blocks the engine's log holds, and how many bytes. */
  public String logSize() {
    FileLogStorage log = run.log();
    return log.blocks() + " blocks, " + log.bytes() + " bytes";
  }

  public String grpcAddress() {
    return "http://localhost:" + port;
  }

  /** The engine running now (a {@link #restart} replaces it). */
  public ZeebeTestEngine engine() {
    return run.engine();
  }

  /**
   * A writer of commands to the engine's log, as the gateway writes them: the log's sequencer, safe
   * to use from any thread. Take one per command: a {@link #restart} makes a new log.
   */
  public LogStreamWriter logWriter() {
    return run.logStream().newLogStreamWriter();
  }

  /**
   * A reader of the engine's records from the first one on; it keeps none, and follows the engine
   * through a {@link #restart}.
   */
  public RecordCursor newCursor() {
    return newCursorAfter(-1);
  }

  /** A reader of the engine's records written after {@code position}; it keeps none. */
  public RecordCursor newCursorAfter(long position) {
    return new RecordCursor(
        () -> {
          Run current = run;
          return new RecordCursor.Source(
              current.generation(), current.logStream()::newLogStreamReader);
        },
        PARTITION_ID,
        position);
  }

  /** A clock that reads the engine's time. */
  @Override
  public Clock clock() {
    return clockIn(zone);
  }

  /** The engine's time in a zone; its other zones read the same time, moves included. */
  private Clock clockIn(ZoneId clockZone) {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return clockZone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return clockIn(other);
      }

      @Override
      public Instant instant() {
        return now();
      }
    };
  }

  public Instant now() {
    Instant at = pinned;
    return at != null ? at : Instant.now().plus(offset);
  }

  /**
   * Stops the engine clock where it stands: from now on it moves only by {@link #advance}, exactly
   * by the amount given, and every record, timer and "now" of the service reads the same instant
   * however long the work between two moves takes (the simulator's determinism). The in-JVM
   * engine's actor clock ({@link ControlledActorClock}, the same one {@code increaseTime} moves) is
   * pinned; it is reached reflectively, as zeebe-process-test does not expose it.
   */
  public synchronized Instant pinClock() {
    if (pinned == null) {
      Instant at = Instant.ofEpochMilli(Instant.now().plus(offset).toEpochMilli() + 1);
      actorClock(run.engine()).setCurrentTime(at);
      pinned = at;
    }
    return pinned;
  }

  /**
   * Lets the engine clock run with wall time again, from where it was pinned or later (it never
   * goes back): offset from wall time by the moves made before pinning, plus what it takes to not
   * fall behind the pinned instant.
   */
  public synchronized Instant unpinClock() {
    Instant at = pinned;
    if (at == null) {
      return now();
    }
    ControlledActorClock clock = actorClock(run.engine());
    clock.setCurrentTime(0L); // not a point in time any more: wall time plus the clock's offset
    Duration behind = Duration.between(Instant.now().plus(offset), at);
    if (!behind.isNegative()) {
      Duration gap = behind.plusMillis(1);
      run.engine().increaseTime(gap);
      offset = offset.plus(gap);
    }
    pinned = null;
    return now();
  }

  /**
   * Moves a pinned clock forward without waiting for anything (the caller watches the engine's
   * records for what fell due). The simulator also uses it for steps of 100 ms: the engine's timer
   * checker never looks again sooner than 100 ms (engine time) after it last looked, so a timer
   * created already due, while the clock stands still, waits for such a step.
   */
  public synchronized void nudge(Duration step) {
    Instant at = pinned;
    if (at == null) {
      return;
    }
    Instant target = at.plusMillis(step.toMillis());
    actorClock(run.engine()).setCurrentTime(target);
    pinned = target;
  }

  public boolean clockPinned() {
    return pinned != null;
  }

  private static ControlledActorClock actorClock(ZeebeTestEngine engine) {
    try {
      var field = engine.getClass().getDeclaredField("clock");
      field.setAccessible(true);
      return (ControlledActorClock) field.get(engine);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("the in-JVM engine's clock cannot be pinned", e);
    }
  }

  /** How far the engine clock has been moved ahead of the system clock. */
  public Duration offset() {
    return offset;
  }

  /**
   * Moves the engine clock forward; timers due by then fire. The engine notices the new time on its
   * next scheduler tick, so this gives it a moment to start on what fell due, then waits until it
   * is quiet again (bounded: workers may keep it busy, callers observe results themselves).
   */
  public synchronized Instant advance(Duration duration) {
    move(duration);
    try {
      run.engine().waitForBusyState(NOTICE_TIME);
    } catch (TimeoutException nothingFellDue) {
      // no timer was due
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    awaitIdle(Duration.ofSeconds(2));
    return now();
  }

  /**
   * Moves the engine clock forward and returns at once; the caller waits for what fell due itself
   * ({@link EngineWork#awaitSettled}).
   */
  public synchronized Instant move(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("the engine clock only moves forward");
    }
    Instant at = pinned;
    if (at != null) {
      // exact: the pinned actor clock jumps to the new instant and stays there
      Instant target = at.plusMillis(duration.toMillis());
      actorClock(run.engine()).setCurrentTime(target);
      pinned = target;
    } else {
      run.engine().increaseTime(duration);
      offset = offset.plus(duration);
    }
    return now();
  }

  /** Waits until the engine has no more work queued, up to the given bound. */
  public void awaitIdle(Duration bound) {
    try {
      run.engine().waitForIdleState(bound);
    } catch (TimeoutException busy) {
      // Job workers keep the engine busy; the caller observes results with its own waits.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The process instances this engine runs now: activated and neither completed nor terminated.
   * Read from the engine's records (the in-JVM engine has no query API), which its log keeps across
   * restarts; each call reads only what was written since the last.
   */
  @Override
  public Set<Long> liveProcessInstances() {
    synchronized (live) {
      liveCursor.forEachNew(
          record -> {
            if (record.getRecordType() == RecordType.EVENT
                && record.getValue() instanceof ProcessInstanceRecordValue instance
                && instance.getBpmnElementType() == BpmnElementType.PROCESS) {
              switch ((ProcessInstanceIntent) record.getIntent()) {
                case ELEMENT_ACTIVATED -> live.add(instance.getProcessInstanceKey());
                case ELEMENT_COMPLETED, ELEMENT_TERMINATED ->
                    live.remove(instance.getProcessInstanceKey());
                default -> {}
              }
            }
          });
      return Set.copyOf(live);
    }
  }

  /** Its stream processor's health ({@link StreamProcessorProbe}). */
  @Override
  public EngineHealth health() {
    return run.probe().check();
  }

  @Override
  public synchronized void close() {
    Run current = run;
    current.engine().stop();
    current.log().close();
    deleteRecursively(stateDirectory);
    if (temporary) {
      deleteRecursively(stateDirectory.getParent());
    }
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for the embedded engine", e);
    }
  }
}
