package br.com.regua.contact.policy;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the contact policy asks before reminding a debtor of an agreement's installment: the debt is
 * {@code RENEGOTIATED} then, so its own status says nothing; the installment says whether anything
 * is owed. Implemented by the agreements.
 */
public interface InstallmentDues {

  /**
   * @param number the installment, of {@code count}
   * @param openCents what is still owed on it
   * @param pix the BR Code that pays it ("Pix copia e cola"), or null without a PIX key
   */
  record Due(
      String agreementId, int number, int count, LocalDate dueDate, long openCents, String pix) {}

  /** The installment while something is owed on it and its agreement is active; else empty. */
  Optional<Due> owed(String agreementId, int number);
}
