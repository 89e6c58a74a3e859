package br.com.regua.contact.email;

import br.com.regua.consent.Channel;
import br.com.regua.contact.delivery.DeliveryReceipt;
import br.com.regua.contact.delivery.DeliveryStatus;
import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * {@code POST /api/webhooks/email}: what the email provider learned about a message, in a shape
 * simple enough for any provider's webhook relay (SES, SendGrid, Mailgun):
 *
 * <pre>{@code
 * {"messageId": "<…@regua>", "contactKey": "INV-1001:D+7:EMAIL", "status": "bounced",
 *  "reason": "550 5.1.1 mailbox unavailable", "occurredAt": "2026-12-01T09:00:05-03:00"}
 * }</pre>
 *
 * {@code messageId} (the Message-ID we sent) or {@code contactKey} (our {@code X-Regua-Contact}
 * header) names the message, at least one of them. {@code status}: {@code delivered}, {@code
 * opened} or {@code read} (the same to us), {@code bounced}, {@code failed}, any case.
 */
public record EmailDeliveryEvent(
    @Size(max = 200) String messageId,
    @Size(max = 300) String contactKey,
    @NotNull @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) Status status,
    @Size(max = 500) String reason,
    OffsetDateTime occurredAt) {

  enum Status {
    DELIVERED,
    OPENED,
    READ,
    BOUNCED,
    FAILED
  }

  public DeliveryReceipt toReceipt() {
    DeliveryStatus delivery =
        switch (status) {
          case DELIVERED -> DeliveryStatus.DELIVERED;
          case OPENED, READ -> DeliveryStatus.READ;
          case BOUNCED, FAILED -> DeliveryStatus.FAILED;
        };
    String failure =
        switch (status) {
          case BOUNCED -> "e-mail devolvido (bounce)" + (reason == null ? "" : ": " + reason);
          case FAILED -> reason == null ? "falha informada pelo provedor de e-mail" : reason;
          default -> null;
        };
    return new DeliveryReceipt(
        Channel.EMAIL,
        blankToNull(messageId),
        blankToNull(contactKey),
        delivery,
        occurredAt == null ? null : occurredAt.toInstant(),
        failure);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
