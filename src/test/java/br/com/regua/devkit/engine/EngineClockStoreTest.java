package br.com.regua.devkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A move of the dev clock is stored, and a restarted service moves its new engine as far. */
class EngineClockStoreTest extends IntegrationTest {

  @Autowired EngineClockStore store;
  @Autowired JdbcClient jdbc;

  @Test
  void theDevClocksMoveIsStoredAndRestoredAfterARestart() {
    // when the dev clock moves a minute
    advance(Duration.ofMinutes(1));

    // then PostgreSQL knows the engine's lead over the system clock
    assertThat(storedOffset()).isEqualTo(engine.offset().toMillis());

    // and a service starting with an engine behind that (as a fresh in-JVM engine is) catches up:
    // here the stored lead is made two minutes longer than this engine's
    Duration before = engine.offset();
    jdbc.sql("update engine_clock set offset_ms = :offset where id = 1")
        .param("offset", before.plusMinutes(2).toMillis())
        .update();
    store.restore();
    long expected = before.plusMinutes(2).toMillis(); // stored to the millisecond
    assertThat(engine.offset().toMillis()).isEqualTo(expected);

    // and a stored lead the engine already has moves nothing
    store.restore();
    assertThat(engine.offset().toMillis()).isEqualTo(expected);
  }

  @Test
  void aMoveIsStoredBeforeTheEngineMovesSoThatARestartMidMoveCompletesIt() {
    // given the lead a move is about to give the engine, stored before the engine moves (a kill
    // may come before the move is stored after it, while the engine's log already holds what
    // the new time made due)
    Duration before = engine.offset();
    store.saveAhead(Duration.ofMinutes(3));
    assertThat(storedOffset()).isEqualTo(before.plusMinutes(3).toMillis());

    // when the service starts again with its engine still behind
    store.restore();

    // then the engine is moved as far: its clock never goes back before its own records
    assertThat(engine.offset().toMillis()).isEqualTo(before.plusMinutes(3).toMillis());
  }

  private long storedOffset() {
    return jdbc.sql("select offset_ms from engine_clock where id = 1").query(Long.class).single();
  }
}
