package br.com.regua.debtor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.consent.Channel;
import br.com.regua.contact.ContactService;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/** A debtor's history across debts, as agents read it before a call. */
class DebtorHistoryApiTest extends IntegrationTest {

  @Autowired ContactService contacts;

  @Test
  void showsEveryDebtContactPromiseAndPaymentOfTheDebtor() {
    // given a debtor with two debts: the first got a D-3 reminder and a partial payment,
    moveToContactHours();
    Instant before = engine.now();
    String cpf = TestDebtors.cpf();
    String first = TestDebtors.uniqueId("history-a");
    String second = TestDebtors.uniqueId("history-b");
    LocalDate firstDue = today().plusDays(30);
    assertThat(
            api.post("/api/debts", of(cpf, api.debt(first, "500.00", firstDue)))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    // (made through the contact service: the journey's own D-3 is weeks away)
    contacts.remind(first, "D-3", Channel.EMAIL, "reminder-before-due");
    assertThat(
            api.post(
                    "/api/debts/" + first + "/payments",
                    api.payment(TestDebtors.uniqueId("pay"), "100.00", engine.now().toString()))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    // and the second, due later, is promised
    LocalDate secondDue = today().plusDays(30);
    assertThat(
            api.post("/api/debts", of(cpf, api.debt(second, "1200.00", secondDue)))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    await().atMost(AWAIT).until(() -> api.timelineTypes(second).contains("STRATEGY_DECIDED"));
    String promiseId = TestDebtors.uniqueId("promise");
    LocalDate promisedDate = today().plusDays(5);
    assertThat(
            api.post(
                    "/api/debts/" + second + "/promises",
                    Map.of("promiseId", promiseId, "promisedDate", promisedDate.toString()))
                .getStatusCode()
                .value())
        .isEqualTo(201);

    // when an agent reads the history, by the CPF as people write it
    String formatted = TestDebtors.formatted(cpf);
    ResponseEntity<JsonNode> response = api.get("/api/debtors/" + formatted + "/history");

    // then it has both debts, oldest due first, with what is still owed on them
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    JsonNode history = response.getBody();
    assertThat(Instant.parse(history.get("asOf").asText())).isAfterOrEqualTo(before);
    assertThat(history.at("/debtor/document").asText()).isEqualTo(cpf);
    assertThat(history.at("/debtor/name").asText()).isEqualTo("Maria da Silva");
    assertThat(history.get("totalOpenBalance").asText()).isEqualTo("1600.00");
    assertThat(texts(history.get("debts"), "debtId")).containsExactly(first, second);
    assertThat(texts(history.get("debts"), "openBalance")).containsExactly("400.00", "1200.00");
    assertThat(texts(history.get("debts"), "amount")).containsExactly("500.00", "1200.00");
    assertThat(texts(history.get("debts"), "status")).containsExactly("ACTIVE", "PROMISED");
    assertThat(texts(history.get("debts"), "dueDate"))
        .containsExactly(firstDue.toString(), secondDue.toString());
    JsonNode options = history.at("/debts/0/paymentOptions");
    assertThat(options.get("paymentLink").asText()).startsWith("https://pagar.example.test/p/");
    assertThat(options.get("pixCopyAndPaste").asText())
        .contains("br.gov.bcb.pix")
        .contains("400.00");
    // and the contacts made, with their outcomes
    // (newest first: the promise's encouragement may come before the reminder)
    JsonNode reminder = null;
    for (JsonNode contact : history.get("contacts")) {
      if (contact.get("step").asText().equals("D-3")) {
        reminder = contact;
      }
    }
    assertThat(reminder).as("the D-3 reminder in %s", history.get("contacts")).isNotNull();
    assertThat(reminder.get("debtId").asText()).isEqualTo(first);
    assertThat(reminder.get("channel").asText()).isEqualTo("EMAIL");
    // sent, or postponed by the contact policy if the shared clock left the contact hours
    assertThat(reminder.get("outcome").asText()).isIn("SENT", "POSTPONED");
    // and the promise and the payment
    assertThat(texts(history.get("promises"), "promiseId")).containsExactly(promiseId);
    assertThat(history.at("/promises/0/status").asText()).isEqualTo("ACTIVE");
    assertThat(history.at("/promises/0/promisedDate").asText()).isEqualTo(promisedDate.toString());
    assertThat(texts(history.get("payments"), "debtId")).containsExactly(first);
    assertThat(texts(history.get("payments"), "amount")).containsExactly("100.00");
  }

  @Test
  void anUnknownDebtorIsNotFoundAndAMalformedDocumentIsABadRequest() {
    ResponseEntity<JsonNode> unknown = api.get("/api/debtors/" + TestDebtors.cpf() + "/history");
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getHeaders().getContentType().toString())
        .isEqualTo("application/problem+json");

    ResponseEntity<JsonNode> malformed = api.get("/api/debtors/123.456.789-00/history");
    assertThat(malformed.getStatusCode().value()).isEqualTo(400);
    assertThat(malformed.getBody().at("/errors/0/field").asText()).isEqualTo("document");
  }

  private static ObjectNode of(String cpf, ObjectNode debt) {
    ((ObjectNode) debt.get("debtor")).put("document", cpf);
    ((ObjectNode) debt.get("debtor")).put("email", "maria." + cpf + "@devedor.example.test");
    return debt;
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.get(field).asText()));
    return values;
  }
}
