package br.com.regua.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.brazil.Uf;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nothing vanishes (issue 15, item 6), through the API with the real contact policy: an RJ debt due
 * on a Saturday has its D0 postponed to Monday, past D+1's Sunday; the strategy's policy
 * (supersede) skips D0 as superseded by D+1, which goes out on Monday, and the timeline says so in
 * Portuguese.
 */
class StepCollisionsEndToEndTest extends IntegrationTest {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Test
  void anRjDueDayReminderPostponedPastDPlus1IsSupersededAndTheTimelineSaysSo() {
    // given a debtor in RJ (no contacts on Saturdays) with a debt due on a Saturday
    LocalDate saturday = today().plusDays(10);
    while (saturday.getDayOfWeek() != DayOfWeek.SATURDAY
        || !contactWindows.allows(Uf.RJ, at(saturday.minusDays(3), 12, 0))
        || !contactWindows.allows(Uf.RJ, at(saturday.plusDays(2), 12, 0))) {
      saturday = saturday.plusDays(1);
    }
    String debtId = TestDebtors.uniqueId("collision");
    ObjectNode debt = api.debt(debtId, "1000.00", saturday);
    ((ObjectNode) debt.get("debtor")).put("state", "RJ");
    assertThat(api.post("/api/debts", debt).getStatusCode().value()).isEqualTo(201);

    // when the clock reaches Wednesday's D-3, Saturday's contact time, then Monday's
    moveClockTo(afterContactSpread(saturday.minusDays(3)));
    await().atMost(Duration.ofSeconds(30)).until(() -> outcomes(debtId, "D-3").contains("SENT"));
    moveClockTo(contactAt(debtId, saturday));
    await().atMost(Duration.ofSeconds(30)).until(() -> outcomes(debtId, "D0").contains("SKIPPED"));
    moveClockTo(contactAt(debtId, saturday.plusDays(1)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> outcomes(debtId, "D+1").contains("POSTPONED"));
    moveClockTo(afterContactSpread(saturday.plusDays(2)));
    await().atMost(Duration.ofSeconds(30)).until(() -> outcomes(debtId, "D+1").contains("SENT"));

    // then D0 was postponed, then skipped as superseded by D+1, never sent
    assertThat(outcomes(debtId, "D0")).containsExactly("POSTPONED", "SKIPPED");
    JsonNode superseded = contact(debtId, "D0", "SKIPPED");
    assertThat(superseded.get("detail").asText())
        .startsWith("substituída por D+1, que sai no lugar dela: adiada para ")
        .contains(DAY.format(saturday.plusDays(2)) + " 09:00")
        .endsWith("alcançaria o dia de D+1 (" + DAY.format(saturday.plusDays(1)) + ")");
    // and D+1 went out on Monday, the day D0 would have: one contact, not two
    assertThat(api.deliveredSteps(debtId)).containsExactly("D-3", "D+1");
  }

  private List<String> outcomes(String debtId, String step) {
    return api.contacts(debtId).stream()
        .filter(c -> c.get("step").asText().equals(step))
        .map(c -> c.get("outcome").asText())
        .toList();
  }

  private JsonNode contact(String debtId, String step, String outcome) {
    return api.contacts(debtId).stream()
        .filter(c -> c.get("step").asText().equals(step))
        .filter(c -> c.get("outcome").asText().equals(outcome))
        .findFirst()
        .orElseThrow();
  }
}
