package br.com.regua.contact;

import br.com.regua.consent.Channel;

/**
 * The provider refused the message because of its recipient, on this channel, for good: the number
 * is invalid or not on WhatsApp, the debtor blocked us at the carrier, the debtor has no phone.
 * Retrying will not help; another channel may. It carries the reason for the contact log, and is
 * what the contact policy catches to fall back to the strategy's next channel.
 */
public class UndeliverableException extends RuntimeException {

  private final Channel channel;
  private final String reason;

  public UndeliverableException(Channel channel, String reason) {
    super(channel + " undeliverable: " + reason);
    this.channel = channel;
    this.reason = reason;
  }

  public Channel channel() {
    return channel;
  }

  /** The provider's reason, as the contact log and the timeline show it. */
  public String reason() {
    return reason;
  }
}
