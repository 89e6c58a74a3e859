package br.com.regua.payment;

import br.com.regua.api.ConflictException;
import br.com.regua.api.NotFoundException;
import br.com.regua.debt.DebtRepository;
import br.com.regua.money.Money;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payments whose reference named no debt (an unknown txid, a boleto whose nosso número and seu
 * número match nothing): supervisors list them and assign each to the debt it paid, which applies
 * it as the rail would have.
 */
@Service
public class UnidentifiedPayments {

  private final JdbcClient jdbc;
  private final Reconciliation reconciliation;
  private final DebtRepository debts;
  private final TransactionTemplate tx;
  private final Clock clock;

  UnidentifiedPayments(
      JdbcClient jdbc,
      Reconciliation reconciliation,
      DebtRepository debts,
      TransactionTemplate tx,
      Clock clock) {
    this.jdbc = jdbc;
    this.reconciliation = reconciliation;
    this.debts = debts;
    this.tx = tx;
    this.clock = clock;
  }

  /** An unidentified payment, as {@code GET /api/payments/unidentified} lists it. */
  public record Unidentified(
      long id,
      String paymentId,
      String rail,
      String reference,
      String amount,
      Instant paidAt,
      Instant receivedAt,
      Instant resolvedAt,
      String resolvedBy,
      String debtId) {}

  /** The open ones (or the resolved ones), oldest first. */
  public List<Unidentified> list(boolean resolved) {
    return jdbc.sql(
            """
            select * from unidentified_payment
             where (resolved_at is not null) = :resolved
             order by received_at, id limit 1000
            """)
        .param("resolved", resolved)
        .query(UnidentifiedPayments::map)
        .list();
  }

  /** Applies the payment to the debt a supervisor says it paid. */
  public Reconciliation.Result assign(long id, String debtId, String supervisor) {
    return tx.execute(
        status -> {
          Unidentified payment =
              jdbc.sql("select * from unidentified_payment where id = :id for update")
                  .param("id", id)
                  .query(UnidentifiedPayments::map)
                  .optional()
                  .orElseThrow(() -> new NotFoundException("no unidentified payment " + id));
          if (payment.resolvedAt() != null) {
            throw new ConflictException(
                "debtId", "payment " + id + " was already assigned to " + payment.debtId());
          }
          if (debts.find(debtId).isEmpty()) {
            throw NotFoundException.debt(debtId);
          }
          Reconciliation.Result result =
              reconciliation.applyTo(
                  debtId,
                  new Reconciliation.Incoming(
                      payment.paymentId(),
                      payment.rail().equals("BOLETO") ? PaidThrough.BOLETO : PaidThrough.PIX_STATIC,
                      payment.rail(),
                      payment.reference(),
                      payment.rail().equals("PIX") ? payment.paymentId().substring(4) : null,
                      Money.parseCents(payment.amount()),
                      0,
                      payment.paidAt()));
          jdbc.sql(
                  """
                  update unidentified_payment
                     set resolved_at = :now, resolved_by = :by, debt_id = :debtId
                   where id = :id
                  """)
              .param("now", Timestamp.from(clock.instant()))
              .param("by", supervisor)
              .param("debtId", debtId)
              .param("id", id)
              .update();
          return result;
        });
  }

  private static Unidentified map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Unidentified(
        rs.getLong("id"),
        rs.getString("payment_id"),
        rs.getString("rail"),
        rs.getString("reference"),
        Money.toDecimal(rs.getLong("amount_cents")),
        rs.getTimestamp("paid_at").toInstant(),
        rs.getTimestamp("received_at").toInstant(),
        rs.getTimestamp("resolved_at") == null ? null : rs.getTimestamp("resolved_at").toInstant(),
        rs.getString("resolved_by"),
        rs.getString("debt_id"));
  }
}
