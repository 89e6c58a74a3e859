package br.com.regua.journey;

import br.com.regua.debt.DebtRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * {@code regua_journeys_waiting_to_start}: open debts stored whose journey has not started yet. A
 * bulk load ({@code POST /api/debts:batch}) answers before its journeys start; this is how many
 * {@link PendingJourneys} still has to start, at the engine's pace. Read from the database, once a
 * second at most.
 *
 * <p>Every replica reports it: a read of the whole database, the same figure on each (dashboards
 * take the max across replicas, not the sum), and nothing written.
 */
@Component
class JourneysWaitingGauge implements MeterBinder {

  private static final Duration FRESH = Duration.ofSeconds(1);

  private final DebtRepository debts;
  private long waiting;
  private long readAt;
  private boolean read;

  JourneysWaitingGauge(DebtRepository debts) {
    this.debts = debts;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("regua.journeys.waiting.to.start", this, JourneysWaitingGauge::waiting)
        .description("Open debts stored whose journey has not started yet")
        .register(registry);
  }

  synchronized long waiting() {
    long now = System.nanoTime();
    if (!read || now - readAt > FRESH.toNanos()) {
      waiting = debts.countWithoutJourney();
      read = true;
      readAt = now;
    }
    return waiting;
  }
}
