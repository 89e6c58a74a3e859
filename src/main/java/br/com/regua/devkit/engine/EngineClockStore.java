package br.com.regua.devkit.engine;

import br.com.regua.engine.EngineRecovery;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Embedded mode: the engine clock's lead over the system clock, kept in PostgreSQL. The in-JVM
 * engine starts at the system time, so without it a restart after {@code POST /api/dev/clock} would
 * send every journey back to the real today; with it the restarted engine is moved ahead again
 * before the journeys are rebuilt.
 */
@Component
@ConditionalOnBean(EmbeddedEngine.class)
class EngineClockStore {

  private static final Logger log = LoggerFactory.getLogger(EngineClockStore.class);

  private final EmbeddedEngine engine;
  private final JdbcClient jdbc;
  private final EngineRecovery recovery;

  EngineClockStore(EmbeddedEngine engine, JdbcClient jdbc, EngineRecovery recovery) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.recovery = recovery;
  }

  void save() {
    save(engine.offset());
  }

  /**
   * Stores the lead the engine is about to have, before it moves: a service killed in the middle of
   * a move has an engine log whose records (timers fired, jobs created) may already carry the new
   * time, and a restart that put the clock back before them would run those jobs on the day before.
   * Restoring the stored lead completes the move instead.
   */
  void saveAhead(Duration advance) {
    if (!engine.clockPinned()) {
      save(engine.offset().plus(advance));
    }
  }

  private void save(Duration offset) {
    jdbc.sql(
            """
            insert into engine_clock (id, offset_ms, updated_at) values (1, :offset, :at)
            on conflict (id) do update set offset_ms = excluded.offset_ms,
                                           updated_at = excluded.updated_at
            """)
        .param("offset", offset.toMillis())
        .param("at", Timestamp.from(Instant.now()))
        .update();
  }

  /**
   * Before the journeys are rebuilt (their listener runs after this one); the service is not ready
   * until it has run ({@link EngineRecovery}).
   */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  void restore() {
    Duration stored =
        jdbc.sql("select offset_ms from engine_clock where id = 1")
            .query(Long.class)
            .optional()
            .map(Duration::ofMillis)
            .orElse(Duration.ZERO);
    Duration missing = stored.minus(engine.offset());
    if (missing.isPositive()) {
      engine.advance(missing);
      log.info(
          "Engine clock moved {} ahead again, as before the restart: now {}", stored, engine.now());
    }
    recovery.done(EngineRecovery.Step.ENGINE_CLOCK_RESTORED);
  }
}
