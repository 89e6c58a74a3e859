package br.com.regua.contact.whatsapp;

import br.com.regua.consent.Channel;
import br.com.regua.contact.delivery.DeliveryReceipt;
import br.com.regua.contact.delivery.DeliveryStatus;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /api/webhooks/whatsapp}: a Cloud API webhook, of which we read the message statuses,
 * {@code entry[].changes[].value.statuses[]}:
 *
 * <pre>{@code
 * {"object": "whatsapp_business_account",
 *  "entry": [{"id": "<WABA id>", "changes": [{"field": "messages", "value": {
 *    "messaging_product": "whatsapp", "metadata": {…},
 *    "statuses": [{"id": "wamid.…", "status": "failed", "timestamp": "1764590405",
 *                  "recipient_id": "5511987654321", "biz_opaque_callback_data": "INV-1001:D+3:WHATSAPP",
 *                  "errors": [{"code": 131026, "title": "Message undeliverable", …}]}]}}]}]}
 * }</pre>
 *
 * Changes without statuses (a debtor's reply, a template's review) are accepted and ignored.
 */
public record WhatsAppWebhook(String object, @NotNull @Valid List<Entry> entry) {

  record Entry(String id, @NotNull @Valid List<Change> changes) {}

  record Change(String field, @NotNull @Valid Value value) {}

  record Value(@Valid List<Status> statuses) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Status(
      @NotBlank @Size(max = 200) String id,
      @NotNull @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES)
          DeliveryStatusName status,
      @Pattern(regexp = "\\d{1,12}", message = "must be Unix seconds") String timestamp,
      String recipientId,
      @Size(max = 512) String bizOpaqueCallbackData,
      List<JsonNode> errors) {

    DeliveryReceipt toReceipt() {
      DeliveryStatus delivery = DeliveryStatus.valueOf(status.name());
      return new DeliveryReceipt(
          Channel.WHATSAPP,
          id,
          bizOpaqueCallbackData,
          delivery,
          timestamp == null ? null : Instant.ofEpochSecond(Long.parseLong(timestamp)),
          delivery == DeliveryStatus.FAILED ? reason() : null);
    }

    private String reason() {
      if (errors == null || errors.isEmpty()) {
        return "falha informada pelo WhatsApp";
      }
      JsonNode error = errors.getFirst();
      return WhatsAppChannel.describeError(error.path("code").asInt(-1), error);
    }
  }

  /** The Cloud API's statuses of a business-initiated message. */
  enum DeliveryStatusName {
    SENT,
    DELIVERED,
    READ,
    FAILED
  }

  public List<DeliveryReceipt> receipts() {
    return entry.stream()
        .flatMap(e -> e.changes().stream())
        .filter(change -> change.value().statuses() != null)
        .flatMap(change -> change.value().statuses().stream())
        .map(Status::toReceipt)
        .toList();
  }
}
