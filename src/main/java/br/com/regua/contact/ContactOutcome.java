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
  /**
   * Not now: a hold stands on the debtor (judicial recovery, over-indebtedness, death, a legal
   * order); the step waits until it is lifted. The detail starts with {@code held:} and names the
   * hold.
   */
  HELD,
  /** Not sent, on purpose; the detail says why (e.g. the debt was paid, or no channel is left). */
  SUPPRESSED,
  /**
   * Not attempted: the step's day had ended when it began (the debt was registered after it, or its
   * journey resumed after it), so it is not sent late, in a burst; the detail names the day.
   */
  SKIPPED,
  /**
   * The provider refused the debtor on this channel (invalid number, bounce); the detail says why.
   */
  FAILED
}
