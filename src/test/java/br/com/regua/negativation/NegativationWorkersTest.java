package br.com.regua.negativation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import br.com.regua.brazil.BusinessDays;
import br.com.regua.debt.DebtRepository;
import br.com.regua.debt.DebtStatus;
import br.com.regua.support.CreditBureauStub;
import br.com.regua.support.EngineRecords;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.ErrorType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The three negativation workers in the running service: the real engine runs small test models
 * ({@code src/test/resources/bpmn-test/}) whose tasks the workers pick up, PostgreSQL holds the
 * debts, and a real HTTP server plays the credit bureau.
 */
class NegativationWorkersTest extends IntegrationTest {

  private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
  private static final WireMockServer bureau = CreditBureauStub.SERVER;
  private static final DateTimeFormatter BR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Autowired private CamundaClient client;
  @Autowired private DebtRepository debts;
  @Autowired private BusinessDays businessDays;
  @Autowired private JdbcClient jdbc;

  private final List<Long> started = new ArrayList<>();

  @BeforeEach
  void deployTestModels() {
    // the same content again is not a new version: deploying before each test is cheap
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath("bpmn-test/negativate-debt-test.bpmn")
        .addResourceFromClasspath("bpmn-test/denegativation-test.bpmn")
        .send()
        .join();
  }

  @AfterEach
  void cancelLeftovers() {
    // the engine is shared: an instance stuck at an incident must not outlive its test
    for (long key : started) {
      try {
        client.newCancelInstanceCommand(key).send().join();
      } catch (RuntimeException alreadyEnded) {
        // completed, as most do
      }
    }
  }

  @Test
  void anEmailNoticeWithoutItsDeliveryReceiptDoesNotAllowTheNegativation() {
    // given a debt whose e-mail notice was sent but never confirmed delivered
    String debtId = TestDebtors.uniqueId("neg-unproven");
    register(debtId, "300.00", null, null);
    CreditBureauStub.acceptNegativation(debtId);

    // when the journey would negativate it
    runToCompletion("negativate-debt-test", debtId);

    // then the bureau is never called and the timeline says why (STJ Tema 1.315)
    bureau.verify(0, negativationRequests(debtId));
    assertThat(debts.find(debtId).orElseThrow().status()).isEqualTo(DebtStatus.ACTIVE);
    assertThat(
            jdbc.sql(
                    "select detail from debt_event where debt_id = :id and type = 'NEGATIVATION_SKIPPED'")
                .param("id", debtId)
                .query(String.class)
                .single())
        .contains("sem aviso prévio comprovado")
        .contains("Tema 1.315");
  }

  @Test
  void anActiveDebtIsNegativatedWithItsOpenBalance() {
    // given an active debt of 1234.56, 200.00 of it paid, of a company with an alphanumeric CNPJ
    // registered in lower case
    String debtId = TestDebtors.uniqueId("neg-active");
    String cnpj = TestDebtors.alphanumericCnpj();
    register(debtId, "1234.56", TestDebtors.formatted(cnpj).toLowerCase(java.util.Locale.ROOT));
    pay(debtId, "200.00", "2026-11-10T10:00:00-03:00");
    CreditBureauStub.acceptNegativation(debtId);

    // when the journey negativates it
    runToCompletion("negativate-debt-test", debtId);

    // then the bureau got the debt and its open balance, once, with our key
    bureau.verify(
        1,
        postRequestedFor(urlEqualTo("/v1/negativations"))
            .withHeader("Authorization", equalTo("Bearer test-api-key"))
            .withHeader("Idempotency-Key", equalTo("negativate:" + debtId))
            .withRequestBody(
                equalToJson(
                    """
                    {"reference": "%s", "document": "%s", "debtorName": "Maria da Silva",
                     "amount": "1034.56", "dueDate": "%s", "creditor": "Loja Exemplo S.A.",
                     "creditorDocument": "A1B2C3D4E5F668"}
                    """
                        .formatted(
                            debtId,
                            cnpj, // canonical: upper case, no punctuation
                            LocalDate.ofInstant(engine.now(), SAO_PAULO).plusDays(30)))));
    // and the debt is NEGATIVATED, with the bureau's protocol stored and in its timeline
    JsonNode debt = api.get("/api/debts/" + debtId).getBody();
    assertThat(debt.get("status").asText()).isEqualTo("NEGATIVATED");
    assertThat(events(debt, "NEGATIVATED"))
        .containsExactly(
            "Protocolo " + CreditBureauStub.protocol(debtId) + "; valor negativado R$ 1.034,56");
    assertThat(storedNegativation(debtId))
        .isEqualTo(Map.of("protocol", CreditBureauStub.protocol(debtId), "status", "NEGATIVATED"));
  }

  @Test
  void aRedeliveredJobSendsNothingTwice() {
    // given a debt negativated once
    String debtId = TestDebtors.uniqueId("neg-twice");
    register(debtId, "300.00");
    CreditBureauStub.acceptNegativation(debtId);
    runToCompletion("negativate-debt-test", debtId);

    // when a negativate-debt job for it runs again
    runToCompletion("negativate-debt-test", debtId);

    // then the bureau heard of it once, and the timeline tells it once
    bureau.verify(1, negativationRequests(debtId));
    JsonNode debt = api.get("/api/debts/" + debtId).getBody();
    assertThat(debt.get("status").asText()).isEqualTo("NEGATIVATED");
    assertThat(debt.get("timeline").findValuesAsText("type"))
        .containsOnlyOnce("NEGATIVATED")
        .doesNotContain("NEGATIVATION_SKIPPED");
  }

  @Test
  void aDebtWhoseNegativationWasRemovedIsNotReportedAgain() {
    // given a debt negativated, then removed, then active again (a dispute resolved, say)
    String debtId = TestDebtors.uniqueId("neg-again");
    register(debtId, "700.00");
    CreditBureauStub.acceptNegativation(debtId);
    runToCompletion("negativate-debt-test", debtId);
    forceStatus(debtId, DebtStatus.CANCELLED, engine.now());
    CreditBureauStub.acceptRemoval(debtId);
    CreditBureauStub.removalPendingThenDone(debtId);
    runToCompletion("denegativation-test", debtId);
    forceStatus(debtId, DebtStatus.ACTIVE, engine.now());

    // when the journey asks for its negativation again
    runToCompletion("negativate-debt-test", debtId);

    // then the bureau's idempotency key (the debt id) is not reused: skipped, and said why
    bureau.verify(1, negativationRequests(debtId));
    JsonNode debt = api.get("/api/debts/" + debtId).getBody();
    assertThat(debt.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(events(debt, "NEGATIVATION_SKIPPED"))
        .containsExactly(
            "negativação " + CreditBureauStub.protocol(debtId) + " já removida; não se repete");
  }

  /** Why a debt must not be negativated, as the timeline says it. */
  enum NotNegativated {
    PAID("dívida paga"),
    PROMISED("promessa de pagamento pendente"),
    RENEGOTIATED("acordo de renegociação assinado"),
    DISPUTED("dívida em contestação");

    final String reason;

    NotNegativated(String reason) {
      this.reason = reason;
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(NotNegativated.class)
  void aDebtThatIsPaidPromisedInAgreementOrDisputedIsNotNegativated(NotNegativated state) {
    // given a debt in that state
    String debtId = TestDebtors.uniqueId("neg-skip-" + state.name().toLowerCase());
    register(debtId, "450.00");
    if (state == NotNegativated.PAID) {
      pay(debtId, "450.00", "2026-11-20T09:00:00-03:00");
    } else {
      forceStatus(debtId, DebtStatus.valueOf(state.name()), engine.now());
    }
    CreditBureauStub.acceptNegativation(debtId);

    // when the journey asks for its negativation
    runToCompletion("negativate-debt-test", debtId);

    // then nothing reaches the bureau, the status stays, and the timeline says why
    bureau.verify(0, negativationRequests(debtId));
    JsonNode debt = api.get("/api/debts/" + debtId).getBody();
    assertThat(debt.get("status").asText()).isEqualTo(state.name());
    assertThat(events(debt, "NEGATIVATION_SKIPPED")).containsExactly(state.reason);
    assertThat(storedNegativation(debtId)).isEmpty();
  }

  @Test
  void aBureauThatIsDownIsRetriedWithGrowingBackoffThenRaisesAnIncident() {
    // given a bureau that answers 503
    String debtId = TestDebtors.uniqueId("neg-down");
    register(debtId, "800.00");
    bureau.stubFor(
        post("/v1/negativations")
            .withHeader("Idempotency-Key", equalTo("negativate:" + debtId))
            .willReturn(aResponse().withStatus(503).withBody("manutenção programada")));

    // when the journey negativates the debt (the task has 3 tries)
    long instance = start("negativate-debt-test", debtId);

    // then each failure spends one retry and waits longer than the one before (test config:
    // 200 ms, 400 ms); the last one raises an incident
    IncidentRecordValue incident = awaitIncident(instance);
    assertThat(failedJobs(instance))
        .extracting(JobRecordValue::getRetries, JobRecordValue::getRetryBackoff)
        .containsExactly(tuple(2, 200L), tuple(1, 400L), tuple(0, 0L));
    // and the bureau really was asked three times, the waits between tries kept
    List<LoggedRequest> tries = bureau.findAll(negativationRequests(debtId));
    assertThat(tries).hasSize(3);
    assertThat(gapMillis(tries.get(0), tries.get(1))).isGreaterThanOrEqualTo(200);
    assertThat(gapMillis(tries.get(1), tries.get(2))).isGreaterThanOrEqualTo(400);
    // and the incident names the bureau's error, while the debt stays as it was
    assertThat(incident.getErrorType()).isEqualTo(ErrorType.JOB_NO_RETRIES);
    assertThat(incident.getElementId()).isEqualTo("NegativateDebtTask");
    assertThat(incident.getErrorMessage())
        .contains(
            "negativation of "
                + debtId
                + " failed at the credit bureau: HTTP 503 manutenção programada");
    JsonNode debt = api.get("/api/debts/" + debtId).getBody();
    assertThat(debt.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(debt.get("timeline").findValuesAsText("type"))
        .doesNotContain("NEGATIVATED", "NEGATIVATION_SKIPPED");
    assertThat(storedNegativation(debtId)).isEmpty();
  }

  @Test
  void aRejectionRaisesAnIncidentAtOnceWithTheBureausReason() {
    // given a bureau that refuses the debt
    String debtId = TestDebtors.uniqueId("neg-refused");
    register(debtId, "800.00");
    bureau.stubFor(
        post("/v1/negativations")
            .withHeader("Idempotency-Key", equalTo("negativate:" + debtId))
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withBody("{\"error\": \"débito com menos de 5 dias de atraso\"}")));

    // when the journey negativates it
    long instance = start("negativate-debt-test", debtId);

    // then one try, no retry: an incident with the bureau's reason
    IncidentRecordValue incident = awaitIncident(instance);
    assertThat(failedJobs(instance)).extracting(JobRecordValue::getRetries).containsExactly(0);
    assertThat(incident.getErrorMessage())
        .contains(
            "negativation of "
                + debtId
                + " rejected by the credit bureau: HTTP 422"
                + " {\"error\": \"débito com menos de 5 dias de atraso\"}");
    bureau.verify(1, negativationRequests(debtId));
    assertThat(api.get("/api/debts/" + debtId).getBody().get("status").asText())
        .isEqualTo("ACTIVE");
  }

  @Test
  void aPaidNegativatedDebtIsRemovedWithinFiveBusinessDaysOfThePayment() {
    // given a negativated debt paid in full on Thursday 19 November 2026
    String debtId = TestDebtors.uniqueId("neg-paid");
    register(debtId, "500.00");
    CreditBureauStub.acceptNegativation(debtId);
    runToCompletion("negativate-debt-test", debtId);
    // (stubbed before the payment: the debt's own journey asks for the removal as soon as it is
    // paid, racing the test's model)
    CreditBureauStub.acceptRemoval(debtId);
    // the bureau takes a while: the first check finds the removal pending
    CreditBureauStub.removalPendingThenDone(debtId);
    pay(debtId, "500.00", "2026-11-19T15:30:00-03:00");

    // when the journey has the negativation removed
    Map<String, Object> result = runToCompletion("denegativation-test", debtId);

    // then the deadline skips Friday 20 November (Consciência Negra) and the weekend
    assertThat(result)
        .containsEntry("denegativationDeadline", "2026-11-27")
        .containsEntry("denegativationConfirmed", true);
    bureau.verify(
        1,
        postRequestedFor(
                urlEqualTo("/v1/negativations/" + CreditBureauStub.protocol(debtId) + "/removal"))
            .withHeader("Authorization", equalTo("Bearer test-api-key"))
            .withHeader("Idempotency-Key", equalTo("remove:" + debtId)));
    bureau.verify(
        2, getRequestedFor(urlEqualTo("/v1/negativations/" + CreditBureauStub.protocol(debtId))));
    assertThat(storedNegativation(debtId))
        .isEqualTo(Map.of("protocol", CreditBureauStub.protocol(debtId), "status", "REMOVED"));
    JsonNode debt = api.get("/api/debts/" + debtId).getBody();
    assertThat(debt.get("status").asText()).isEqualTo("PAID");
    assertThat(events(debt, "DENEGATIVATION_REQUESTED"))
        .containsExactly(
            "Protocolo "
                + CreditBureauStub.protocol(debtId)
                + "; prazo legal 27/11/2026 (5 dias úteis após o pagamento em 19/11/2026)");
    assertThat(events(debt, "DENEGATIVATED"))
        .singleElement()
        .asString()
        .startsWith("Protocolo " + CreditBureauStub.protocol(debtId) + " removido em ")
        .endsWith(" do prazo legal (27/11/2026)");
  }

  @Test
  void askingForTheRemovalAgainChangesNothing() {
    // given a negativated debt whose removal was requested and confirmed
    String debtId = TestDebtors.uniqueId("neg-removed-twice");
    register(debtId, "500.00");
    CreditBureauStub.acceptNegativation(debtId);
    runToCompletion("negativate-debt-test", debtId);
    CreditBureauStub.acceptRemoval(debtId); // before the payment, as above
    CreditBureauStub.removalPendingThenDone(debtId);
    pay(debtId, "500.00", "2026-11-19T15:30:00-03:00");
    runToCompletion("denegativation-test", debtId);

    // when the jobs run again
    Map<String, Object> again = runToCompletion("denegativation-test", debtId);

    // then the same deadline and confirmation, without a word to the bureau
    assertThat(again)
        .containsEntry("denegativationDeadline", "2026-11-27")
        .containsEntry("denegativationConfirmed", true);
    bureau.verify(
        1,
        postRequestedFor(
            urlEqualTo("/v1/negativations/" + CreditBureauStub.protocol(debtId) + "/removal")));
    bureau.verify(
        2, getRequestedFor(urlEqualTo("/v1/negativations/" + CreditBureauStub.protocol(debtId))));
    JsonNode debt = api.get("/api/debts/" + debtId).getBody();
    assertThat(events(debt, "DENEGATIVATION_REQUESTED")).hasSize(1);
    assertThat(events(debt, "DENEGATIVATED")).hasSize(1);
  }

  @Test
  void withoutAPaymentTheDeadlineRunsFromToday() {
    // given a negativated debt that the creditor cancels
    String debtId = TestDebtors.uniqueId("neg-cancelled");
    register(debtId, "500.00");
    CreditBureauStub.acceptNegativation(debtId);
    runToCompletion("negativate-debt-test", debtId);
    forceStatus(debtId, DebtStatus.CANCELLED, engine.now());
    CreditBureauStub.acceptRemoval(debtId);
    CreditBureauStub.removalPendingThenDone(debtId);

    // when the journey has the negativation removed
    Map<String, Object> result = runToCompletion("denegativation-test", debtId);

    // then the five business days count from today
    LocalDate today = LocalDate.ofInstant(engine.now(), SAO_PAULO);
    assertThat(result)
        .containsEntry(
            "denegativationDeadline", businessDays.plusBusinessDays(today, 5).toString());
    assertThat(events(api.get("/api/debts/" + debtId).getBody(), "DENEGATIVATION_REQUESTED"))
        .singleElement()
        .asString()
        .endsWith("(5 dias úteis após o pedido em " + today.format(BR_DATE) + ")");
  }

  @Test
  void aDebtThatWasNeverNegativatedGetsANullDeadline() {
    // given a debt paid before any negativation
    String debtId = TestDebtors.uniqueId("neg-never");
    register(debtId, "90.00");
    pay(debtId, "90.00", "2026-11-20T09:00:00-03:00");

    // when the journey asks for the removal
    long instance = start("denegativation-test", debtId);

    // then the deadline is null, so the model goes straight to its end; the bureau hears nothing
    await().atMost(AWAIT).until(() -> records().isCompleted(instance));
    new ProcessInstanceAssert(instance, stream())
        .hasPassedElement("NotNegativatedEndEvent")
        .hasVariableWithValue("denegativationDeadline", null);
    bureau.verify(0, anyRequestedFor(anyUrl()).withRequestBody(containing(debtId)));
    bureau.verify(0, anyRequestedFor(anyUrl()).withHeader("Idempotency-Key", containing(debtId)));
    assertThat(events(api.get("/api/debts/" + debtId).getBody(), "DENEGATIVATION_REQUESTED"))
        .isEmpty();
  }

  // --- given: debts through the API, the bureau's answers per debt ---

  /**
   * Registers a debt due in 30 days (its journey waits for D-3 meanwhile) whose prior notice of
   * negativation is proven delivered.
   */
  private ObjectNode register(String debtId, String amount) {
    return register(debtId, amount, null, "DELIVERED");
  }

  /** Registers the debt; {@code document}: the debtor's CPF/CNPJ, null for a fresh CPF. */
  private ObjectNode register(String debtId, String amount, String document) {
    return register(debtId, amount, document, "DELIVERED");
  }

  /**
   * Registers the debt with its prior notice sent by e-mail; {@code deliveryStatus}: the notice's
   * receipt, null for none.
   */
  private ObjectNode register(
      String debtId, String amount, String document, String deliveryStatus) {
    LocalDate today = LocalDate.ofInstant(engine.now(), SAO_PAULO);
    ObjectNode body = api.debt(debtId, amount, today.plusDays(30));
    if (document != null) {
      ((ObjectNode) body.get("debtor")).put("document", document);
    }
    assertThat(api.post("/api/debts", body).getStatusCode().value()).isEqualTo(201);
    jdbc.sql(
            """
            insert into contact (debt_id, idempotency_key, step, channel, template, outcome,
                                 detail, occurred_at, delivery_status, delivery_updated_at)
            values (:debtId, :key, 'Aviso prévio de negativação', 'EMAIL', :template, 'SENT',
                    'aviso enviado', now(), cast(:status as varchar),
                    case when cast(:status as varchar) is null then null else now() end)
            """)
        .param("debtId", debtId)
        .param("key", debtId + ":notice")
        .param("template", NegativationModel.NOTICE_TEMPLATE)
        .param("status", deliveryStatus)
        .update();
    return body;
  }

  private void pay(String debtId, String amount, String paidAt) {
    String paymentId = "pix-" + debtId + "-" + amount.replace(".", "");
    assertThat(
            api.post("/api/debts/" + debtId + "/payments", api.payment(paymentId, amount, paidAt))
                .getStatusCode()
                .value())
        .isEqualTo(201);
  }

  private static RequestPatternBuilder negativationRequests(String debtId) {
    return postRequestedFor(urlEqualTo("/v1/negativations"))
        .withHeader("Idempotency-Key", equalTo("negativate:" + debtId));
  }

  // --- when: the test models on the service's engine ---

  private long start(String processId, String debtId) {
    long key =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .variables(Map.of(NegativationModel.DEBT_ID, debtId))
            .send()
            .join()
            .getProcessInstanceKey();
    started.add(key);
    return key;
  }

  /** Runs the model until it ends; returns its variables. */
  private Map<String, Object> runToCompletion(String processId, String debtId) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(Map.of(NegativationModel.DEBT_ID, debtId))
        .withResult()
        .requestTimeout(AWAIT)
        .send()
        .join()
        .getVariablesAsMap();
  }

  // --- then: what the engine, the bureau and the database hold ---

  private RecordStream stream() {
    return RecordStream.of(engine.engine().getRecordStreamSource());
  }

  private EngineRecords records() {
    return new EngineRecords(engine);
  }

  private IncidentRecordValue awaitIncident(long instance) {
    return await()
        .atMost(AWAIT)
        .until(
            () ->
                StreamSupport.stream(stream().incidentRecords().spliterator(), false)
                    .filter(r -> r.getIntent() == IncidentIntent.CREATED)
                    .map(Record::getValue)
                    .filter(v -> v.getProcessInstanceKey() == instance)
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  /** Every fail command the engine took for the instance's jobs, in order. */
  private List<JobRecordValue> failedJobs(long instance) {
    return StreamSupport.stream(stream().jobRecords().spliterator(), false)
        .filter(r -> r.getIntent() == JobIntent.FAILED)
        .map(Record::getValue)
        .filter(v -> v.getProcessInstanceKey() == instance)
        .toList();
  }

  private static long gapMillis(LoggedRequest earlier, LoggedRequest later) {
    return later.getLoggedDate().getTime() - earlier.getLoggedDate().getTime();
  }

  /** The details of the debt's timeline events of one type, oldest first. */
  private static List<String> events(JsonNode debt, String type) {
    List<String> details = new ArrayList<>();
    for (JsonNode entry : debt.get("timeline")) {
      if (entry.get("type").asText().equals(type)) {
        details.add(entry.path("detail").asText(null));
      }
    }
    return details;
  }

  private Map<String, Object> storedNegativation(String debtId) {
    return jdbc
        .sql("select protocol, status from negativation where debt_id = :debtId")
        .param("debtId", debtId)
        .query()
        .listOfRows()
        .stream()
        .findFirst()
        .orElse(Map.of());
  }

  /**
   * Puts the debt in a status directly, whatever it was, to arrange a case: the service itself
   * moves a status only through DebtLifecycle.
   */
  private void forceStatus(String debtId, DebtStatus status, java.time.Instant at) {
    jdbc.sql("update debt set status = :status, updated_at = :at where debt_id = :debtId")
        .param("status", status.name())
        .param("at", java.sql.Timestamp.from(at))
        .param("debtId", debtId)
        .update();
  }
}
