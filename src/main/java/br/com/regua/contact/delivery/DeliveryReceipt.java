package br.com.regua.contact.delivery;

import br.com.regua.consent.Channel;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A provider's word on one message, whatever the provider's payload looked like.
 *
 * @param channel whose provider sent it: message ids are only unique per provider
 * @param messageId the provider's message id; may be null when {@code contactKey} is given
 * @param contactKey our contact key, echoed by the provider (reference, {@code
 *     biz_opaque_callback_data}, the email's {@code X-Regua-Contact}); may be null
 * @param occurredAt when the provider says it happened; null: when we receive it
 * @param failureReason for {@link DeliveryStatus#FAILED}: why, as the contact log shows it
 */
public record DeliveryReceipt(
    Channel channel,
    String messageId,
    String contactKey,
    DeliveryStatus status,
    Instant occurredAt,
    String failureReason) {

  public DeliveryReceipt {
    // the database keeps microseconds; milliseconds compare equal after a round trip
    occurredAt = occurredAt == null ? null : occurredAt.truncatedTo(ChronoUnit.MILLIS);
    failureReason =
        failureReason == null || failureReason.isBlank()
            ? null
            : failureReason.strip().substring(0, Math.min(failureReason.strip().length(), 500));
  }

  /** How the receipt names its message in answers and errors. */
  String reference() {
    return messageId != null ? messageId : contactKey;
  }
}
