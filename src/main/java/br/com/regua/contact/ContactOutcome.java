package br.com.regua.contact;

/** What became of a contact attempt. */
public enum ContactOutcome {
  SENT,
  /**
   * Rendered and logged with its payload, but no provider carried it: the channel has no sender
   * (letters; SMS or WhatsApp whose provider is not configured).
   */
  RECORDED,
  /** Not now: outside the debtor's contact hours or over the daily limit; the detail says until. */
  POSTPONED,
  /** Not sent, on purpose; the detail says why (e.g. the debt was paid, or no channel is left). */
  SUPPRESSED,
  /**
   * The provider refused the debtor on this channel (invalid number, bounce); the detail says why.
   */
  FAILED
}
