package br.com.regua.journey;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The bulk loads ({@code POST /api/debts:batch}) this replica is answering now. The journeys they
 * store start in the background ({@link PendingJourneys}), and those starts give way to the loads,
 * for a while: on a machine of few cores each start the engine runs meanwhile takes CPU from the
 * load's checks and SQL, and the journeys start at the engine's pace whether that begins during the
 * load or right after it.
 */
@Component
class BulkLoads {

  /** The longest a round of starts waits: a steady stream of loads still lets journeys start. */
  static final Duration MAX_WAIT = Duration.ofSeconds(2);

  private int inFlight;

  /** A load begins; {@link Load#close()} when it has answered. */
  synchronized Load begin() {
    inFlight++;
    return this::end;
  }

  /** One load in flight. */
  interface Load extends AutoCloseable {
    @Override
    void close();
  }

  private synchronized void end() {
    if (--inFlight == 0) {
      notifyAll();
    }
  }

  /** Returns once no load is in flight, or after {@code max}, or when interrupted. */
  synchronized void awaitNone(Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    long left;
    while (inFlight > 0 && (left = deadline - System.nanoTime()) > 0) {
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
