package br.com.regua.payment.pix;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The creditor's PSP notifies received Pix at {@code {webhookUrl}/pix} (API Pix 2.9.0, callback
 * {@code listaPix}); with the registered URL {@code …/api/webhooks/pix} that is {@code POST
 * /api/webhooks/pix/pix}. Authenticated by security/WebhookSignatureFilter. A 200 once every Pix is
 * stored and applied; any other answer makes the PSP try again, which changes nothing already done.
 */
@RestController
class PixWebhookController {

  private final PixNotifications notifications;

  PixWebhookController(PixNotifications notifications) {
    this.notifications = notifications;
  }

  record Answer(List<PixNotifications.Applied> pix) {}

  @PostMapping("/api/webhooks/pix/pix")
  Answer notify(@RequestBody JsonNode body) {
    return new Answer(notifications.receive(PixNotification.parse(body), "WEBHOOK"));
  }
}
