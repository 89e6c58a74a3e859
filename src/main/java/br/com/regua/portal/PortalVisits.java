package br.com.regua.portal;

import br.com.regua.engagement.EngagementService;
import br.com.regua.engagement.PortalVisitRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the journey of each portal visit, as the API's {@code POST /api/events/portal-visits} does:
 * the journey branches once on the event (downloaded the boleto or started a renegotiation, or a
 * discount incentive four hours later). So a visit is reported once per debt: at once when the
 * debtor downloads the boleto or starts a renegotiation, or, without either, once the visit has
 * been quiet for {@link #QUIET}.
 */
@Service
public class PortalVisits {

  static final Duration QUIET = Duration.ofMinutes(10);
  private static final Logger log = LoggerFactory.getLogger(PortalVisits.class);

  private final JdbcClient jdbc;
  private final EngagementService engagement;
  private final TransactionTemplate tx;
  private final Clock clock;

  PortalVisits(JdbcClient jdbc, EngagementService engagement, TransactionTemplate tx, Clock clock) {
    this.jdbc = jdbc;
    this.engagement = engagement;
    this.tx = tx;
    this.clock = clock;
  }

  /** A visit begins (the identity confirmed) over the debtor's open debts. */
  public void start(String visitId, List<String> debtIds) {
    Timestamp now = Timestamp.from(clock.instant());
    for (String debtId : debtIds) {
      jdbc.sql(
              """
              insert into portal_visit (visit_id, debt_id, started_at, last_seen_at)
              values (:visit, :debt, :now, :now) on conflict do nothing
              """)
          .param("visit", visitId)
          .param("debt", debtId)
          .param("now", now)
          .update();
    }
  }

  /** The debtor is still there: a page seen, an action taken. */
  public void seen(String visitId) {
    jdbc.sql("update portal_visit set last_seen_at = :now where visit_id = :visit")
        .param("visit", visitId)
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }

  public void boletoDownloaded(String visitId, String debtId) {
    mark(visitId, debtId, "downloaded_boleto");
  }

  public void renegotiationStarted(String visitId, String debtId) {
    mark(visitId, debtId, "started_renegotiation");
  }

  private void mark(String visitId, String debtId, String column) {
    jdbc.sql(
            "update portal_visit set "
                + column
                + " = true, last_seen_at = :now where visit_id = :visit and debt_id = :debt")
        .param("visit", visitId)
        .param("debt", debtId)
        .param("now", Timestamp.from(clock.instant()))
        .update();
    report(visitId, debtId);
  }

  /** Reports the visits quiet for {@link #QUIET}; the engine clock decides what quiet means. */
  // Every replica runs it, safely: a visit is claimed by the update that marks it reported (where
  // not reported, returning the row), in the transaction that stores its event; a replica whose
  // update finds it reported already skips it, and the event id is the visit's and debt's.
  @Scheduled(fixedDelayString = "${regua.portal.visit-report-interval:30s}")
  public void reportQuietVisits() {
    Instant before = clock.instant().minus(QUIET);
    List<String[]> quiet =
        jdbc.sql(
                "select visit_id, debt_id from portal_visit"
                    + " where not reported and last_seen_at < :before limit 500")
            .param("before", Timestamp.from(before))
            .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
            .list();
    for (String[] visit : quiet) {
      try {
        report(visit[0], visit[1]);
      } catch (RuntimeException e) {
        log.warn("portal visit {} not reported yet: {}", visit[0], e.toString());
      }
    }
  }

  /** Marks the visit reported and stores the event (its outbox message) in one transaction. */
  private void report(String visitId, String debtId) {
    tx.executeWithoutResult(status -> reportInTransaction(visitId, debtId));
  }

  private void reportInTransaction(String visitId, String debtId) {
    record Row(Instant startedAt, boolean boleto, boolean renegotiation) {}
    Row row =
        jdbc.sql(
                """
                update portal_visit set reported = true
                 where visit_id = :visit and debt_id = :debt and not reported
                returning started_at, downloaded_boleto, started_renegotiation
                """)
            .param("visit", visitId)
            .param("debt", debtId)
            .query(
                (rs, n) ->
                    new Row(rs.getTimestamp(1).toInstant(), rs.getBoolean(2), rs.getBoolean(3)))
            .optional()
            .orElse(null);
    if (row == null) {
      return;
    }
    engagement.portalVisited(
        new PortalVisitRequest(
            eventId(visitId, debtId),
            debtId,
            OffsetDateTime.ofInstant(row.startedAt(), clock.getZone()),
            row.boleto(),
            row.renegotiation()));
  }

  /** One event per visit and debt, within the API's 64 characters whatever the debt id. */
  static String eventId(String visitId, String debtId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(debtId.getBytes(StandardCharsets.UTF_8));
      return "portal-" + visitId + "-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
