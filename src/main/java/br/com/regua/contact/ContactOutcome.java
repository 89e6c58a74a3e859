package br.com.regua.contact;

/** What became of a contact attempt. */
public enum ContactOutcome {
  SENT,
  /** Not sent, on purpose; the detail says why (e.g. the debt was paid). */
  SUPPRESSED
}
