package br.com.regua.engine;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The journey message outbox ({@code journey/MessageOutbox}) as operations watch it: {@code
 * regua_outbox_pending} messages stored but not yet taken by the engine, and {@code
 * regua_outbox_lag_seconds}, the age of the oldest of them (0 when none waits), by the service's
 * clock (the engine's in embedded mode). Read from the database, once a second at most.
 *
 * <p>Every replica reports it: a read of the whole database, the same figure on each (dashboards
 * take the max across replicas, not the sum), and nothing written.
 */
@Component
public class OutboxGauges implements MeterBinder {

  private static final Duration FRESH = Duration.ofSeconds(1);

  private final JdbcClient jdbc;
  private final Clock clock;
  private long pending;
  private double lagSeconds;
  private long readAt;
  private boolean read;

  OutboxGauges(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("regua.outbox.pending", this, g -> g.refresh().pending)
        .description("Journey messages stored and not yet published to the engine")
        .register(registry);
    Gauge.builder("regua.outbox.lag", this, g -> g.refresh().lagSeconds)
        .description("Age of the oldest journey message not yet published")
        .baseUnit("seconds")
        .register(registry);
  }

  private synchronized OutboxGauges refresh() {
    long now = System.nanoTime();
    if (!read || now - readAt > FRESH.toNanos()) {
      jdbc.sql(
              "select count(*) as n, min(created_at) as oldest from journey_message"
                  + " where published_at is null")
          .query(
              rs -> {
                pending = rs.getLong("n");
                Timestamp oldest = rs.getTimestamp("oldest");
                lagSeconds =
                    oldest == null
                        ? 0
                        : Math.max(
                                0, Duration.between(oldest.toInstant(), clock.instant()).toMillis())
                            / 1000.0;
              });
      read = true;
      readAt = now;
    }
    return this;
  }
}
