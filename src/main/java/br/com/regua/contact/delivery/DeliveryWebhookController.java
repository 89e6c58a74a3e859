package br.com.regua.contact.delivery;

import br.com.regua.api.InvalidFieldException;
import br.com.regua.api.NotFoundException;
import br.com.regua.contact.email.EmailDeliveryEvent;
import br.com.regua.contact.sms.SmsStatusCallback;
import br.com.regua.contact.whatsapp.WhatsAppProperties;
import br.com.regua.contact.whatsapp.WhatsAppWebhook;
import jakarta.validation.Valid;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/webhooks/{sms,whatsapp,email}}: providers' delivery receipts, applied to the
 * contact log by {@link DeliveryReceipts}. Answers {@code 200 {"receipts": [{"messageId", "status",
 * "result": UPDATED | UNCHANGED}]}}, also for a repeat. A receipt for a message we do not know is a
 * {@code 404}: it may be about a message whose send has not committed yet, and providers retry
 * non-2xx webhooks, so it is not lost; the other receipts of the same payload are applied
 * regardless. Bad input is a {@code 400} naming the field.
 */
@RestController
@RequestMapping("/api/webhooks")
public class DeliveryWebhookController {

  record Receipts(List<DeliveryReceipts.Applied> receipts) {}

  private final DeliveryReceipts receipts;
  private final WhatsAppProperties whatsApp;

  DeliveryWebhookController(DeliveryReceipts receipts, WhatsAppProperties whatsApp) {
    this.receipts = receipts;
    this.whatsApp = whatsApp;
  }

  @PostMapping("/sms")
  Receipts sms(@RequestBody @Valid SmsStatusCallback callback) {
    return apply(List.of(callback.toReceipt()));
  }

  @PostMapping("/whatsapp")
  Receipts whatsApp(@RequestBody @Valid WhatsAppWebhook webhook) {
    return apply(webhook.receipts());
  }

  /**
   * Meta's verification of the webhook's URL: it echoes {@code hub.challenge} when {@code
   * hub.verify_token} is our {@code regua.whatsapp.webhook-verify-token}.
   */
  @GetMapping("/whatsapp")
  ResponseEntity<String> verifyWhatsApp(
      @RequestParam("hub.mode") String mode,
      @RequestParam("hub.verify_token") String token,
      @RequestParam("hub.challenge") String challenge) {
    boolean verified =
        "subscribe".equals(mode)
            && !whatsApp.webhookVerifyToken().isEmpty()
            && whatsApp.webhookVerifyToken().equals(token);
    return verified
        ? ResponseEntity.ok(challenge)
        : ResponseEntity.status(HttpStatus.FORBIDDEN).build();
  }

  @PostMapping("/email")
  Receipts email(@RequestBody @Valid EmailDeliveryEvent event) {
    DeliveryReceipt receipt = event.toReceipt();
    if (receipt.messageId() == null && receipt.contactKey() == null) {
      throw new InvalidFieldException("messageId", "messageId or contactKey is required");
    }
    return apply(List.of(receipt));
  }

  private Receipts apply(List<DeliveryReceipt> payload) {
    List<DeliveryReceipts.Applied> applied = payload.stream().map(receipts::apply).toList();
    String unknown =
        applied.stream()
            .filter(a -> a.result() == DeliveryReceipts.Result.UNKNOWN)
            .map(DeliveryReceipts.Applied::messageId)
            .collect(Collectors.joining(", "));
    if (!unknown.isEmpty()) {
      throw new NotFoundException("no message was sent with id " + unknown);
    }
    return new Receipts(applied);
  }
}
