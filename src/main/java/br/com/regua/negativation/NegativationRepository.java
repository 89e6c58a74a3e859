package br.com.regua.negativation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Negativations in PostgreSQL, one row per debt. Callers hold the debt's row lock; the updates are
 * conditional on the current status all the same, and tell whether they changed the row.
 */
@Repository
class NegativationRepository {

  private final JdbcClient jdbc;

  NegativationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Negativation> find(String debtId) {
    return jdbc.sql(
            """
            select debt_id, protocol, status, negativated_at, removal_requested_at,
                   removal_deadline, removed_at
              from negativation where debt_id = :debtId
            """)
        .param("debtId", debtId)
        .query(NegativationRepository::map)
        .optional();
  }

  /**
   * Debts still negativated though settled (paid or cancelled) before {@code before}: the ones no
   * journey is left to remove, such as a debt paid after its hand-off at D+60.
   */
  List<String> settledButNegativated(Instant before, int limit) {
    return jdbc.sql(
            """
            select n.debt_id from negativation n join debt d on d.debt_id = n.debt_id
             where n.status = 'NEGATIVATED' and d.status in ('PAID', 'CANCELLED')
               and d.updated_at < :before
             order by d.updated_at limit :limit
            """)
        .param("before", Timestamp.from(before))
        .param("limit", limit)
        .query(String.class)
        .list();
  }

  /** Removals requested before {@code before} that the bureau has not confirmed yet. */
  List<String> removalsUnconfirmed(Instant before, int limit) {
    return jdbc.sql(
            """
            select debt_id from negativation
             where status = 'REMOVAL_REQUESTED' and removal_requested_at < :before
             order by removal_requested_at limit :limit
            """)
        .param("before", Timestamp.from(before))
        .param("limit", limit)
        .query(String.class)
        .list();
  }

  /** Stores a new negativation; the caller holds the debt's row lock and found none. */
  void insert(String debtId, String protocol, Instant negativatedAt) {
    jdbc.sql(
            """
            insert into negativation (debt_id, protocol, status, negativated_at)
            values (:debtId, :protocol, 'NEGATIVATED', :at)
            """)
        .param("debtId", debtId)
        .param("protocol", protocol)
        .param("at", Timestamp.from(negativatedAt))
        .update();
  }

  /** NEGATIVATED to REMOVAL_REQUESTED; tells whether this call made the change. */
  boolean markRemovalRequested(String debtId, Instant requestedAt, LocalDate deadline) {
    return jdbc.sql(
                """
                update negativation
                   set status = 'REMOVAL_REQUESTED', removal_requested_at = :at,
                       removal_deadline = :deadline
                 where debt_id = :debtId and status = 'NEGATIVATED'
                """)
            .param("at", Timestamp.from(requestedAt))
            .param("deadline", deadline)
            .param("debtId", debtId)
            .update()
        == 1;
  }

  /** Any other status to REMOVED; tells whether this call made the change. */
  boolean markRemoved(String debtId, Instant removedAt) {
    return jdbc.sql(
                """
                update negativation set status = 'REMOVED', removed_at = :at
                 where debt_id = :debtId and status <> 'REMOVED'
                """)
            .param("at", Timestamp.from(removedAt))
            .param("debtId", debtId)
            .update()
        == 1;
  }

  private static Negativation map(ResultSet rs, int row) throws SQLException {
    return new Negativation(
        rs.getString("debt_id"),
        rs.getString("protocol"),
        NegativationStatus.valueOf(rs.getString("status")),
        rs.getTimestamp("negativated_at").toInstant(),
        instant(rs.getTimestamp("removal_requested_at")),
        rs.getObject("removal_deadline", LocalDate.class),
        instant(rs.getTimestamp("removed_at")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
