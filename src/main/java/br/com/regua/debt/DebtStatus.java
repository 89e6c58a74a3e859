package br.com.regua.debt;

import java.util.Set;

/** Where a debt stands. The first four are open (its journey runs); the others are ends. */
public enum DebtStatus {
  ACTIVE,
  /** A promise to pay is pending: firm actions wait for its date. */
  PROMISED,
  /** The debtor disputes the debt: everything pauses until it is resolved. */
  DISPUTED,
  /** Reported to the credit bureau and still unpaid. */
  NEGATIVATED,
  PAID,
  RENEGOTIATED,
  CANCELLED,
  HANDED_OFF,
  WRITTEN_OFF;

  private static final Set<DebtStatus> OPEN = Set.of(ACTIVE, PROMISED, DISPUTED, NEGATIVATED);

  public boolean isOpen() {
    return OPEN.contains(this);
  }

  /** Whether the debtor may be contacted about the debt now (never while disputed). */
  public boolean allowsContact() {
    return isOpen() && this != DISPUTED;
  }
}
