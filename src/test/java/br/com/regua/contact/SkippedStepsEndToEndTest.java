package br.com.regua.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nothing vanishes: a debt registered ten days overdue does not get the steps whose days ended
 * (D-3, D0, D+1, D+3, D+7) in a burst, and each of them says so in the contact log and the
 * timeline, once.
 */
class SkippedStepsEndToEndTest extends IntegrationTest {

  @Test
  void aDebtRegisteredLateRecordsEachPassedStepAsSkippedAndSendsNone() {
    // given a debt registered ten days after its due date
    String debtId = TestDebtors.uniqueId("late");
    assertThat(
            api.post("/api/debts", api.debt(debtId, "250.00", today().minusDays(10)))
                .getStatusCode()
                .value())
        .isEqualTo(201);

    // when its journey starts, then the passed steps are each recorded as skipped, with the day
    await().atMost(Duration.ofSeconds(30)).until(() -> skipped(debtId).size() >= 5);
    List<JsonNode> skipped = skipped(debtId);
    assertThat(skipped.stream().map(c -> c.get("step").asText()))
        .containsExactly("D-3", "D0", "D+1", "D+3", "D+7");
    assertThat(skipped.getFirst().get("detail").asText())
        .contains(
            "o dia da etapa ("
                + today()
                    .minusDays(13)
                    .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                + ") já tinha terminado");
    // and nothing was sent for them
    assertThat(api.contacts(debtId)).noneMatch(c -> c.get("outcome").asText().equals("SENT"));
  }

  private List<JsonNode> skipped(String debtId) {
    return api.contacts(debtId).stream()
        .filter(c -> c.get("outcome").asText().equals("SKIPPED"))
        .toList();
  }
}
