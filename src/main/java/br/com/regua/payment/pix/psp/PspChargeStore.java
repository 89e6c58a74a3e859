package br.com.regua.payment.pix.psp;

import br.com.regua.charge.pix.PspCharges;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The PSP's last answer about each debt's cobv ({@code pix_charge}). */
@Component
class PspChargeStore implements PspCharges {

  private final JdbcClient jdbc;

  PspChargeStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<String> copyAndPaste(String debtId, long openBalanceCents) {
    return jdbc.sql(
            """
            select pix_copia_e_cola from pix_charge
             where debt_id = :debtId and status = 'ATIVA' and amount_cents = :cents
               and pix_copia_e_cola is not null
            """)
        .param("debtId", debtId)
        .param("cents", openBalanceCents)
        .query(String.class)
        .optional();
  }

  /** Keeps what the PSP answered for the debt's cobv, charging {@code amountCents}. */
  void record(String debtId, PspClient.Cobv cobv, String txid, long amountCents, Instant now) {
    jdbc.sql(
            """
            insert into pix_charge (txid, debt_id, amount_cents, status, pix_copia_e_cola,
                                    revision, updated_at)
            values (:txid, :debtId, :cents, :status, :copy, :revision, :now)
            on conflict (txid) do update
               set amount_cents = excluded.amount_cents, status = excluded.status,
                   pix_copia_e_cola = coalesce(excluded.pix_copia_e_cola, pix_charge.pix_copia_e_cola),
                   revision = excluded.revision, updated_at = excluded.updated_at
            """)
        .param("txid", txid)
        .param("debtId", debtId)
        .param("cents", amountCents)
        .param("status", cobv.status().isEmpty() ? "ATIVA" : cobv.status())
        .param("copy", cobv.pixCopiaECola())
        .param("revision", cobv.revision())
        .param("now", Timestamp.from(now))
        .update();
  }

  /** The cobv was removed at the PSP. */
  void removed(String txid, Instant now) {
    jdbc.sql(
            "update pix_charge set status = 'REMOVIDA_PELO_USUARIO_RECEBEDOR', updated_at = :now"
                + " where txid = :txid")
        .param("txid", txid)
        .param("now", Timestamp.from(now))
        .update();
  }
}
