package br.com.regua.contact;

/**
 * The provider did not take the message, for a reason that is not the recipient's: it is down, slow
 * or overloaded (5xx, 429, timeouts), or it refused our request (credentials, an unknown template).
 * The job fails, Zeebe retries it, and when the task's retries run out the incident shows this
 * message; nothing is logged as sent, and the contact key keeps the provider from sending twice
 * where it takes an idempotency key.
 */
public class ChannelDeliveryException extends RuntimeException {

  public ChannelDeliveryException(String message) {
    super(message);
  }

  public ChannelDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
