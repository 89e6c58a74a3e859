package br.com.regua.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bulk registration: per-row outcomes, the valid rows stored, the others named and not stored. */
class DebtBatchApiTest extends IntegrationTest {

  @Autowired JdbcClient jdbc;

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
    assertThat(statuses(result)).containsExactly(201, 400, 400, 409, 400);
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
    assertThat(statuses(again)).containsExactly(200, 400, 400, 409, 400);
    assertThat(again.get("unchanged").asInt()).isEqualTo(1);
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

  private static List<Integer> statuses(JsonNode result) {
    List<Integer> statuses = new ArrayList<>();
    result.get("rows").forEach(row -> statuses.add(row.get("status").asInt()));
    return statuses;
  }
}
