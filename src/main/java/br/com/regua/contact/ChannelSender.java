package br.com.regua.contact;

import br.com.regua.consent.Channel;
import br.com.regua.debt.Debt;
import java.util.Map;

/**
 * One way of reaching a debtor through a provider (SMTP, an SMS API, the WhatsApp Cloud API, a
 * print-and-post service). {@link ContactService} decides whether and when to contact; a sender
 * only delivers. A failure throws: the job retries and, when retries run out, becomes an incident,
 * and nothing is logged as sent.
 */
public interface ChannelSender {

  Channel channel();

  /**
   * Delivers the template to the debtor. {@code values} are extra template values from the journey
   * (e.g. {@code dataLimite}); {@code contactKey} identifies the contact uniquely and is sent as
   * the provider's idempotency key where the provider has one, so a retried job never sends twice.
   */
  Delivery send(Debt debt, String template, Map<String, ?> values, String contactKey);

  /**
   * Whether the provider deduplicates by the contact key (an {@code Idempotency-Key}), so sending
   * again after a crash cannot reach the debtor twice. Otherwise {@link SendIntents} keeps a
   * message that may have gone out from being sent again.
   */
  default boolean deduplicatesByKey() {
    return false;
  }

  /**
   * What the contact log keeps of a delivery: the provider's message id (delivery receipts refer to
   * it; null when the provider has none) and the message as sent.
   */
  record Delivery(String providerMessageId, String payload) {}
}
