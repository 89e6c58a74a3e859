package br.com.regua.payment;

import br.com.regua.api.ConflictException;
import br.com.regua.api.NotFoundException;
import br.com.regua.charge.pix.Txid;
import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtRepository;
import br.com.regua.money.Money;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Money to give back: an overpayment's excess, or a whole payment to a debt already paid or
 * cancelled (CDC art. 42, sole paragraph). Each is proposed to a supervisor, who approves or
 * rejects it; one per payment. A Pix's refund id is {@code D + endToEndId} (33 characters, the API
 * Pix's {@code DevolucaoId}), ready for {@code PUT /pix/{e2eid}/devolucao/{id}}.
 */
@Service
public class Refunds {

  private final JdbcClient jdbc;
  private final DebtRepository debts;

  Refunds(JdbcClient jdbc, DebtRepository debts) {
    this.jdbc = jdbc;
    this.debts = debts;
  }

  /** A refund as {@code GET /api/refunds} lists it. */
  public record Refund(
      String refundId,
      String paymentId,
      String rail,
      String endToEndId,
      String debtId,
      String amount,
      String reason,
      String status,
      Instant proposedAt,
      Instant decidedAt,
      String decidedBy) {}

  void propose(
      Reconciliation.Incoming payment, String debtId, long cents, String reason, Instant now) {
    String refundId =
        payment.endToEndId() != null
            ? "D" + payment.endToEndId()
            : "R" + Txid.forDebt(payment.paymentId());
    int inserted =
        jdbc.sql(
                """
                insert into refund (refund_id, payment_id, rail, end_to_end_id, debt_id,
                                    amount_cents, reason, status, proposed_at)
                values (:refundId, :paymentId, :rail, :e2e, :debtId, :cents, :reason, 'PROPOSED', :now)
                on conflict (payment_id) do nothing
                """)
            .param("refundId", refundId)
            .param("paymentId", payment.paymentId())
            .param("rail", payment.rail())
            .param("e2e", payment.endToEndId())
            .param("debtId", debtId)
            .param("cents", cents)
            .param("reason", reason)
            .param("now", Timestamp.from(now))
            .update();
    if (inserted == 1) {
      debts.addEvent(
          debtId,
          DebtEventType.REFUND_PROPOSED,
          "Devolução " + refundId + " de " + Money.toReais(cents) + ": " + reason,
          now);
    }
  }

  /** Refunds of a status (PROPOSED, APPROVED, REJECTED), oldest first. */
  public List<Refund> list(String status) {
    return query(
            "select * from refund where status = :key order by proposed_at, refund_id limit 1000",
            status)
        .list();
  }

  private org.springframework.jdbc.core.simple.JdbcClient.MappedQuerySpec<Refund> query(
      String sql, String key) {
    return jdbc.sql(sql)
        .param("key", key)
        .query(
            (rs, n) ->
                new Refund(
                    rs.getString("refund_id"),
                    rs.getString("payment_id"),
                    rs.getString("rail"),
                    rs.getString("end_to_end_id"),
                    rs.getString("debt_id"),
                    Money.toDecimal(rs.getLong("amount_cents")),
                    rs.getString("reason"),
                    rs.getString("status"),
                    rs.getTimestamp("proposed_at").toInstant(),
                    rs.getTimestamp("decided_at") == null
                        ? null
                        : rs.getTimestamp("decided_at").toInstant(),
                    rs.getString("decided_by")));
  }

  /** A supervisor's decision on a proposed refund; the same decision again is a no-op. */
  public Refund decide(String refundId, boolean approve, String supervisor, Instant now) {
    String to = approve ? "APPROVED" : "REJECTED";
    String current =
        jdbc.sql("select status from refund where refund_id = :id for update")
            .param("id", refundId)
            .query(String.class)
            .optional()
            .orElseThrow(() -> new NotFoundException("no refund " + refundId));
    if (current.equals("PROPOSED")) {
      jdbc.sql(
              "update refund set status = :to, decided_at = :now, decided_by = :by"
                  + " where refund_id = :id")
          .param("to", to)
          .param("now", Timestamp.from(now))
          .param("by", supervisor)
          .param("id", refundId)
          .update();
    } else if (!current.equals(to)) {
      throw new ConflictException("approve", "refund " + refundId + " is already " + current);
    }
    return query("select * from refund where refund_id = :key", refundId).single();
  }

  /** A refund approved and not sent yet, for the PSP (Pix only: a boleto's goes by other means). */
  public record ToSend(String refundId, String endToEndId, long amountCents, String reason) {}

  /** Approved Pix refunds not yet sent to the PSP, oldest first. */
  public List<ToSend> approvedPix() {
    return jdbc.sql(
            """
            select refund_id, end_to_end_id, amount_cents, reason from refund
             where status = 'APPROVED' and rail = 'PIX' and end_to_end_id is not null
             order by decided_at, refund_id limit 500
            """)
        .query(
            (rs, n) -> new ToSend(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
        .list();
  }

  /**
   * What the PSP said of a refund: {@code SENT} once asked (EM_PROCESSAMENTO), then its final
   * status from a notification ({@code DEVOLVIDO}, {@code NAO_REALIZADO}). Only forward.
   */
  public void pspSaid(String refundId, String pspStatus, Instant now) {
    String to =
        switch (pspStatus) {
          case "DEVOLVIDO", "NAO_REALIZADO" -> pspStatus;
          default -> "SENT";
        };
    jdbc.sql(
            """
            update refund set status = :to, decided_at = coalesce(decided_at, :now)
             where refund_id = :id
               and (status = 'APPROVED' or (status = 'SENT' and :to <> 'SENT'))
            """)
        .param("to", to)
        .param("now", Timestamp.from(now))
        .param("id", refundId)
        .update();
  }
}
