package br.com.regua.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, "nothing vanishes": a step the journey skips because its day had ended leaves its entry
 * on the timeline, saying which step, which day and why, and nothing is sent late.
 */
class SkippedStepsEndToEndTest extends IntegrationTest {

  private static final Duration AWAIT = Duration.ofSeconds(30);

  @Test
  void aDebtRegisteredLateSaysOnItsTimelineWhichStepsItSkippedAndWhy() {
    // given a debt registered ten days after its due date
    String debtId = TestDebtors.uniqueId("skipped");
    LocalDate due = today().minusDays(10);
    assertThat(api.post("/api/debts", api.debt(debtId, "1000.00", due)).getStatusCode().value())
        .isEqualTo(201);

    // then its timeline lists the five steps whose days had passed, each once, and none was sent
    await().atMost(AWAIT).until(() -> skipped(debtId).size() == 5);
    List<String> skipped = skipped(debtId);
    assertThat(skipped.get(0))
        .isEqualTo(
            "Etapa D-3 de "
                + due.minusDays(3)
                    .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                + " pulada: a dívida foi registrada depois do dia da etapa; nada é enviado em"
                + " atraso");
    assertThat(skipped)
        .extracting(detail -> detail.split(" ")[1])
        .containsExactly("D-3", "D0", "D+1", "D+3", "D+7");
    assertThat(api.deliveredSteps(debtId)).isEmpty();
  }

  private List<String> skipped(String debtId) {
    List<String> details = new ArrayList<>();
    for (JsonNode entry : api.get("/api/debts/" + debtId).getBody().get("timeline")) {
      if (entry.get("type").asText().equals("STEP_SKIPPED")) {
        details.add(entry.get("detail").asText());
      }
    }
    return details;
  }
}
