package br.com.regua.contact.delivery;

import static br.com.regua.support.MessagingProviders.contactKey;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.consent.Channel;
import br.com.regua.contact.ContactAttempt;
import br.com.regua.contact.ContactFailed;
import br.com.regua.contact.ContactOutcome;
import br.com.regua.contact.ContactRequest;
import br.com.regua.contact.ContactService;
import br.com.regua.support.EngineRecords;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.MessagingProviders;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import java.time.Instant;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Delivery receipts through {@code POST /api/webhooks/{provider}}, in each provider's payload: they
 * move the contact log forward only, once; a failure keeps its reason and is announced; an email
 * read reaches the journey.
 */
@RecordApplicationEvents
class DeliveryWebhooksTest extends IntegrationTest {

  @Autowired ContactService contacts;
  @Autowired DeliveryReceipts receipts;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEvents events;

  @org.junit.jupiter.api.BeforeEach
  void duringContactHours() {
    moveToContactHours();
  }

  @Test
  void whatsAppStatusesMoveTheContactForwardOnlyAndAReadStaysOutOfTheJourney() {
    // given a WhatsApp that went out as wamid.<debtId>
    String debtId = TestDebtors.uniqueId("wh-wa");
    String key = sendWhatsApp(debtId);

    // when Meta reports it read, then (late) delivered, then read again
    ResponseEntity<JsonNode> read =
        post("/api/webhooks/whatsapp", whatsAppStatus(debtId, key, "read", 1_764_590_400L, ""));
    ResponseEntity<JsonNode> late =
        post(
            "/api/webhooks/whatsapp", whatsAppStatus(debtId, key, "delivered", 1_764_590_300L, ""));
    ResponseEntity<JsonNode> again =
        post("/api/webhooks/whatsapp", whatsAppStatus(debtId, key, "read", 1_764_590_400L, ""));

    // then the log says READ at Meta's time; the others changed nothing
    assertThat(read.getStatusCode().value()).isEqualTo(200);
    assertThat(read.getBody().at("/receipts/0/result").asText()).isEqualTo("UPDATED");
    assertThat(late.getBody().at("/receipts/0/result").asText()).isEqualTo("UNCHANGED");
    assertThat(again.getBody().at("/receipts/0").toString())
        .isEqualTo(
            "{\"messageId\":\"wamid."
                + debtId
                + "\",\"status\":\"READ\",\"result\":\"UNCHANGED\"}");
    Map<String, Object> contact = contactRow(key);
    assertThat(contact.get("delivery_status")).isEqualTo("READ");
    assertThat(((java.sql.Timestamp) contact.get("delivery_updated_at")).toInstant())
        .isEqualTo(Instant.ofEpochSecond(1_764_590_400L));
    // and a WhatsApp read is no email opened: the journey hears nothing
    assertThat(publishedEmailOpened(debtId)).isZero();
  }

  @Test
  void aFailedWhatsAppKeepsMetasReasonAndIsAnnouncedForTheFallback() {
    // given a WhatsApp that went out
    String debtId = TestDebtors.uniqueId("wh-wa-failed");
    String key = sendWhatsApp(debtId);

    // when Meta reports it failed (the number has no WhatsApp)
    DeliveryReceipts.Applied applied =
        receipts.apply(
            new DeliveryReceipt(
                Channel.WHATSAPP,
                "wamid." + debtId,
                key,
                DeliveryStatus.FAILED,
                Instant.parse("2026-12-01T12:00:05Z"),
                "131026 Message undeliverable"));

    // then the log says FAILED and why, and the contact policy is told once
    assertThat(applied.result()).isEqualTo(DeliveryReceipts.Result.UPDATED);
    Map<String, Object> contact = contactRow(key);
    assertThat(contact.get("delivery_status")).isEqualTo("FAILED");
    assertThat(contact.get("failure_reason")).isEqualTo("131026 Message undeliverable");
    assertThat(events.stream(ContactFailed.class))
        .containsExactly(
            new ContactFailed(
                debtId,
                key,
                "D+3",
                Channel.WHATSAPP,
                "negotiation-link",
                "131026 Message undeliverable"));
  }

  @Test
  void aWhatsAppFailureWebhookCarriesTheErrorIntoTheLog() {
    String debtId = TestDebtors.uniqueId("wh-wa-errors");
    String key = sendWhatsApp(debtId);

    ResponseEntity<JsonNode> answer =
        post(
            "/api/webhooks/whatsapp",
            whatsAppStatus(
                debtId,
                key,
                "failed",
                1_764_590_400L,
                """
                , "errors": [{"code": 131026, "title": "Message undeliverable",
                              "message": "Message undeliverable",
                              "error_data": {"details": "Message Undeliverable."}}]
                """));

    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    assertThat(contactRow(key).get("failure_reason"))
        .isEqualTo("131026 Message undeliverable: Message Undeliverable.");
  }

  @Test
  void smsReceiptsAreAppliedOnceByTheGatewaysId() {
    // given an SMS the gateway took as sms-<debtId>
    String debtId = TestDebtors.uniqueId("wh-sms");
    register(debtId);
    String key = contactKey(debtId, "D+15", "SMS");
    MessagingProviders.smsAnswers(
        key,
        okJson("{\"id\": \"sms-%s\", \"status\": \"QUEUED\"}".formatted(debtId)).withStatus(201));
    contacts.remind(debtId, "D+15", Channel.SMS, "last-reminder");
    String receipt =
        """
        {"id": "sms-%s", "reference": "%s", "status": "delivered",
         "timestamp": "2026-12-01T09:00:05-03:00"}
        """
            .formatted(debtId, key);

    // when the gateway reports it delivered, twice
    ResponseEntity<JsonNode> first = post("/api/webhooks/sms", receipt);
    ResponseEntity<JsonNode> second = post("/api/webhooks/sms", receipt);

    // then
    assertThat(first.getBody().at("/receipts/0/result").asText()).isEqualTo("UPDATED");
    assertThat(second.getStatusCode().value()).isEqualTo(200);
    assertThat(second.getBody().at("/receipts/0/result").asText()).isEqualTo("UNCHANGED");
    Map<String, Object> contact = contactRow(key);
    assertThat(contact.get("delivery_status")).isEqualTo("DELIVERED");
    assertThat(((java.sql.Timestamp) contact.get("delivery_updated_at")).toInstant())
        .isEqualTo(Instant.parse("2026-12-01T12:00:05Z"));
  }

  @Test
  void anOpenedEmailIsReadInTheLogAndReachesTheJourneyOnce() {
    // given a D+7 email that went out
    String debtId = TestDebtors.uniqueId("wh-mail-open");
    register(debtId);
    String key = contactKey(debtId, "D+7", "EMAIL");
    contacts.remind(debtId, "D+7", Channel.EMAIL, "reminder-overdue");
    String opened =
        """
        {"contactKey": "%s", "status": "opened", "occurredAt": "2026-12-01T10:00:00-03:00"}
        """
            .formatted(key);

    // when the mail provider reports it opened, twice
    assertThat(post("/api/webhooks/email", opened).getStatusCode().value()).isEqualTo(200);
    assertThat(post("/api/webhooks/email", opened).getStatusCode().value()).isEqualTo(200);

    // then the log says READ, the timeline has one EMAIL_OPENED, and the journey got the message
    assertThat(contactRow(key).get("delivery_status")).isEqualTo("READ");
    assertThat(api.timelineTypes(debtId).stream().filter("EMAIL_OPENED"::equals)).hasSize(1);
    await().atMost(AWAIT).until(() -> publishedEmailOpened(debtId) == 1);
  }

  @Test
  void aBouncedEmailIsFoundByItsMessageIdAndFailsWithTheBounce() {
    // given an email that went out; the log keeps its Message-ID
    String debtId = TestDebtors.uniqueId("wh-mail-bounce");
    register(debtId);
    String key = contactKey(debtId, "D+7", "EMAIL");
    contacts.remind(debtId, "D+7", Channel.EMAIL, "reminder-overdue");
    String messageId = (String) contactRow(key).get("provider_message_id");
    assertThat(messageId).isNotBlank();

    // when the provider reports a bounce by that id
    ResponseEntity<JsonNode> answer =
        post(
            "/api/webhooks/email",
            Map.of(
                "messageId", messageId,
                "status", "BOUNCED",
                "reason", "550 5.1.1 mailbox unavailable"));

    // then
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    Map<String, Object> contact = contactRow(key);
    assertThat(contact.get("delivery_status")).isEqualTo("FAILED");
    assertThat(contact.get("failure_reason"))
        .isEqualTo("e-mail devolvido (bounce): 550 5.1.1 mailbox unavailable");

    // and the address is avoided from now on: the next email step of the debtor falls back to
    // SMS, until a registration brings a new address
    String document =
        jdbc.sql("select debtor_document from debt where debt_id = ?")
            .param(debtId)
            .query(String.class)
            .single();
    assertThat(api.get("/api/debtors/" + document + "/channels").getBody().get("EMAIL").asText())
        .isEqualTo("UNREACHABLE");

    // and the bounced step is made again by SMS, once the daily limit allows (tomorrow's window)
    await().atMost(AWAIT).until(() -> api.contactSteps(debtId).contains("D+7 (reenvio)"));
    moveClockTo(contactWindows.firstWindowAfter(br.com.regua.brazil.Uf.SP, today()));
    await().atMost(AWAIT).until(() -> api.deliveredSteps(debtId).contains("D+7 (reenvio)"));
    assertThat(
            api.contacts(debtId).stream()
                .filter(c -> c.get("step").asText().equals("D+7 (reenvio)"))
                .filter(c -> c.get("outcome").asText().equals("SENT"))
                .map(c -> c.get("channel").asText()))
        .containsExactly("SMS");
    ContactAttempt next =
        contacts.contact(
            new ContactRequest(
                debtId,
                "D+15",
                Channel.EMAIL,
                "last-reminder",
                Map.of(),
                java.util.List.of(Channel.SMS)));
    assertThat(next.channel()).isEqualTo(Channel.SMS);
  }

  @Test
  void aReceiptForAMessageWeNeverSentIs404SoTheProviderRetries() {
    ResponseEntity<JsonNode> answer =
        post("/api/webhooks/sms", Map.of("id", "sms-nobody", "status", "delivered"));

    assertThat(answer.getStatusCode().value()).isEqualTo(404);
    assertThat(answer.getHeaders().getContentType().toString())
        .isEqualTo("application/problem+json");
    assertThat(answer.getBody().get("detail").asText())
        .isEqualTo("no message was sent with id sms-nobody");
  }

  @Test
  void badInputIsA400NamingTheField() {
    assertThat(fieldAtFault("/api/webhooks/sms", Map.of("id", "x", "status", "exploded")))
        .isEqualTo("status");
    assertThat(fieldAtFault("/api/webhooks/sms", Map.of("status", "delivered"))).isEqualTo("id");
    assertThat(fieldAtFault("/api/webhooks/email", Map.of("status", "opened")))
        .isEqualTo("messageId");
    assertThat(
            fieldAtFault(
                "/api/webhooks/whatsapp",
                """
                {"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [
                  {"field": "messages", "value": {"statuses": [{"status": "read"}]}}]}]}
                """))
        .isEqualTo("entry[0].changes[0].value.statuses[0].id");
    assertThat(fieldAtFault("/api/webhooks/whatsapp", "{\"object\": \"x\"}")).isEqualTo("entry");
  }

  @Test
  void metaVerifiesTheWebhookWithOurToken() {
    String url =
        "/api/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=";

    ResponseEntity<String> ours = http.getForEntity(url + "test-verify-token", String.class);
    ResponseEntity<String> other = http.getForEntity(url + "guess", String.class);

    assertThat(ours.getStatusCode().value()).isEqualTo(200);
    assertThat(ours.getBody()).isEqualTo("1158201444");
    assertThat(other.getStatusCode().value()).isEqualTo(403);
  }

  // --- given ---

  /** A debtor who opted in to WhatsApp, with a debt due in a year (its journey stays quiet). */
  private void register(String debtId) {
    var body = api.debt(debtId, "80.00", today().plusYears(1));
    ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("debtor"))
        .put("whatsappOptIn", true);
    assertThat(api.post("/api/debts", body).getStatusCode().value()).isEqualTo(201);
  }

  /** Sends the debt's D+3 WhatsApp; the Cloud API calls it wamid.<debtId>. */
  private String sendWhatsApp(String debtId) {
    register(debtId);
    String key = contactKey(debtId, "D+3", "WHATSAPP");
    MessagingProviders.whatsAppAnswers(
        key, okJson("{\"messages\": [{\"id\": \"wamid.%s\"}]}".formatted(debtId)));
    assertThat(contacts.remind(debtId, "D+3", Channel.WHATSAPP, "negotiation-link"))
        .isEqualTo(ContactOutcome.SENT);
    return key;
  }

  /** A Cloud API status webhook, as Meta posts it. */
  private static String whatsAppStatus(
      String debtId, String key, String status, long timestamp, String extra) {
    return """
        {"object": "whatsapp_business_account",
         "entry": [{"id": "102290129340398", "changes": [{"field": "messages", "value": {
           "messaging_product": "whatsapp",
           "metadata": {"display_phone_number": "5511999990000", "phone_number_id": "106540352242922"},
           "statuses": [{"id": "wamid.%s", "status": "%s", "timestamp": "%d",
                         "recipient_id": "5511987654321", "biz_opaque_callback_data": "%s"%s}]}}]}]}
        """
        .formatted(debtId, status, timestamp, key, extra);
  }

  // --- when / then ---

  private ResponseEntity<JsonNode> post(String path, Object body) {
    return api.post(path, body);
  }

  private String fieldAtFault(String path, Object body) {
    ResponseEntity<JsonNode> answer = post(path, body);
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getHeaders().getContentType().toString())
        .isEqualTo("application/problem+json");
    return answer.getBody().at("/errors/0/field").asText();
  }

  private Map<String, Object> contactRow(String key) {
    return jdbc.sql("select * from contact where idempotency_key = ?")
        .param(key)
        .query()
        .singleRow();
  }

  private long publishedEmailOpened(String debtId) {
    return StreamSupport.stream(
            new EngineRecords(engine).stream().messageRecords().spliterator(), false)
        .filter(r -> r.getIntent() == MessageIntent.PUBLISHED)
        .filter(r -> r.getValue().getName().equals("email-opened"))
        .filter(r -> r.getValue().getCorrelationKey().equals(debtId))
        .count();
  }
}
