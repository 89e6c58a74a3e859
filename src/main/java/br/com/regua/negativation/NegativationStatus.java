package br.com.regua.negativation;

/** Where our report of a debt to the credit bureau stands. */
public enum NegativationStatus {
  /** The bureau holds the debt against the debtor's name. */
  NEGATIVATED,
  /** We asked the bureau to remove it; the removal deadline runs. */
  REMOVAL_REQUESTED,
  /** The bureau confirmed the removal. */
  REMOVED
}
