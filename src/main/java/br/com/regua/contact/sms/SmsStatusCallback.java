package br.com.regua.contact.sms;

import br.com.regua.consent.Channel;
import br.com.regua.contact.delivery.DeliveryReceipt;
import br.com.regua.contact.delivery.DeliveryStatus;
import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * {@code POST /api/webhooks/sms}: the SMS provider's delivery receipt, in the provider API's shape
 * ({@link SmsChannel}):
 *
 * <pre>{@code
 * {"id": "…", "reference": "INV-1001:D+15:SMS", "status": "delivered",
 *  "timestamp": "2026-12-01T09:00:05-03:00",
 *  "error": {"code": "INVALID_NUMBER", "message": "…"}}
 * }</pre>
 *
 * {@code status} is {@code sent}, {@code delivered} or {@code failed} (any case); {@code error}
 * only for {@code failed}; {@code reference} and {@code timestamp} are optional.
 */
public record SmsStatusCallback(
    @NotBlank @Size(max = 200) String id,
    @Size(max = 300) String reference,
    @NotNull @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) Status status,
    OffsetDateTime timestamp,
    Error error) {

  enum Status {
    SENT,
    DELIVERED,
    FAILED
  }

  record Error(String code, String message) {}

  public DeliveryReceipt toReceipt() {
    return new DeliveryReceipt(
        Channel.SMS,
        id,
        reference,
        DeliveryStatus.valueOf(status.name()),
        timestamp == null ? null : timestamp.toInstant(),
        status == Status.FAILED ? reason() : null);
  }

  private String reason() {
    if (error == null) {
      return "falha informada pelo provedor de SMS";
    }
    return (error.code() == null ? "" : error.code() + ": ")
        + (error.message() == null ? "" : error.message());
  }
}
