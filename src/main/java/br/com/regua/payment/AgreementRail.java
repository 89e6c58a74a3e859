package br.com.regua.payment;

import java.util.Optional;

/**
 * Where a rail's payment goes when its reference names an agreement rather than a debt: the Pix a
 * debtor paid for an installment (its BR Code carries the agreement's txid, {@code
 * charge/pix/Txid#forAgreement}). Implemented by the agreements, which sit above payments; {@link
 * Reconciliation#applyToAgreement} does the rest (refunds, the unidentified queue).
 */
public interface AgreementRail {

  /**
   * What an agreement made of a payment.
   *
   * @param debtId the agreement's first debt: where a refund proposal and the timeline go
   * @param duplicate the agreement had this payment already: nothing changed
   * @param refused the agreement takes no payment any more (fulfilled, broken): nothing applied
   * @param excessCents what exceeded what was still owed, not applied
   */
  record Taken(
      String agreementId, String debtId, boolean duplicate, boolean refused, long excessCents) {}

  /**
   * Applies the payment to the agreement the txid names, in the caller's transaction, to its
   * installments in order, up to what is still owed.
   *
   * @return what it made of it; empty when the txid names no agreement
   */
  Optional<Taken> take(String txid, Reconciliation.Incoming payment);
}
