package br.com.regua.devkit.providers;

import br.com.regua.devkit.engine.EmbeddedEngine;
import br.com.regua.devkit.providers.DevProviderRecords.Provider;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The WhatsApp Cloud API for the local run: in embedded mode the default {@code
 * regua.whatsapp.base-url} points here, and the service answers {@code POST
 * /{version}/{phoneNumberId}/messages} itself, keeping each template message in PostgreSQL ({@link
 * DevProviderRecords}, so they outlive a restart) for a person to read at {@code GET
 * /api/dev/whatsapp?to=} (the approved template's name and its parameters, in order). Like the real
 * API it answers a template message with a {@code wamid} and refuses anything else with a Graph API
 * error. Tests use WireMock instead.
 */
@RestController
@RequestMapping("/api/dev/whatsapp")
@ConditionalOnBean(EmbeddedEngine.class)
@ConditionalOnProperty(name = "regua.dev-messaging.enabled", havingValue = "true")
class DevWhatsAppProvider {

  /** One template message as it reached the debtor. */
  record TemplateMessage(
      String id,
      String to,
      String template,
      String language,
      List<String> parameters,
      String reference,
      Instant receivedAt) {}

  private final Clock clock;
  private final DevProviderRecords records;

  DevWhatsAppProvider(Clock clock, DevProviderRecords records) {
    this.clock = clock;
    this.records = records;
  }

  @PostMapping("/{version}/{phoneNumberId}/messages")
  ResponseEntity<Map<String, Object>> send(
      @PathVariable String version,
      @PathVariable String phoneNumberId,
      @RequestBody JsonNode message) {
    JsonNode template = message.path("template");
    if (!"whatsapp".equals(message.path("messaging_product").asText())
        || !"template".equals(message.path("type").asText())
        || message.path("to").asText().isEmpty()
        || template.path("name").asText().isEmpty()) {
      return ResponseEntity.badRequest()
          .body(
              Map.of(
                  "error",
                  Map.of(
                      "message",
                      "(#100) Invalid parameter: the development provider takes template messages"
                          + " only",
                      "type",
                      "OAuthException",
                      "code",
                      100)));
    }
    List<String> parameters = new ArrayList<>();
    for (JsonNode component : template.path("components")) {
      component.path("parameters").forEach(p -> parameters.add(p.path("text").asText()));
    }
    String to = message.path("to").asText();
    Instant now = clock.instant();
    TemplateMessage sent =
        records
            .keep(
                Provider.WHATSAPP,
                null, // the Cloud API has no idempotency key
                to,
                now,
                TemplateMessage.class,
                id ->
                    new TemplateMessage(
                        id,
                        to,
                        template.path("name").asText(),
                        template.path("language").path("code").asText(),
                        List.copyOf(parameters),
                        message.path("biz_opaque_callback_data").asText(null),
                        now))
            .record();
    return ResponseEntity.ok(
        Map.of(
            "messaging_product", "whatsapp",
            "contacts", List.of(Map.of("input", to, "wa_id", to)),
            "messages", List.of(Map.of("id", sent.id()))));
  }

  /** What was sent, optionally to one number (its digits). */
  @GetMapping
  List<TemplateMessage> messages(@RequestParam(required = false) String to) {
    return records.list(
        Provider.WHATSAPP, to == null ? null : to.replaceAll("\\D", ""), TemplateMessage.class);
  }
}
