package br.com.regua.charge.pix;

import java.util.Optional;

/**
 * The charges with due date (cobv) the creditor's PSP holds for debts, when a PSP is configured:
 * the debtor then pays the PSP's copy-and-paste ({@code pixCopiaECola}) instead of the static BR
 * Code built here. Implemented where the PSP's answers are kept (payment/pix/psp).
 */
public interface PspCharges {

  /** The PSP's copy-and-paste of the debt's active cobv, if it charges exactly the balance. */
  Optional<String> copyAndPaste(String debtId, long openBalanceCents);
}
