package br.com.regua.payment.pix;

import br.com.regua.charge.pix.Txid;
import br.com.regua.payment.AgreementRail;
import br.com.regua.payment.PaidThrough;
import br.com.regua.payment.Reconciliation;
import br.com.regua.payment.Refunds;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Pix the creditor's PSP reports (its webhook, or the catch-up): each is stored first, in a
 * transaction of its own, then applied to the debt its txid names ({@link Reconciliation}), or to
 * the agreement it names ({@link AgreementRail}: an installment paid by Pix). Once per endToEndId:
 * a repeat finds the row and changes nothing; a row stored but not applied (the service stopped in
 * between) is applied by the next report of the same Pix.
 */
@Service
public class PixNotifications {

  private static final Logger log = LoggerFactory.getLogger(PixNotifications.class);

  private final JdbcClient jdbc;
  private final Reconciliation reconciliation;
  private final Refunds refunds;
  private final ObjectProvider<AgreementRail> agreementRail;
  private final TransactionTemplate tx;
  private final Clock clock;

  PixNotifications(
      JdbcClient jdbc,
      Reconciliation reconciliation,
      Refunds refunds,
      ObjectProvider<AgreementRail> agreementRail,
      TransactionTemplate tx,
      Clock clock) {
    this.jdbc = jdbc;
    this.reconciliation = reconciliation;
    this.refunds = refunds;
    this.agreementRail = agreementRail;
    this.tx = tx;
    this.clock = clock;
  }

  /** What became of one Pix of a notification. */
  public record Applied(String endToEndId, String outcome, String debtId) {}

  List<Applied> receive(List<PixNotification> notification, String source) {
    tx.executeWithoutResult(status -> notification.forEach(pix -> store(pix, source)));
    List<Applied> applied = new ArrayList<>();
    for (PixNotification pix : notification) {
      applied.add(apply(pix));
      refundsSettled(pix);
    }
    return applied;
  }

  /**
   * The PSP notifies a Pix again when one of its refunds reaches a final status: the refund we sent
   * (its id) is then DEVOLVIDO or NAO_REALIZADO.
   */
  private void refundsSettled(PixNotification pix) {
    JsonNode devolucoes = pix.body().path("devolucoes");
    for (JsonNode devolucao : devolucoes.isArray() ? devolucoes : List.of(devolucoes)) {
      String status = devolucao.path("status").asText("");
      if (devolucao.path("id").isTextual()
          && (status.equals("DEVOLVIDO") || status.equals("NAO_REALIZADO"))) {
        refunds.pspSaid(devolucao.get("id").asText(), status, clock.instant());
      }
    }
  }

  private void store(PixNotification pix, String source) {
    jdbc.sql(
            """
            insert into pix_received
              (end_to_end_id, txid, amount_cents, charges_cents, paid_at, body, source, received_at)
            values (:e2e, :txid, :cents, :charges, :paidAt, cast(:body as jsonb), :source, :now)
            on conflict (end_to_end_id) do nothing
            """)
        .param("e2e", pix.endToEndId())
        .param("txid", pix.txid())
        .param("cents", pix.cents())
        .param("charges", pix.chargesCents())
        .param("paidAt", Timestamp.from(pix.paidAt()))
        .param("body", pix.body().toString())
        .param("source", source)
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }

  /** Applies the stored Pix, unless it was applied before (or is being applied right now). */
  private Applied apply(PixNotification pix) {
    return tx.execute(
        status -> {
          Optional<String> pending =
              jdbc.sql(
                      """
                      select end_to_end_id from pix_received
                       where end_to_end_id = :e2e and outcome is null
                       for update skip locked
                      """)
                  .param("e2e", pix.endToEndId())
                  .query(String.class)
                  .optional();
          if (pending.isEmpty()) {
            return new Applied(pix.endToEndId(), Reconciliation.Outcome.DUPLICATE.name(), null);
          }
          // the stored Pix is applied, not this report of it: the first one stored wins
          StoredPix stored = stored(pix.endToEndId());
          Optional<String> debtId = debtOf(stored.txid());
          Reconciliation.Incoming incoming =
              new Reconciliation.Incoming(
                  "pix-" + stored.endToEndId(),
                  stored.txid() != null && stored.txid().length() > Txid.STATIC_LENGTH
                      ? PaidThrough.PIX_COBV
                      : PaidThrough.PIX_STATIC,
                  "PIX",
                  stored.txid(),
                  stored.endToEndId(),
                  stored.cents(),
                  stored.chargesCents(),
                  stored.paidAt().toInstant());
          AgreementRail agreements = agreementRail.getIfAvailable();
          Reconciliation.Result result =
              debtId.isEmpty() && agreements != null && stored.txid() != null
                  ? reconciliation
                      .applyToAgreement(agreements, stored.txid(), incoming)
                      .orElseGet(() -> reconciliation.apply(incoming, debtId))
                  : reconciliation.apply(incoming, debtId);
          jdbc.sql(
                  """
                  update pix_received set outcome = :outcome, debt_id = :debtId, applied_at = :now
                   where end_to_end_id = :e2e
                  """)
              .param("outcome", result.outcome().name())
              .param("debtId", result.debtId())
              .param("now", Timestamp.from(clock.instant()))
              .param("e2e", stored.endToEndId())
              .update();
          log.info(
              "Pix {} of txid {}: {} {}",
              stored.endToEndId(),
              stored.txid(),
              result.outcome(),
              result.debtId() == null ? "" : "to debt " + result.debtId());
          return new Applied(stored.endToEndId(), result.outcome().name(), result.debtId());
        });
  }

  private record StoredPix(
      String endToEndId, String txid, long cents, long chargesCents, Timestamp paidAt) {}

  private StoredPix stored(String endToEndId) {
    return jdbc.sql(
            "select end_to_end_id, txid, amount_cents, charges_cents, paid_at from pix_received"
                + " where end_to_end_id = :e2e")
        .param("e2e", endToEndId)
        .query(
            (rs, n) ->
                new StoredPix(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getTimestamp(5)))
        .single();
  }

  /**
   * The debt a txid names: its whole txid (a cobv), its first 25 characters (a static BR Code), or
   * — for BR Codes sent before txids were derived (migration V40) — the last 25 letters and digits
   * of its id, when exactly one debt has them.
   */
  Optional<String> debtOf(String txid) {
    if (txid == null || txid.isBlank()) {
      return Optional.empty();
    }
    Optional<String> derived =
        jdbc.sql(
                """
                select debt_id from debt where pix_txid = :txid
                union all
                select debt_id from debt where left(pix_txid, 25) = :txid
                limit 1
                """)
            .param("txid", txid)
            .query(String.class)
            .optional();
    if (derived.isPresent() || txid.length() > Txid.STATIC_LENGTH) {
      return derived;
    }
    List<String> legacy =
        jdbc.sql(
                """
                select debt_id from debt
                 where right(regexp_replace(debt_id, '[^A-Za-z0-9]', '', 'g'), 25) = :txid
                 limit 2
                """)
            .param("txid", txid)
            .query(String.class)
            .list();
    return legacy.size() == 1 ? Optional.of(legacy.get(0)) : Optional.empty();
  }
}
