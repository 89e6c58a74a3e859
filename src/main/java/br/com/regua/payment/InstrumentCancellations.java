package br.com.regua.payment;

import br.com.regua.charge.pix.Txid;
import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtRepository;
import br.com.regua.payment.pix.psp.PspProperties;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Once a debt is paid, by any rail, its other instruments must stop charging (CDC art. 42, sole
 * paragraph: a debtor charged twice may claim double): the boleto's write-off instruction for the
 * bank and the removal of the cobv at the PSP are recorded here, in the payment's transaction, once
 * per debt and instrument, for whoever carries them out ({@code GET
 * /api/instrument-cancellations}).
 */
@Service
public class InstrumentCancellations {

  static final String BOLETO_WRITE_OFF =
      "CNAB 240 remessa: segmento P, código de movimento 02 (pedido de baixa)";
  static final String COBV_REMOVAL = "PATCH /cobv/{txid} status REMOVIDA_PELO_USUARIO_RECEBEDOR";

  private final JdbcClient jdbc;
  private final DebtRepository debts;
  private final boolean pspConfigured;

  InstrumentCancellations(JdbcClient jdbc, DebtRepository debts, PspProperties psp) {
    this.jdbc = jdbc;
    this.debts = debts;
    this.pspConfigured = psp.enabled();
  }

  /** A cancellation to carry out, as {@code GET /api/instrument-cancellations} lists it. */
  public record Cancellation(
      long id,
      String debtId,
      String instrument,
      String reference,
      String instruction,
      String paidBy,
      String status,
      Instant createdAt) {}

  /**
   * Records the cancellations of the debt just paid. The boleto's, when it has one and was not the
   * instrument paid; the cobv's, when the payment did not conclude it and the debt has one at the
   * PSP, or may have (a PSP is configured: its sync may be creating it right now). Without a PSP
   * there is no cobv, and nothing to remove.
   */
  void recordFor(Debt debt, PaidThrough through, String paymentId, Instant now) {
    List<String> recorded = new ArrayList<>();
    if (debt.boleto() != null && through != PaidThrough.BOLETO) {
      if (insert(
          debt.debtId(), "BOLETO", debt.boleto().barcode(), BOLETO_WRITE_OFF, paymentId, now)) {
        recorded.add("boleto: " + BOLETO_WRITE_OFF);
      }
    }
    if (through != PaidThrough.PIX_COBV && (pspConfigured || hasActiveCobv(debt.debtId()))) {
      String txid = Txid.forDebt(debt.debtId());
      if (insert(debt.debtId(), "COBV", txid, COBV_REMOVAL, paymentId, now)) {
        recorded.add("cobv " + txid + ": " + COBV_REMOVAL);
      }
    }
    if (!recorded.isEmpty()) {
      debts.addEvent(
          debt.debtId(),
          DebtEventType.INSTRUMENTS_CANCELLATION_RECORDED,
          String.join("; ", recorded),
          now);
    }
  }

  private boolean hasActiveCobv(String debtId) {
    return jdbc.sql("select count(*) from pix_charge where debt_id = :debtId and status = 'ATIVA'")
            .param("debtId", debtId)
            .query(Long.class)
            .single()
        > 0;
  }

  private boolean insert(
      String debtId,
      String instrument,
      String reference,
      String instruction,
      String paymentId,
      Instant now) {
    return jdbc.sql(
                """
                insert into instrument_cancellation
                  (debt_id, instrument, reference, instruction, paid_by, status, created_at)
                values (:debtId, :instrument, :reference, :instruction, :paidBy, 'PENDING', :now)
                on conflict (debt_id, instrument) do nothing
                """)
            .param("debtId", debtId)
            .param("instrument", instrument)
            .param("reference", reference)
            .param("instruction", instruction)
            .param("paidBy", paymentId)
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  /** The cancellations of a status (PENDING, DONE), oldest first; of one debt when given. */
  public List<Cancellation> list(String status, String debtId) {
    return jdbc.sql(
            """
            select id, debt_id, instrument, reference, instruction, paid_by, status, created_at
              from instrument_cancellation
             where status = :status and (cast(:debtId as text) is null or debt_id = :debtId)
             order by created_at, id
             limit 1000
            """)
        .param("status", status)
        .param("debtId", debtId)
        .query(
            (rs, n) ->
                new Cancellation(
                    rs.getLong("id"),
                    rs.getString("debt_id"),
                    rs.getString("instrument"),
                    rs.getString("reference"),
                    rs.getString("instruction"),
                    rs.getString("paid_by"),
                    rs.getString("status"),
                    rs.getTimestamp("created_at").toInstant()))
        .list();
  }

  /** Marks a cancellation carried out; false when there is none with that id pending. */
  public boolean markDone(long id, Instant now) {
    return jdbc.sql(
                "update instrument_cancellation set status = 'DONE', done_at = :now"
                    + " where id = :id and status = 'PENDING'")
            .param("id", id)
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  /** The bank or PSP confirmed the instrument cancelled (a boleto's baixa in a return file). */
  public void confirm(String debtId, String instrument, Instant now) {
    jdbc.sql(
            """
            update instrument_cancellation set status = 'DONE', done_at = :now
             where debt_id = :debtId and instrument = :instrument and status = 'PENDING'
            """)
        .param("debtId", debtId)
        .param("instrument", instrument)
        .param("now", Timestamp.from(now))
        .update();
  }
}
