package br.com.regua.contact;

import static br.com.regua.support.MessagingProviders.contactKey;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import br.com.regua.consent.Channel;
import br.com.regua.contact.sms.SmsText;
import br.com.regua.support.EngineRecords;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.MessagingProviders;
import br.com.regua.support.TestDebtors;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.ErrorType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SMS and WhatsApp through their providers' HTTP APIs, WireMock playing the providers: the exact
 * requests, what the contact log keeps, and what a provider's refusal or outage does to the job.
 */
class MessagingChannelsTest extends IntegrationTest {

  /** The test profile's creditor (application-test.yaml). */
  private static final String CREDITOR_ADDRESS =
      "Rua XV de Novembro, 700, Centro, Curitiba - PR, 80020-310";

  private static final WireMockServer providers = MessagingProviders.SERVER;

  @Autowired br.com.regua.security.PortalTokens portalTokens;
  @Autowired ContactService contacts;
  @Autowired JdbcClient jdbc;
  @Autowired CamundaClient client;

  @org.junit.jupiter.api.BeforeEach
  void duringContactHours() {
    moveToContactHours();
  }

  @Test
  void anSmsIsPostedToTheGatewayWithTheContactKeyForIdempotency() {
    // given a debt of R$ 80,00
    String debtId = TestDebtors.uniqueId("sms-exact");
    LocalDate dueDate = register(debtId, "80.00");
    String key = contactKey(debtId, "D+15", "SMS");

    // when its D+15 SMS goes out
    ContactOutcome outcome = contacts.remind(debtId, "D+15", Channel.SMS, "last-reminder");

    // then the gateway got exactly this request, naming the creditor (CDC art. 42-A)
    String text =
        ("Loja Exemplo S.A. (CNPJ A1.B2C.3D4/E5F6-68): Maria, seu pagamento de R$ 80,00 (venc. %s)"
                + " segue em aberto. Regularize: %s")
            .formatted(br(dueDate), paymentLink(debtId));
    assertThat(outcome).isEqualTo(ContactOutcome.SENT);
    providers.verify(
        1,
        MessagingProviders.smsRequests(key)
            .withHeader("Authorization", equalTo("Bearer test-sms-key"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    {"to": "+5511987654321", "from": "REGUA", "text": "%s", "reference": "%s",
                     "callbackUrl": "https://regua.example.test/api/webhooks/sms"}
                    """
                        .formatted(text, key))));
    // the creditor's name and CNPJ make it two GSM parts: the price of art. 42-A
    assertThat(SmsText.parts(text)).isEqualTo(2);
    // and the contact log keeps the text and the gateway's id, which receipts will name
    Map<String, Object> logged = contactRow(key);
    assertThat(logged.get("payload")).isEqualTo(text);
    assertThat((String) logged.get("provider_message_id")).startsWith("sms-");
  }

  @Test
  void aWhatsAppIsAnApprovedTemplateWithItsParametersInOrder() {
    // given a debt, with a PIX charge (the test profile configures a PIX key), and a Cloud API
    // that answers with a known id
    String debtId = TestDebtors.uniqueId("wa-exact");
    LocalDate dueDate = register(debtId, "1234.56");
    String pix = pixCopyAndPaste(debtId);
    String key = contactKey(debtId, "D+3", "WHATSAPP");
    MessagingProviders.whatsAppAnswers(
        key,
        okJson(
            """
            {"messaging_product": "whatsapp",
             "contacts": [{"input": "5511987654321", "wa_id": "5511987654321"}],
             "messages": [{"id": "wamid.%s"}]}
            """
                .formatted(debtId)));

    // when its D+3 WhatsApp goes out
    ContactOutcome outcome = contacts.remind(debtId, "D+3", Channel.WHATSAPP, "negotiation-link");

    // then the Cloud API got exactly the template message: the variant with the PIX payload, its
    // parameters in the approved order
    assertThat(outcome).isEqualTo(ContactOutcome.SENT);
    assertThat(pix).startsWith("000201").contains("54071234.56");
    providers.verify(
        1,
        MessagingProviders.whatsAppRequests(key)
            .withHeader("Authorization", equalTo("Bearer test-whatsapp-token"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    {"messaging_product": "whatsapp", "recipient_type": "individual",
                     "to": "5511987654321", "type": "template",
                     "template": {"name": "cobranca_link_negociacao_pix_v2",
                                  "language": {"code": "pt_BR"},
                                  "components": [{"type": "body", "parameters": [
                                    {"type": "text", "text": "Maria"},
                                    {"type": "text", "text": "R$ 1.234,56"},
                                    {"type": "text", "text": "%s"},
                                    {"type": "text", "text": "%s"},
                                    {"type": "text", "text": "%s"},
                                    {"type": "text", "text": "Loja Exemplo S.A."},
                                    {"type": "text", "text": "A1.B2C.3D4/E5F6-68"},
                                    {"type": "text", "text": "%s"}]}]},
                     "biz_opaque_callback_data": "%s"}
                    """
                        .formatted(br(dueDate), paymentLink(debtId), pix, CREDITOR_ADDRESS, key))));
    // and the log keeps the wamid and the text the debtor read, PIX included
    Map<String, Object> logged = contactRow(key);
    assertThat(logged.get("provider_message_id")).isEqualTo("wamid." + debtId);
    assertThat(logged.get("payload"))
        .isEqualTo(
            ("Olá, Maria! O pagamento de R$ 1.234,56, vencido em %s, segue em aberto. Negocie do"
                    + " seu jeito, em poucos cliques: %s Ou pague agora com Pix copia e cola: %s"
                    + " (copie o código e cole no app do seu banco) Credor: Loja Exemplo S.A., CNPJ"
                    + " A1.B2C.3D4/E5F6-68, %s.")
                .formatted(br(dueDate), paymentLink(debtId), pix, CREDITOR_ADDRESS));
  }

  @Test
  void aRedeliveredJobSendsTheSmsOnce() {
    // given a debt whose D+15 SMS went out
    String debtId = TestDebtors.uniqueId("sms-twice");
    register(debtId, "80.00");
    contacts.remind(debtId, "D+15", Channel.SMS, "last-reminder");

    // when the job is delivered again
    ContactOutcome again = contacts.remind(debtId, "D+15", Channel.SMS, "last-reminder");

    // then the gateway heard of it once, and the log has one line
    assertThat(again).isEqualTo(ContactOutcome.SENT);
    providers.verify(1, MessagingProviders.smsRequests(contactKey(debtId, "D+15", "SMS")));
    assertThat(contactRows(debtId)).isEqualTo(1);
  }

  @Test
  void aGatewayThatIsDownOrSlowFailsTheContactAndLogsNothing() {
    // given a gateway that answers 503 to one contact and never answers another in time (5 s)
    String debtId = TestDebtors.uniqueId("sms-down");
    register(debtId, "80.00");
    String down = contactKey(debtId, "D+15", "SMS");
    String slow = contactKey(debtId, "Acompanhamento", "SMS");
    MessagingProviders.smsAnswers(down, aResponse().withStatus(503).withBody("manutenção"));
    MessagingProviders.smsAnswers(
        slow, okJson("{\"id\": \"late\", \"status\": \"QUEUED\"}").withFixedDelay(6_000));

    // then each attempt throws a retryable failure, and nothing is logged as sent
    assertThatThrownBy(() -> contacts.remind(debtId, "D+15", Channel.SMS, "last-reminder"))
        .isInstanceOf(ChannelDeliveryException.class)
        .hasMessage("SMS " + down + " failed at the provider: HTTP 503 manutenção");
    assertThatThrownBy(
            () -> contacts.remind(debtId, "Acompanhamento", Channel.SMS, "last-reminder"))
        .isInstanceOf(ChannelDeliveryException.class)
        .hasMessageContaining("provider unreachable or unreadable");
    assertThat(contactRows(debtId)).isZero();
  }

  @Test
  void aNumberTheSmsGatewayRefusesIsLoggedAsFailedAndTheStepFallsBackToEmail() {
    // given a gateway that refuses the debtor's number
    String debtId = TestDebtors.uniqueId("bad-number");
    register(debtId, "80.00");
    MessagingProviders.smsAnswers(
        contactKey(debtId, "D+15", "SMS"),
        aResponse()
            .withStatus(422)
            .withHeader("Content-Type", "application/json")
            .withBody(
                "{\"error\": {\"code\": \"INVALID_NUMBER\", \"message\": \"not a mobile\"}}"));

    // when the D+15 SMS goes out
    ContactAttempt attempt =
        contacts.contact(
            new ContactRequest(
                debtId, "D+15", Channel.SMS, "last-reminder", Map.of(), List.of(Channel.EMAIL)));

    // then the refusal is in the log with the provider's reason, and the email went instead
    assertThat(attempt.channel()).isEqualTo(Channel.EMAIL);
    assertThat(attempt.outcome()).isEqualTo(ContactOutcome.SENT);
    assertThat(contactRow(contactKey(debtId, "D+15", "SMS")))
        .containsEntry("outcome", "FAILED")
        .containsEntry("detail", "SMS: INVALID_NUMBER: not a mobile");
  }

  @Test
  void aNumberTheCloudApiRefusesFallsBackToSms() {
    String debtId = TestDebtors.uniqueId("bad-wa");
    register(debtId, "80.00");
    MessagingProviders.whatsAppAnswers(
        contactKey(debtId, "D+3", "WHATSAPP"),
        aResponse()
            .withStatus(400)
            .withHeader("Content-Type", "application/json")
            .withBody(
                """
                {"error": {"message": "(#131030) Recipient phone number not in allowed list",
                           "type": "OAuthException", "code": 131030,
                           "error_data": {"messaging_product": "whatsapp",
                                          "details": "Recipient phone number not in allowed list"},
                           "fbtrace_id": "A1"}}
                """));

    ContactAttempt attempt =
        contacts.contact(
            new ContactRequest(
                debtId,
                "D+3",
                Channel.WHATSAPP,
                "negotiation-link",
                Map.of(),
                List.of(Channel.SMS, Channel.EMAIL)));

    assertThat(attempt.channel()).isEqualTo(Channel.SMS);
    assertThat(attempt.outcome()).isEqualTo(ContactOutcome.SENT);
    assertThat(contactRow(contactKey(debtId, "D+3", "WHATSAPP")).get("detail").toString())
        .contains("131030");
  }

  @Test
  void aProviderErrorIsRetriedByTheEngineThenBecomesAnIncident() {
    // given a Cloud API that fails this debt's message with 500
    String debtId = TestDebtors.uniqueId("wa-incident");
    register(debtId, "80.00");
    String key = contactKey(debtId, "D+3", "WHATSAPP");
    MessagingProviders.whatsAppAnswers(
        key, aResponse().withStatus(500).withBody("{\"error\": {\"code\": 1}}"));
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath("bpmn-test/send-reminder-test.bpmn")
        .send()
        .join();

    // when the send-reminder job runs (3 tries)
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("send-reminder-test")
            .latestVersion()
            .variables(
                Map.of(
                    "debtId", debtId,
                    "step", "D+3",
                    "channel", "WHATSAPP",
                    "template", "negotiation-link"))
            .send()
            .join()
            .getProcessInstanceKey();

    // then each failure waits the model's backoff (the test model's PT0.5S, doubled) before the
    // next try. Short on purpose: moving the shared engine clock past a long backoff leaves the
    // engine's backoff checker scheduled in wall time, which delays later tests' retries.
    IncidentRecordValue incident = awaitIncident(instance);
    assertThat(failedJobs(instance))
        .extracting(JobRecordValue::getRetryBackoff)
        .containsExactly(500L, 1_000L, 2_000L);
    // and after three tries of the Cloud API, an incident with the provider's answer
    assertThat(failedJobs(instance))
        .extracting(JobRecordValue::getRetries)
        .containsExactly(2, 1, 0);
    providers.verify(3, MessagingProviders.whatsAppRequests(key));
    assertThat(incident.getErrorType()).isEqualTo(ErrorType.JOB_NO_RETRIES);
    assertThat(incident.getElementId()).isEqualTo("SendReminderTask");
    assertThat(incident.getErrorMessage())
        .contains("WhatsApp " + key + " failed at the Cloud API: HTTP 500");
    assertThat(contactRows(debtId)).isZero();

    // when the Cloud API is back and an operator resolves the incident, the contact is made
    MessagingProviders.whatsAppAnswers(
        key,
        okJson("{\"messaging_product\": \"whatsapp\", \"messages\": [{\"id\": \"wamid.back\"}]}"));
    client.newUpdateRetriesCommand(incident.getJobKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incidentKey(instance)).send().join();
    await().atMost(AWAIT).until(() -> contactRows(debtId) == 1);
    assertThat(contactRow(key)).containsEntry("outcome", "SENT");
    await().atMost(AWAIT).until(() -> new EngineRecords(engine).isCompleted(instance));
  }

  // --- given ---

  /** A debtor who opted in to WhatsApp, with a debt due in a year (its journey stays quiet). */
  private LocalDate register(String debtId, String amount) {
    LocalDate dueDate = today().plusYears(1);
    var body = api.debt(debtId, amount, dueDate);
    ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("debtor"))
        .put("whatsappOptIn", true);
    assertThat(api.post("/api/debts", body).getStatusCode().value()).isEqualTo(201);
    return dueDate;
  }

  /** The debt's portal link of today: the signed token around its payment token. */
  private String paymentLink(String debtId) {
    return portalTokens.link(
        jdbc.sql("select payment_token from debt where debt_id = ?")
            .param(debtId)
            .query(java.util.UUID.class)
            .single());
  }

  /** The debt's PIX copy-and-paste, as the API shows it. */
  private String pixCopyAndPaste(String debtId) {
    return api.get("/api/debts/" + debtId).getBody().at("/paymentOptions/pixCopyAndPaste").asText();
  }

  private static String br(LocalDate date) {
    return "%02d/%02d/%d".formatted(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
  }

  // --- then ---

  private Map<String, Object> contactRow(String key) {
    return jdbc.sql("select * from contact where idempotency_key = ?")
        .param(key)
        .query()
        .singleRow();
  }

  private long contactRows(String debtId) {
    return jdbc.sql("select count(*) from contact where debt_id = ?")
        .param(debtId)
        .query(Long.class)
        .single();
  }

  private IncidentRecordValue awaitIncident(long instance) {
    return await()
        .atMost(AWAIT)
        .until(
            () ->
                StreamSupport.stream(
                        new EngineRecords(engine).stream().incidentRecords().spliterator(), false)
                    .filter(r -> r.getIntent() == IncidentIntent.CREATED)
                    .map(Record::getValue)
                    .filter(v -> v.getProcessInstanceKey() == instance)
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  private long incidentKey(long instance) {
    return StreamSupport.stream(
            new EngineRecords(engine).stream().incidentRecords().spliterator(), false)
        .filter(r -> r.getIntent() == IncidentIntent.CREATED)
        .filter(r -> r.getValue().getProcessInstanceKey() == instance)
        .findFirst()
        .orElseThrow()
        .getKey();
  }

  private List<JobRecordValue> failedJobs(long instance) {
    return StreamSupport.stream(
            new EngineRecords(engine).stream().jobRecords().spliterator(), false)
        .filter(r -> r.getIntent() == JobIntent.FAILED)
        .map(Record::getValue)
        .filter(v -> v.getProcessInstanceKey() == instance)
        .toList();
  }
}
