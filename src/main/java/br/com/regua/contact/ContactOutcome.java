package br.com.regua.contact;

/** What became of a contact attempt. */
public enum ContactOutcome {
  SENT,
  /**
   * Rendered and logged with its payload, but no provider carried it: the channel has no sender
   * (letters; SMS or WhatsApp whose provider is not configured).
   */
  RECORDED,
  /** Not sent, on purpose; the detail says why (e.g. the debt was paid, or is disputed). */
  SUPPRESSED
}
