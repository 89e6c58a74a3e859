package br.com.regua.debt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The debts API: registration, idempotency, payments and bad input, through HTTP. */
class DebtApiTest extends IntegrationTest {

  @Autowired JdbcClient jdbc;
  @Autowired DebtService debtService;

  @Test
  void registeringADebtStoresItAndStartsItsJourney() {
    // given
    String debtId = TestDebtors.uniqueId("reg");
    ObjectNode body = api.debt(debtId, "1234.56", today().plusDays(20));

    // when
    ResponseEntity<JsonNode> response = api.post("/api/debts", body);

    // then
    assertThat(response.getStatusCode().value()).isEqualTo(201);
    assertThat(response.getHeaders().getLocation()).hasPath("/api/debts/" + debtId);
    JsonNode debt = response.getBody();
    assertThat(debt.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(debt.get("amount").asText()).isEqualTo("1234.56");
    assertThat(debt.get("openBalance").asText()).isEqualTo("1234.56");
    // (the journey may have decided its strategy before the response)
    assertThat(types(debt))
        .filteredOn(type -> !type.equals("STRATEGY_DECIDED"))
        .containsExactly("REGISTERED", "JOURNEY_STARTED");
    Long key =
        jdbc.sql("select process_instance_key from debt where debt_id = ?")
            .param(debtId)
            .query(Long.class)
            .single();
    assertThat(key).isPositive();
  }

  @Test
  void theSameRegistrationAgainReturnsTheSameDebtAndStartsNoSecondJourney() {
    // given a registered debt
    String debtId = TestDebtors.uniqueId("idem");
    ObjectNode body = api.debt(debtId, "99.90", today().plusDays(20));
    JsonNode first = api.post("/api/debts", body).getBody();

    // when the same request comes again
    ResponseEntity<JsonNode> again = api.post("/api/debts", body);

    // then it is the same debt, 200, with one journey
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getBody().get("registeredAt")).isEqualTo(first.get("registeredAt"));
    // (the journey may have decided its strategy meanwhile)
    assertThat(types(again.getBody()))
        .filteredOn(type -> !type.equals("STRATEGY_DECIDED"))
        .containsExactly("REGISTERED", "JOURNEY_STARTED");
  }

  @Test
  void theSameDebtIdWithOtherContentIsAConflict() {
    // given a registered debt
    String debtId = TestDebtors.uniqueId("conflict");
    ObjectNode body = api.debt(debtId, "99.90", today().plusDays(20));
    api.post("/api/debts", body);

    // when the same id comes with another amount
    body.put("amount", "100.00");
    ResponseEntity<JsonNode> response = api.post("/api/debts", body);

    // then 409, and the stored debt is unchanged
    assertThat(response.getStatusCode().value()).isEqualTo(409);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().at("/errors/0/field").asText()).isEqualTo("debtId");
    assertThat(api.get("/api/debts/" + debtId).getBody().get("amount").asText()).isEqualTo("99.90");
  }

  @Test
  void anAlphanumericCnpjIsAcceptedAndStoredInUpperCaseWithoutPunctuation() {
    // given a company with an alphanumeric CNPJ (issued since July 2026), written in lower case
    String cnpj = TestDebtors.alphanumericCnpj();
    String debtId = TestDebtors.uniqueId("cnpj");
    ObjectNode body = api.debt(debtId, "500.00", today().plusDays(20));
    debtor(body).put("document", TestDebtors.formatted(cnpj).toLowerCase(java.util.Locale.ROOT));

    // when
    ResponseEntity<JsonNode> response = api.post("/api/debts", body);

    // then it is stored in its canonical form, and found in lower case too
    assertThat(response.getStatusCode().value()).isEqualTo(201);
    assertThat(response.getBody().at("/debtor/document").asText()).isEqualTo(cnpj);
    assertThat(
            jdbc.sql("select debtor_document from debt where debt_id = ?")
                .param(debtId)
                .query(String.class)
                .single())
        .isEqualTo(cnpj);
    ResponseEntity<JsonNode> history =
        api.get("/api/debtors/" + cnpj.toLowerCase(java.util.Locale.ROOT) + "/history");
    assertThat(history.getStatusCode().value()).isEqualTo(200);
    assertThat(history.getBody().findValuesAsText("debtId")).contains(debtId);
  }

  @Test
  void aPaymentDatedLaterThanNowIsA422NamingPaidAtAndChangesNothing() {
    // given a registered debt
    String debtId = TestDebtors.uniqueId("future-paid");
    assertThat(
            api.post("/api/debts", api.debt(debtId, "100.00", today().plusDays(20)))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    Instant now = engine.now();

    // when a gateway reports a payment made tomorrow, and one made a minute from now (its clock
    // a little ahead of ours)
    var tomorrow =
        api.post(
            "/api/debts/" + debtId + "/payments",
            api.payment("PAY-" + debtId, "100.00", now.plus(Duration.ofDays(1)).toString()));
    var skewed =
        api.post(
            "/api/debts/" + debtId + "/payments",
            api.payment("PAY2-" + debtId, "10.00", now.plus(Duration.ofMinutes(1)).toString()));

    // then the first is refused, naming paidAt, and only the second is applied
    assertThat(tomorrow.getStatusCode().value()).isEqualTo(422);
    assertThat(tomorrow.getBody().at("/errors/0/field").asText()).isEqualTo("paidAt");
    assertThat(skewed.getStatusCode().value()).isEqualTo(201);
    assertThat(api.get("/api/debts/" + debtId).getBody().get("openBalance").asText())
        .isEqualTo("90.00");
  }

  @Test
  void aDebtDueDecadesAgoOrAboveTheCeilingIsA422NamingTheFieldAndStoresNothing() {
    // given a debt due on 1990-01-01 (its claim prescribed long ago, Código Civil art. 206 §5 I),
    // one due a day beyond the 5 years the configuration allows, and one above the R$ 1.000.000,00
    // ceiling
    String ancient = TestDebtors.uniqueId("ancient");
    String justTooOld = TestDebtors.uniqueId("too-old");
    String tooBig = TestDebtors.uniqueId("too-big");

    // when they are registered
    ResponseEntity<JsonNode> ancientResponse =
        api.post("/api/debts", api.debt(ancient, "100.00", LocalDate.of(1990, 1, 1)));
    ResponseEntity<JsonNode> justTooOldResponse =
        api.post("/api/debts", api.debt(justTooOld, "100.00", today().minusYears(5).minusDays(1)));
    ResponseEntity<JsonNode> tooBigResponse =
        api.post("/api/debts", api.debt(tooBig, "1000000.01", today().plusDays(20)));

    // then each is refused, naming the field, and none is stored nor journeys
    for (var refused :
        List.of(
            Map.entry(ancientResponse, "dueDate"),
            Map.entry(justTooOldResponse, "dueDate"),
            Map.entry(tooBigResponse, "amount"))) {
      assertThat(refused.getKey().getStatusCode().value()).isEqualTo(422);
      assertThat(refused.getKey().getHeaders().getContentType())
          .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(refused.getKey().getBody().at("/errors/0/field").asText())
          .isEqualTo(refused.getValue());
    }
    assertThat(ancientResponse.getBody().at("/errors/0/message").asText())
        .contains("1990-01-01")
        .contains("regua.debts.max-overdue");
    assertThat(tooBigResponse.getBody().at("/errors/0/message").asText())
        .contains("1000000.00")
        .contains("regua.debts.max-amount");
    assertThat(countDebts(ancient) + countDebts(justTooOld) + countDebts(tooBig)).isZero();
  }

  @Test
  void aDebtJustWithinTheLimitsIsRegistered() {
    // due exactly 5 years ago, for exactly the ceiling
    String debtId = TestDebtors.uniqueId("limits");

    ResponseEntity<JsonNode> response =
        api.post("/api/debts", api.debt(debtId, "1000000.00", today().minusYears(5)));

    assertThat(response.getStatusCode().value()).isEqualTo(201);
    assertThat(response.getBody().get("amount").asText()).isEqualTo("1000000.00");
  }

  static Stream<Arguments> badRegistrations() {
    return Stream.of(
        bad("debtor.document", b -> debtor(b).put("document", "12.ABC.345/01DE-36")),
        bad("debtor.document", b -> debtor(b).put("document", "12.ABC.345/01DE-3A")),
        bad("debtor.document", b -> debtor(b).put("document", "123.456.789-00")),
        bad("debtor.document", b -> debtor(b).put("document", "11111111111")),
        bad("debtor.document", b -> debtor(b).put("document", "12.345.678/0001-00")),
        bad("debtor.email", b -> debtor(b).put("email", "not-an-email")),
        bad("debtor.phone", b -> debtor(b).put("phone", "11 98765-4321")),
        bad("debtor.phone", b -> debtor(b).put("phone", "+5500987654321")),
        bad("debtor.state", b -> debtor(b).put("state", "XX")),
        bad("debtor.name", b -> debtor(b).put("name", " ")),
        bad("debtor", b -> b.remove("debtor")),
        bad("amount", b -> b.put("amount", "12.345")),
        bad("amount", b -> b.put("amount", "-10.00")),
        bad("amount", b -> b.put("amount", "0.00")),
        bad("amount", b -> b.put("amount", "1e3")),
        bad("amount", b -> b.remove("amount")),
        bad("dueDate", b -> b.put("dueDate", "2026-02-30")),
        bad("dueDate", b -> b.put("dueDate", "10/01/2027")),
        bad("debtId", b -> b.put("debtId", "has spaces/and slashes")),
        bad("debtId", b -> b.put("debtId", "x".repeat(65))),
        bad("debtor.address.postalCode", b -> address(b).put("postalCode", "1304-001")),
        bad("debtor.address.postalCode", b -> address(b).put("postalCode", "013040011")),
        bad("debtor.address.postalCode", b -> address(b).remove("postalCode")),
        bad("debtor.address.street", b -> address(b).put("street", " ")),
        bad("debtor.address.state", b -> address(b).put("state", "XX")));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("badRegistrations")
  void badInputIsA400NamingTheFieldAndStoresNothing(
      String field, Consumer<ObjectNode> breakIt, String description) {
    // given a valid body with one field broken
    String debtId = TestDebtors.uniqueId("bad");
    ObjectNode body = api.debt(debtId, "10.00", today().plusDays(20));
    breakIt.accept(body);

    // when
    ResponseEntity<JsonNode> response = api.post("/api/debts", body);

    // then
    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().get("errors").findValuesAsText("field")).contains(field);
    assertThat(countDebts(debtId)).isZero();
  }

  @Test
  void malformedJsonIsA400() {
    ResponseEntity<JsonNode> response = api.post("/api/debts", "{\"debtId\": ");

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody().at("/errors/0/field").asText()).isEqualTo("body");
  }

  @Test
  void aDebtorWhoPaysAfterTheHandOffIsRecordedAsPaid() {
    // given a debt handed off to a collection agency, and another the creditor cancelled
    String handedOff = TestDebtors.uniqueId("handed-off");
    String cancelled = TestDebtors.uniqueId("cancelled");
    api.post("/api/debts", api.debt(handedOff, "120.00", today().plusDays(20)));
    api.post("/api/debts", api.debt(cancelled, "80.00", today().plusDays(20)));
    debtService.close(handedOff, DebtStatus.HANDED_OFF);
    debtService.close(cancelled, DebtStatus.CANCELLED);

    // when each debtor pays all of it
    ResponseEntity<JsonNode> paid =
        api.post(
            "/api/debts/" + handedOff + "/payments",
            api.payment(TestDebtors.uniqueId("pix"), "120.00", "2026-11-20T10:00:00-03:00"));
    ResponseEntity<JsonNode> refundable =
        api.post(
            "/api/debts/" + cancelled + "/payments",
            api.payment(TestDebtors.uniqueId("pix"), "80.00", "2026-11-20T10:00:00-03:00"));

    // then the handed-off debt is paid, and the cancelled one stays cancelled with the payment
    // recorded (to be refunded): neither is refused
    assertThat(paid.getStatusCode().value()).isEqualTo(201);
    assertThat(api.status(handedOff)).isEqualTo("PAID");
    assertThat(api.timelineTypes(handedOff)).contains("HANDED_OFF", "PAYMENT_RECEIVED", "PAID");
    assertThat(refundable.getStatusCode().value()).isEqualTo(201);
    assertThat(api.status(cancelled)).isEqualTo("CANCELLED");
    assertThat(api.timelineTypes(cancelled)).contains("PAYMENT_RECEIVED").doesNotContain("PAID");
  }

  @Test
  void aPaymentBeforeItsDebtIsKeptAndAppliedWhenTheDebtIsRegistered() {
    // given a PIX payment whose debt the creditor has not registered yet
    String debtId = TestDebtors.uniqueId("early");
    String paymentId = TestDebtors.uniqueId("pix");
    ObjectNode payment = api.payment(paymentId, "150.00", "2026-11-20T10:00:00-03:00");

    // when it arrives, it is kept (202), not refused; the same again is kept once
    ResponseEntity<JsonNode> kept = api.post("/api/debts/" + debtId + "/payments", payment);
    assertThat(kept.getStatusCode().value()).isEqualTo(202);
    assertThat(kept.getBody().get("paymentId").asText()).isEqualTo(paymentId);
    assertThat(kept.getBody().get("status").isNull()).isTrue();
    assertThat(api.post("/api/debts/" + debtId + "/payments", payment).getStatusCode().value())
        .isEqualTo(202);
    ObjectNode changed = api.payment(paymentId, "151.00", "2026-11-20T10:00:00-03:00");
    assertThat(api.post("/api/debts/" + debtId + "/payments", changed).getStatusCode().value())
        .isEqualTo(409);
    assertThat(api.get("/api/debts/" + debtId).getStatusCode().value()).isEqualTo(404);

    // then registering the debt applies it: the debt of 150.00 is paid and its journey ends
    ResponseEntity<JsonNode> registered =
        api.post("/api/debts", api.debt(debtId, "150.00", today().plusDays(20)));
    assertThat(registered.getStatusCode().value()).isEqualTo(201);
    assertThat(api.status(debtId)).isEqualTo("PAID");
    assertThat(api.get("/api/debts/" + debtId).getBody().get("openBalance").asText())
        .isEqualTo("0.00");
    assertThat(api.timelineTypes(debtId)).contains("PAYMENT_RECEIVED", "PAID");
    await().atMost(Duration.ofSeconds(20)).until(() -> journeyEnded(debtId));
    // and the payment is the debt's now: sent again, it is the same payment (200)
    assertThat(api.post("/api/debts/" + debtId + "/payments", payment).getStatusCode().value())
        .isEqualTo(200);
  }

  @Test
  void aPaymentForAMalformedDebtIdIsA400() {
    ResponseEntity<JsonNode> response =
        api.post(
            "/api/debts/" + "x".repeat(65) + "/payments",
            api.payment("p-1", "10.00", "2026-11-20T10:00:00-03:00"));

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().at("/errors/0/field").asText()).isEqualTo("debtId");
  }

  @Test
  void paymentsAreIdempotentByPaymentIdAndLowerTheBalance() {
    // given a debt of 100.00
    String debtId = TestDebtors.uniqueId("pay");
    api.post("/api/debts", api.debt(debtId, "100.00", today().plusDays(20)));
    String paymentId = TestDebtors.uniqueId("p");
    ObjectNode payment = api.payment(paymentId, "30.00", "2026-11-20T10:00:00-03:00");

    // when the same partial payment is sent twice
    ResponseEntity<JsonNode> first = api.post("/api/debts/" + debtId + "/payments", payment);
    ResponseEntity<JsonNode> second = api.post("/api/debts/" + debtId + "/payments", payment);

    // then it counts once
    assertThat(first.getStatusCode().value()).isEqualTo(201);
    assertThat(second.getStatusCode().value()).isEqualTo(200);
    assertThat(second.getBody().get("openBalance").asText()).isEqualTo("70.00");
    JsonNode debt = api.get("/api/debts/" + debtId).getBody();
    assertThat(debt.get("openBalance").asText()).isEqualTo("70.00");
    assertThat(debt.get("status").asText()).isEqualTo("ACTIVE");

    // and the same paymentId with another amount is a conflict that changes nothing
    payment.put("amount", "31.00");
    ResponseEntity<JsonNode> changed = api.post("/api/debts/" + debtId + "/payments", payment);
    assertThat(changed.getStatusCode().value()).isEqualTo(409);
    assertThat(api.get("/api/debts/" + debtId).getBody().get("openBalance").asText())
        .isEqualTo("70.00");
  }

  @Test
  void badPaymentsAreA400NamingTheField() {
    String debtId = TestDebtors.uniqueId("badpay");
    api.post("/api/debts", api.debt(debtId, "100.00", today().plusDays(20)));

    ResponseEntity<JsonNode> response =
        api.post(
            "/api/debts/" + debtId + "/payments",
            api.payment("p-" + debtId, "10.001", "yesterday"));

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody().get("errors").findValuesAsText("field")).contains("paidAt");
  }

  private static Arguments bad(String field, Consumer<ObjectNode> breakIt) {
    return Arguments.of(field, breakIt, field + " broken");
  }

  /** The body's debtor address, with valid values to break one of. */
  private static ObjectNode address(ObjectNode body) {
    ObjectNode address = debtor(body).putObject("address");
    address.put("street", "Rua Augusta");
    address.put("number", "1500");
    address.put("district", "Consolação");
    address.put("city", "São Paulo");
    address.put("state", "SP");
    address.put("postalCode", "01304-001");
    return address;
  }

  @Test
  void theDebtorsAddressIsStoredAndKeptByALaterRegistrationWithoutOne() {
    // given a debt registered with the debtor's address
    String debtId = TestDebtors.uniqueId("address");
    ObjectNode body = api.withAddress(api.debt(debtId, "10.00", today().plusDays(20)));
    assertThat(api.post("/api/debts", body).getStatusCode().value()).isEqualTo(201);

    // when another debt of the same debtor comes without an address
    ObjectNode second = api.debt(debtId + "-2", "20.00", today().plusDays(20));
    ((ObjectNode) second.get("debtor")).put("document", body.at("/debtor/document").asText());
    assertThat(api.post("/api/debts", second).getStatusCode().value()).isEqualTo(201);

    // then both debts show the address, its CEP as 8 digits
    for (String id : List.of(debtId, debtId + "-2")) {
      JsonNode address = api.get("/api/debts/" + id).getBody().at("/debtor/address");
      assertThat(address.get("street").asText()).isEqualTo("Rua Augusta");
      assertThat(address.get("complement").asText()).isEqualTo("apto 42");
      assertThat(address.get("postalCode").asText()).isEqualTo("01304001");
    }
    // and the first registration again is still the same registration
    assertThat(api.post("/api/debts", body).getStatusCode().value()).isEqualTo(200);
  }

  private static ObjectNode debtor(ObjectNode body) {
    return (ObjectNode) body.get("debtor");
  }

  private static List<String> types(JsonNode debt) {
    return debt.get("timeline").findValuesAsText("type");
  }

  private long countDebts(String debtId) {
    return jdbc.sql("select count(*) from debt where debt_id = ?")
        .param(debtId)
        .query(Long.class)
        .single();
  }
}
