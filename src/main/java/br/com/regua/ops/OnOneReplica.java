package br.com.regua.ops;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a background duty on one replica at a time: the run holds a PostgreSQL session advisory lock
 * named after the duty, on a connection of its own, and a replica that finds it held skips its run
 * (the holder is doing the work; the next run comes soon). A replica killed mid-run loses its
 * connection, and PostgreSQL releases the lock at once: no lease to expire, unlike a lock row.
 *
 * <p>For duties that call a provider in a loop (the PSP, the credit bureau, a watched folder):
 * their calls are idempotent, but two replicas walking the same list would make each call twice.
 */
@Component
public class OnOneReplica {

  private static final Logger log = LoggerFactory.getLogger(OnOneReplica.class);

  /** The advisory-lock space of the duties: "DUTY", apart from any other lock's keys. */
  static final int DUTIES = 0x44555459;

  private final DataSource dataSource;

  OnOneReplica(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs {@code work} if no other replica runs the duty now; true when it ran. */
  public boolean run(String duty, Runnable work) {
    try (Connection connection = dataSource.getConnection()) {
      if (!call(connection, "select pg_try_advisory_lock(?, ?)", duty)) {
        log.debug("{}: another replica runs it now", duty);
        return false;
      }
      boolean released = false;
      try {
        work.run();
        return true;
      } finally {
        try {
          released = call(connection, "select pg_advisory_unlock(?, ?)", duty);
        } catch (SQLException e) {
          log.warn("{}: the lock was not released: {}", duty, e.getMessage());
        }
        if (!released) {
          discard(connection); // a pooled connection still holding the lock would block the duty
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the lock of " + duty + " failed", e);
    }
  }

  private void discard(Connection connection) throws SQLException {
    if (dataSource.isWrapperFor(HikariDataSource.class)) {
      dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
    } else {
      connection.abort(Runnable::run);
    }
  }

  private static boolean call(Connection connection, String sql, String duty) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setInt(1, DUTIES);
      statement.setInt(2, duty.hashCode());
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }
}
