package br.com.regua.engine;

import java.time.Clock;
import java.util.Set;

/**
 * An engine that keeps its state in memory only: the in-JVM engine of embedded mode, implemented
 * under {@code devkit/engine}. Production code sees it through this interface alone, and a remote
 * cluster has none. After a restart it runs none of the journeys PostgreSQL says are open, and its
 * clock is the service's clock (a person or a test moves it).
 */
public interface InMemoryEngine {

  /** The engine's clock: timers fire by it, and the service reads the time from it. */
  Clock clock();

  /** The process instances the engine runs now. */
  Set<Long> liveProcessInstances();

  /**
   * Whether the engine's stream processor is alive and processes what is written to its log: not
   * failed, not paused, answering within a bound, and not stuck behind unprocessed commands. The
   * gateway's topology cannot tell: it still answers after the stream processor died.
   */
  EngineHealth health();
}
