package br.com.regua.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.consent.Channel;
import br.com.regua.consent.ChannelConsents;
import br.com.regua.debt.DebtRepository;
import br.com.regua.debt.DebtService;
import br.com.regua.debt.RegisterDebtRequest;
import br.com.regua.support.Api;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Bulk registration: per-row outcomes, the valid rows stored, the others named and not stored. */
class DebtBatchApiTest extends IntegrationTest {

  @Autowired JdbcClient jdbc;
  @Autowired DebtService debts;
  @Autowired DebtRepository debtRepository;
  @Autowired PlatformTransactionManager transactions;
  @Autowired MeterRegistry meters;
  @Autowired ObjectMapper json;
  @Autowired ChannelConsents consents;

  @Test
  void storesTheValidRowsAndSaysWhatIsWrongWithEachOfTheOthers() {
    // given a debt already registered
    String existing = TestDebtors.uniqueId("batch-old");
    assertThat(
            api.post("/api/debts", api.debt(existing, "10.00", today().plusDays(30)))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    String fresh = TestDebtors.uniqueId("batch-new");
    String badCpf = TestDebtors.uniqueId("batch-cpf");
    String badAmount = TestDebtors.uniqueId("batch-amount");
    ObjectNode invalidCpf = api.debt(badCpf, "20.00", today().plusDays(30));
    ((ObjectNode) invalidCpf.get("debtor")).put("document", "123.456.789-00");
    ObjectNode numericAmount = api.debt(badAmount, "30.00", today().plusDays(30));
    numericAmount.putObject("amount").put("value", 30);
    List<Object> rows =
        List.of(
            api.debt(fresh, "1500.00", today().plusDays(30)),
            invalidCpf,
            numericAmount,
            api.debt(existing, "99.00", today().plusDays(30)),
            "not an object");

    // when they come in one batch
    ResponseEntity<JsonNode> response = api.post("/api/debts:batch", Map.of("debts", rows));

    // then each row has its outcome, as the single endpoint would have answered
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    JsonNode result = response.getBody();
    assertThat(result.get("received").asInt()).isEqualTo(5);
    assertThat(result.get("created").asInt()).isEqualTo(1);
    assertThat(result.get("rejected").asInt()).isEqualTo(4);
    assertThat(Api.batchStatuses(result)).containsExactly(201, 400, 400, 409, 400);
    assertThat(result.at("/rows/1/errors/0/field").asText()).isEqualTo("debtor.document");
    assertThat(result.at("/rows/1/debtId").asText()).isEqualTo(badCpf);
    assertThat(result.at("/rows/2/errors/0/field").asText()).isEqualTo("amount");
    assertThat(result.at("/rows/3/errors/0/field").asText()).isEqualTo("debtId");
    assertThat(result.at("/rows/4/errors/0/field").asText()).isEqualTo("row");
    // and only the valid row is stored; its journey starts right after, in the background
    assertThat(api.status(fresh)).isEqualTo("ACTIVE");
    await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> api.timelineTypes(fresh).contains("JOURNEY_STARTED"));
    assertThat(stored(badCpf)).isZero();
    assertThat(stored(badAmount)).isZero();
    assertThat(api.get("/api/debts/" + existing).getBody().get("amount").asText())
        .isEqualTo("10.00");

    // and the same batch again changes nothing: the stored row is 200, the others still refused
    JsonNode again = api.post("/api/debts:batch", Map.of("debts", rows)).getBody();
    assertThat(Api.batchStatuses(again)).containsExactly(200, 400, 400, 409, 400);
    assertThat(again.get("unchanged").asInt()).isEqualTo(1);
  }

  @Test
  void aRowThatIsNoRegistrationIsNamedByItsIndexAndDebtId() {
    // given rows that are no object, a field of the wrong type, a debtId given twice (the last
    // counts, as for an object of the single endpoint), and an amount sent as a JSON number
    String wrongType = TestDebtors.uniqueId("batch-type");
    ObjectNode scoreAsText = api.debt(wrongType, "10.00", today().plusDays(30));
    scoreAsText.put("propensityScore", "high");
    String numeric = TestDebtors.uniqueId("batch-number");
    ObjectNode amountAsNumber = api.debt(numeric, "10.00", today().plusDays(30));
    amountAsNumber.put("amount", new java.math.BigDecimal("1234.50"));
    String lastId = TestDebtors.uniqueId("batch-last");
    ObjectNode badDate = api.debt("first-of-two", "10.00", today().plusDays(30));
    badDate.put("dueDate", "yesterday");
    String twoIds = badDate.toString().replaceFirst("}$", ",\"debtId\":\"" + lastId + "\"}");
    String body =
        "{\"debts\": [[], 42, " + scoreAsText + ", " + amountAsNumber + ", null, " + twoIds + "]}";

    // when
    JsonNode result = api.post("/api/debts:batch", body).getBody();

    // then each is refused with what can be told of it, and the number is read as an amount
    assertThat(Api.batchStatuses(result)).containsExactly(400, 400, 400, 201, 400, 400);
    assertThat(result.at("/rows/0/errors/0/field").asText()).isEqualTo("row");
    assertThat(result.at("/rows/1/errors/0/field").asText()).isEqualTo("row");
    assertThat(result.at("/rows/2/errors/0/field").asText()).isEqualTo("propensityScore");
    assertThat(result.at("/rows/2/debtId").asText()).isEqualTo(wrongType);
    assertThat(result.at("/rows/4/errors/0/field").asText()).isEqualTo("row");
    assertThat(result.at("/rows/5/errors/0/field").asText()).isEqualTo("dueDate");
    assertThat(result.at("/rows/5/debtId").asText()).isEqualTo(lastId);
    assertThat(api.get("/api/debts/" + numeric).getBody().get("amount").asText())
        .isEqualTo("1234.50");
  }

  @Test
  void aRowBeyondTheRegistrationLimitsIsA422AndTheOthersAreStored() {
    // given a row due in 1990 and one above the ceiling, beside a valid one
    String valid = TestDebtors.uniqueId("batch-ok");
    String ancient = TestDebtors.uniqueId("batch-1990");
    String tooBig = TestDebtors.uniqueId("batch-big");
    List<Object> rows =
        List.of(
            api.debt(valid, "100.00", today().plusDays(30)),
            api.debt(ancient, "100.00", java.time.LocalDate.of(1990, 1, 1)),
            api.debt(tooBig, "2000000.00", today().plusDays(30)));

    // when
    JsonNode result = api.post("/api/debts:batch", Map.of("debts", rows)).getBody();

    // then
    assertThat(Api.batchStatuses(result)).containsExactly(201, 422, 422);
    assertThat(result.get("rejected").asInt()).isEqualTo(2);
    assertThat(result.at("/rows/1/errors/0/field").asText()).isEqualTo("dueDate");
    assertThat(result.at("/rows/2/errors/0/field").asText()).isEqualTo("amount");
    assertThat(stored(ancient)).isZero();
    assertThat(stored(tooBig)).isZero();
    assertThat(api.status(valid)).isEqualTo("ACTIVE");
  }

  @Test
  void rowsOfOneBatchAreStoredAsIfRegisteredOneAfterTheOther() {
    // given a payment that came before its debt, and a debtor already registered
    String paidEarly = TestDebtors.uniqueId("batch-early");
    assertThat(
            api.post(
                    "/api/debts/" + paidEarly + "/payments",
                    api.payment(TestDebtors.uniqueId("pix"), "40.00", "2026-11-20T10:00:00-03:00"))
                .getStatusCode()
                .value())
        .isEqualTo(202);
    String cpf = TestDebtors.cpf();
    String first = TestDebtors.uniqueId("batch-first");
    String second = TestDebtors.uniqueId("batch-second");
    ObjectNode firstRow = sameDebtor(api.debt(first, "100.00", today().plusDays(30)), cpf, "a");
    ((ObjectNode) firstRow.get("debtor")).put("whatsappOptIn", true);
    List<Object> rows =
        List.of(
            firstRow,
            sameDebtor(api.debt(second, "200.00", today().plusDays(30)), cpf, "b"),
            sameDebtor(api.debt(first, "100.00", today().plusDays(30)), cpf, "a"),
            sameDebtor(api.debt(first, "101.00", today().plusDays(30)), cpf, "c"),
            api.debt(paidEarly, "100.00", today().plusDays(30)));

    // when they come in one batch
    JsonNode result = api.post("/api/debts:batch", Map.of("debts", rows)).getBody();

    // then a debt id repeated in the batch is created once, then the same (200) or a conflict (409)
    assertThat(Api.batchStatuses(result)).containsExactly(201, 201, 200, 409, 201);
    assertThat(result.at("/rows/3/errors/0/field").asText()).isEqualTo("debtId");
    assertThat(api.get("/api/debts/" + first).getBody().get("amount").asText()).isEqualTo("100.00");
    assertThat(api.timelineTypes(first)).containsOnlyOnce("REGISTERED");
    // and the debtor is as the last of their rows describes them, opted in to WhatsApp once
    assertThat(
            jdbc.sql("select email from debtor where document = :cpf")
                .param("cpf", cpf)
                .query(String.class)
                .single())
        .isEqualTo("c@devedor.example.test");
    assertThat(
            jdbc.sql(
                    "select consent from debtor_channel_consent"
                        + " where document = :cpf and channel = 'WHATSAPP'")
                .param("cpf", cpf)
                .query(String.class)
                .list())
        .containsExactly("OPT_IN");
    // and the payment that came first is applied to its debt
    assertThat(api.get("/api/debts/" + paidEarly).getBody().get("openBalance").asText())
        .isEqualTo("60.00");
    assertThat(api.timelineTypes(paidEarly)).contains("PAYMENT_RECEIVED");
  }

  @Test
  void aRepeatedBatchStoresNothingTwiceAndAnOptOutOutlastsTheRowsOptIn() {
    // given a debtor who opted out of WhatsApp
    String optedOut = TestDebtors.cpf();
    String before = TestDebtors.uniqueId("batch-optout-old");
    assertThat(
            api.post(
                    "/api/debts",
                    sameDebtor(api.debt(before, "10.00", today().plusDays(30)), optedOut, "o"))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    consents.optOut(optedOut, Channel.WHATSAPP, java.time.Instant.now());
    // and a batch: that debtor opting in again, a new debtor opting in, a row with a phone that is
    // not E.164, and the new debtor's row again
    String again = TestDebtors.uniqueId("batch-optout-new");
    String fresh = TestDebtors.uniqueId("batch-optin");
    String badPhone = TestDebtors.uniqueId("batch-phone");
    String freshCpf = TestDebtors.cpf();
    ObjectNode optingInAgain =
        sameDebtor(api.debt(again, "20.00", today().plusDays(30)), optedOut, "o");
    ((ObjectNode) optingInAgain.get("debtor")).put("whatsappOptIn", true);
    ObjectNode optingIn = sameDebtor(api.debt(fresh, "30.00", today().plusDays(30)), freshCpf, "f");
    ((ObjectNode) optingIn.get("debtor")).put("whatsappOptIn", true);
    ObjectNode wrongPhone = api.debt(badPhone, "40.00", today().plusDays(30));
    ((ObjectNode) wrongPhone.get("debtor")).put("phone", "11 98765-4321");
    List<Object> rows = List.of(optingInAgain, optingIn, wrongPhone, optingIn);

    // when it comes twice
    JsonNode first = api.post("/api/debts:batch", Map.of("debts", rows)).getBody();
    JsonNode second = api.post("/api/debts:batch", Map.of("debts", rows)).getBody();

    // then the valid rows are stored once, the invalid one is named by row and field
    assertThat(Api.batchStatuses(first)).containsExactly(201, 201, 400, 200);
    assertThat(Api.batchStatuses(second)).containsExactly(200, 200, 400, 200);
    assertThat(first.at("/rows/2/index").asInt()).isEqualTo(2);
    assertThat(first.at("/rows/2/debtId").asText()).isEqualTo(badPhone);
    assertThat(first.at("/rows/2/errors/0/field").asText()).isEqualTo("debtor.phone");
    assertThat(stored(badPhone)).isZero();
    for (String debtId : List.of(again, fresh)) {
      assertThat(stored(debtId)).isOne();
      assertThat(api.timelineTypes(debtId)).containsOnlyOnce("REGISTERED");
    }
    // and the opt-out stays, the new debtor is opted in once
    assertThat(whatsapp(optedOut)).containsExactly("OPT_OUT");
    assertThat(whatsapp(freshCpf)).containsExactly("OPT_IN");
  }

  private List<String> whatsapp(String document) {
    return jdbc.sql(
            "select consent from debtor_channel_consent"
                + " where document = :document and channel = 'WHATSAPP'")
        .param("document", document)
        .query(String.class)
        .list();
  }

  @Test
  void theJourneysNotStartedYetAreCounted() {
    // one snapshot, in a transaction no journey starter sees: what the gauge reads before, with
    // two debts stored and not started, and once they have a journey
    TransactionTemplate snapshot = new TransactionTemplate(transactions);
    snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    snapshot.executeWithoutResult(
        status -> {
          long before = new JourneysWaitingGauge(debtRepository).waiting();
          List<DebtService.RowStored> stored =
              debts.storeAll(List.of(registration("10.00"), registration("20.00")));
          assertThat(stored).allMatch(DebtService.RowStored::created);
          assertThat(new JourneysWaitingGauge(debtRepository).waiting()).isEqualTo(before + 2);
          stored.forEach(
              row ->
                  jdbc.sql("update debt set process_instance_key = 1 where debt_id = :id")
                      .param("id", row.debtId())
                      .update());
          assertThat(new JourneysWaitingGauge(debtRepository).waiting()).isEqualTo(before);
          status.setRollbackOnly();
        });
    // and the service publishes it
    assertThat(meters.get("regua.journeys.waiting.to.start").gauge().value()).isNotNegative();
  }

  private RegisterDebtRequest registration(String amount) {
    return json.convertValue(
        api.debt(TestDebtors.uniqueId("batch-wait"), amount, today().plusDays(30)),
        RegisterDebtRequest.class);
  }

  /** The row with the debtor of {@code cpf}, reached at {@code mailbox}@devedor.example.test. */
  private static ObjectNode sameDebtor(ObjectNode row, String cpf, String mailbox) {
    ((ObjectNode) row.get("debtor"))
        .put("document", cpf)
        .put("email", mailbox + "@devedor.example.test");
    return row;
  }

  @Test
  void anEmptyOrOversizedBatchIsA400() {
    assertThat(api.post("/api/debts:batch", Map.of("debts", List.of())).getStatusCode().value())
        .isEqualTo(400);
    List<Object> tooMany = new ArrayList<>(Collections.nCopies(1001, Map.of()));
    ResponseEntity<JsonNode> oversized = api.post("/api/debts:batch", Map.of("debts", tooMany));
    assertThat(oversized.getStatusCode().value()).isEqualTo(400);
    assertThat(oversized.getBody().at("/errors/0/field").asText()).isEqualTo("debts");
  }

  private long stored(String debtId) {
    return jdbc.sql("select count(*) from debt where debt_id = :id")
        .param("id", debtId)
        .query(Long.class)
        .single();
  }
}
