package br.com.regua.devkit.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import br.com.regua.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The local run's SMS gateway and Cloud API answer the APIs the channels speak, and show it. */
class DevMessagingProvidersTest extends IntegrationTest {

  @Autowired Clock clock;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;

  @Test
  void theSmsGatewayKeepsOneMessagePerIdempotencyKey() {
    Map<String, Object> sms =
        Map.of("to", "+5521900000001", "from", "REGUA", "text", "Olá", "reference", "dev-sms-1");

    ResponseEntity<JsonNode> created = post("/api/dev/sms/v1/messages", "dev-sms-1", sms);
    ResponseEntity<JsonNode> again = post("/api/dev/sms/v1/messages", "dev-sms-1", sms);

    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getBody().get("id")).isEqualTo(created.getBody().get("id"));
    JsonNode inbox = http.getForEntity("/api/dev/sms?to=+5521900000001", JsonNode.class).getBody();
    assertThat(inbox).hasSize(1);
    assertThat(inbox.get(0).get("text").asText()).isEqualTo("Olá");
  }

  @Test
  void theCloudApiTakesTemplateMessagesOnly() {
    String template =
        """
        {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "5521900000002",
         "type": "template", "template": {"name": "cobranca_link_negociacao",
           "language": {"code": "pt_BR"},
           "components": [{"type": "body", "parameters": [{"type": "text", "text": "Maria"}]}]}}
        """;

    ResponseEntity<JsonNode> sent = post("/api/dev/whatsapp/v21.0/any-id/messages", null, template);
    ResponseEntity<JsonNode> text =
        post(
            "/api/dev/whatsapp/v21.0/any-id/messages",
            null,
            Map.of("messaging_product", "whatsapp", "to", "5521900000002", "type", "text"));

    assertThat(sent.getStatusCode().value()).isEqualTo(200);
    assertThat(sent.getBody().at("/messages/0/id").asText()).startsWith("wamid.");
    assertThat(text.getStatusCode().value()).isEqualTo(400);
    assertThat(text.getBody().at("/error/code").asInt()).isEqualTo(100);
    JsonNode inbox =
        http.getForEntity("/api/dev/whatsapp?to=5521900000002", JsonNode.class).getBody();
    assertThat(inbox).hasSize(1);
    assertThat(inbox.get(0).get("template").asText()).isEqualTo("cobranca_link_negociacao");
    assertThat(inbox.get(0).get("parameters").get(0).asText()).isEqualTo("Maria");
  }

  @Test
  void theSmsGatewaysMessagesOutliveARestart() {
    // given an SMS the gateway took
    Map<String, Object> sms =
        Map.of("to", "+5521900000003", "from", "REGUA", "text", "Oi", "reference", "dev-sms-r1");
    String id = post("/api/dev/sms/v1/messages", "dev-sms-r1", sms).getBody().get("id").asText();

    // when the gateway starts again over the same database
    DevSmsProvider restarted = new DevSmsProvider(clock, restartedRecords());

    // then it still shows the message, answers its key with it, and numbers new ones apart
    assertThat(restarted.messages("+5521900000003"))
        .extracting(DevSmsProvider.Sms::id, DevSmsProvider.Sms::text)
        .containsExactly(tuple(id, "Oi"));
    ResponseEntity<DevSmsProvider.Accepted> again = restarted.send("dev-sms-r1", sms);
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getBody().id()).isEqualTo(id);
    assertThat(restarted.send("dev-sms-r2", sms).getBody().id()).isNotEqualTo(id);
  }

  @Test
  void theCloudApisMessagesOutliveARestart() throws Exception {
    // given a template message the Cloud API took
    String template =
        """
        {"messaging_product": "whatsapp", "to": "5521900000004", "type": "template",
         "template": {"name": "cobranca_lembrete", "language": {"code": "pt_BR"},
           "components": [{"type": "body", "parameters": [{"type": "text", "text": "João"}]}]}}
        """;
    String id =
        post("/api/dev/whatsapp/v21.0/any-id/messages", null, template)
            .getBody()
            .at("/messages/0/id")
            .asText();

    // when the Cloud API starts again over the same database
    DevWhatsAppProvider restarted = new DevWhatsAppProvider(clock, restartedRecords());

    // then it still shows the message, and numbers new ones apart
    assertThat(restarted.messages("5521900000004"))
        .extracting(
            DevWhatsAppProvider.TemplateMessage::id,
            DevWhatsAppProvider.TemplateMessage::template,
            DevWhatsAppProvider.TemplateMessage::parameters)
        .containsExactly(tuple(id, "cobranca_lembrete", List.of("João")));
    assertThat(
            restarted
                .send("v21.0", "any-id", json.readTree(template))
                .getBody()
                .get("messages")
                .toString())
        .doesNotContain(id);
  }

  /** The records of a service started anew: a new bean over the same database. */
  private DevProviderRecords restartedRecords() {
    return new DevProviderRecords(jdbc, json);
  }

  private ResponseEntity<JsonNode> post(String path, String idempotencyKey, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (idempotencyKey != null) {
      headers.set("Idempotency-Key", idempotencyKey);
    }
    return http.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
  }
}
