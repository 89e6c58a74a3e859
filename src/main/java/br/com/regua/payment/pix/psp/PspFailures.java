package br.com.regua.payment.pix.psp;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Retries and incidents for what the PSP jobs send ({@code psp_failure}), as the engine gives them
 * to the other providers' jobs (see {@code negativation/CreditBureauRetryPolicy}):
 *
 * <ul>
 *   <li>The PSP <b>failed</b> (5xx, 408/409/425/429, no answer): the item waits out the next of
 *       {@code regua.pix.psp.retry-backoff} (1 min, 5 min, 30 min, 2 h, 6 h) before it is tried
 *       again, and the run stops there, since the next call would most likely fail too (the
 *       circuit: one failing call a run while the PSP is down). Past the last wait, an incident.
 *   <li>The PSP <b>refused</b> (another 4xx): an incident at once, with the PSP's reason; the same
 *       request would be refused again. Someone corrects the data, then retries it ({@code POST
 *       /api/psp-incidents/{operation}/{reference}/retry}).
 * </ul>
 *
 * An item waiting or in incident is left out of its job's next runs, so it neither holds back the
 * others (the jobs read 500 at a time) nor logs its error every few seconds. Time is the wall
 * clock's: the PSP's outages are real ones, whatever the engine's clock says.
 */
@Component
public class PspFailures implements MeterBinder {

  /** What a PSP job sends; {@code reference} names the item within it. */
  public enum Operation {
    /** {@code PUT}/{@code PATCH /cobv/{txid}} of a debt; reference: the debt id. */
    COBV,
    /** {@code PATCH /cobv/{txid}} removing it; reference: the txid. */
    COBV_REMOVAL,
    /** {@code PUT /pix/{e2eid}/devolucao/{id}}; reference: the refund id. */
    REFUND
  }

  /** An item that failed; {@code nextAttemptAt} null: an incident. */
  public record Failure(
      Operation operation,
      String reference,
      String debtId,
      int attempts,
      String lastError,
      Instant firstFailedAt,
      Instant lastFailedAt,
      Instant nextAttemptAt) {

    public boolean incident() {
      return nextAttemptAt == null;
    }
  }

  private static final Logger log = LoggerFactory.getLogger(PspFailures.class);

  private final JdbcClient jdbc;
  private final List<Duration> backoff;

  PspFailures(
      JdbcClient jdbc,
      @Value("${regua.pix.psp.retry-backoff:1m,5m,30m,2h,6h}") List<Duration> backoff) {
    if (backoff.isEmpty()) {
      throw new IllegalArgumentException("regua.pix.psp.retry-backoff lists at least one wait");
    }
    this.jdbc = jdbc;
    this.backoff = List.copyOf(backoff);
  }

  /**
   * Records a failure of the item; the item's incident when it became one.
   *
   * @param refused the PSP answered "no" (a 4xx that is not "try later"), not "not now"
   */
  public Failure failed(
      Operation operation,
      String reference,
      String debtId,
      String error,
      boolean refused,
      Instant now) {
    int attempts = 1 + attempts(operation, reference);
    Instant next =
        refused || attempts > backoff.size() ? null : now.plus(backoff.get(attempts - 1));
    jdbc.sql(
            """
            insert into psp_failure (operation, reference, debt_id, attempts, last_error,
                                     first_failed_at, last_failed_at, next_attempt_at)
            values (:operation, :reference, :debtId, :attempts, :error, :now, :now, :next)
            on conflict (operation, reference) do update
               set attempts = excluded.attempts, last_error = excluded.last_error,
                   last_failed_at = excluded.last_failed_at,
                   next_attempt_at = excluded.next_attempt_at,
                   debt_id = coalesce(excluded.debt_id, psp_failure.debt_id)
            """)
        .param("operation", operation.name())
        .param("reference", reference)
        .param("debtId", debtId)
        .param("attempts", attempts)
        .param("error", error)
        .param("now", Timestamp.from(now))
        .param("next", next == null ? null : Timestamp.from(next))
        .update();
    if (next == null) {
      log.error(
          "PSP incident: {} {} (debt {}) {} after {} attempt(s): {}; retry it with POST"
              + " /api/psp-incidents/{}/{}/retry once the cause is dealt with",
          operation,
          reference,
          debtId,
          refused ? "refused" : "still failing",
          attempts,
          error,
          operation,
          reference);
    } else {
      log.warn(
          "PSP failed {} {} (attempt {}): {}; next attempt at {}",
          operation,
          reference,
          attempts,
          error,
          next);
    }
    return new Failure(operation, reference, debtId, attempts, error, now, now, next);
  }

  /** The item went through: whatever it failed before is forgotten. */
  public void succeeded(Operation operation, String reference) {
    jdbc.sql("delete from psp_failure where operation = :operation and reference = :reference")
        .param("operation", operation.name())
        .param("reference", reference)
        .update();
  }

  /** The references of the operation not to try now: waiting out a backoff, or incidents. */
  public Set<String> held(Operation operation, Instant now) {
    return new HashSet<>(
        jdbc.sql(
                """
                select reference from psp_failure
                 where operation = :operation
                   and (next_attempt_at is null or next_attempt_at > :now)
                """)
            .param("operation", operation.name())
            .param("now", Timestamp.from(now))
            .query(String.class)
            .list());
  }

  /** The references of the operation with a failure on record, due again or not. */
  public Set<String> recorded(Operation operation) {
    return new HashSet<>(
        jdbc.sql("select reference from psp_failure where operation = :operation")
            .param("operation", operation.name())
            .query(String.class)
            .list());
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("regua.psp.incidents", this, PspFailures::countIncidents)
        .description("PSP requests given up on until a supervisor retries them")
        .register(registry);
  }

  private long countIncidents() {
    return jdbc.sql("select count(*) from psp_failure where next_attempt_at is null")
        .query(Long.class)
        .single();
  }

  /** The incidents, oldest first. */
  public List<Failure> incidents() {
    return jdbc.sql(
            """
            select operation, reference, debt_id, attempts, last_error, first_failed_at,
                   last_failed_at, next_attempt_at
              from psp_failure where next_attempt_at is null
             order by first_failed_at, operation, reference
            """)
        .query(
            (rs, n) ->
                new Failure(
                    Operation.valueOf(rs.getString("operation")),
                    rs.getString("reference"),
                    rs.getString("debt_id"),
                    rs.getInt("attempts"),
                    rs.getString("last_error"),
                    rs.getTimestamp("first_failed_at").toInstant(),
                    rs.getTimestamp("last_failed_at").toInstant(),
                    null))
        .list();
  }

  /**
   * Sends an incident's item back to its job, which tries it at its next run; its attempts start
   * over. False when there is no such incident (never failed, already retried, or only waiting).
   */
  public boolean retry(Operation operation, String reference) {
    return jdbc.sql(
                """
                delete from psp_failure
                 where operation = :operation and reference = :reference
                   and next_attempt_at is null
                """)
            .param("operation", operation.name())
            .param("reference", reference)
            .update()
        > 0;
  }

  private int attempts(Operation operation, String reference) {
    return jdbc.sql(
            "select attempts from psp_failure where operation = :operation and reference = :ref")
        .param("operation", operation.name())
        .param("ref", reference)
        .query(Integer.class)
        .optional()
        .orElse(0);
  }
}
