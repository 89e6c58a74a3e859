package br.com.regua.agreement;

import br.com.regua.payment.AgreementRail;
import br.com.regua.payment.Reconciliation;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An installment paid by Pix: the BR Code the debtor pays (the portal, the installment's reminders)
 * carries the agreement's txid ({@code charge/pix/Txid#forAgreement}), by which the PSP's
 * notification finds the agreement here, whole (a cobv's) or its first 25 characters (a static BR
 * Code's).
 */
@Component
class AgreementPix implements AgreementRail {

  private final JdbcClient jdbc;
  private final AgreementPayments payments;

  AgreementPix(JdbcClient jdbc, AgreementPayments payments) {
    this.jdbc = jdbc;
    this.payments = payments;
  }

  @Override
  public Optional<Taken> take(String txid, Reconciliation.Incoming payment) {
    return agreementOf(txid).map(agreementId -> payments.takeFromRail(agreementId, payment));
  }

  private Optional<String> agreementOf(String txid) {
    return jdbc.sql(
            """
            select agreement_id from agreement where pix_txid = :txid
            union all
            select agreement_id from agreement where left(pix_txid, 25) = :txid
            limit 1
            """)
        .param("txid", txid)
        .query(String.class)
        .optional();
  }
}
