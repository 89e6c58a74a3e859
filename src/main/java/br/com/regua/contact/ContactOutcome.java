package br.com.regua.contact;

/** What became of a contact attempt. */
public enum ContactOutcome {
  SENT,
  /**
   * Rendered and logged with its payload, but no provider carried it: SMS, WhatsApp and letters
   * have no provider integration yet (the channels issue adds them).
   */
  RECORDED,
  /** Not sent, on purpose; the detail says why (e.g. the debt was paid, or is disputed). */
  SUPPRESSED
}
