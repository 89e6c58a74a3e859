package br.com.regua.debt;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code regua_journeys{status}}: how many debts are in each status, counted by the database (one
 * grouped query, reused for a second so that one scrape reads it once for every status).
 *
 * <p>Every replica reports it: a read of the whole database, the same figure on each (dashboards
 * take the max across replicas, not the sum), and nothing written.
 */
@Component
public class JourneyStatusGauges implements MeterBinder {

  private static final Duration FRESH = Duration.ofSeconds(1);

  private final JdbcClient jdbc;
  private Map<DebtStatus, Long> counts = new EnumMap<>(DebtStatus.class);
  private long readAt;

  JourneyStatusGauges(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (DebtStatus status : DebtStatus.values()) {
      Gauge.builder("regua.journeys", this, g -> g.count(status))
          .description(
              "Debts by status (journeys running: ACTIVE, PROMISED, DISPUTED, NEGATIVATED)")
          .tag("status", status.name())
          .register(registry);
    }
  }

  synchronized double count(DebtStatus status) {
    long now = System.nanoTime();
    if (counts.isEmpty() || now - readAt > FRESH.toNanos()) {
      Map<DebtStatus, Long> read = new EnumMap<>(DebtStatus.class);
      jdbc.sql("select status, count(*) as n from debt group by status")
          .query(
              rs -> {
                read.put(DebtStatus.valueOf(rs.getString("status")), rs.getLong("n"));
              });
      for (DebtStatus s : DebtStatus.values()) {
        read.putIfAbsent(s, 0L);
      }
      counts = read;
      readAt = now;
    }
    return counts.get(status);
  }
}
