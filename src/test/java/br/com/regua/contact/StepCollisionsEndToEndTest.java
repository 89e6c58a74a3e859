package br.com.regua.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.brazil.Uf;
import br.com.regua.consent.Channel;
import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtRepository;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import br.com.regua.tasks.TaskSkippedWorker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Nothing vanishes (issue 15, item 6), through the API with the real contact policy: an RJ debt due
 * on a Saturday has its D0 postponed to Monday, past D+1's Sunday; the strategy's policy
 * (supersede) skips D0 as superseded by D+1, which goes out on Monday, and the timeline says so in
 * Portuguese. And each decision's worker records it once, however often its job is delivered.
 */
class StepCollisionsEndToEndTest extends IntegrationTest {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Autowired MovedStepWorker movedSteps;
  @Autowired SupersededStepWorker supersededSteps;
  @Autowired MeterRegistry meters;
  @Autowired TaskSkippedWorker skippedTasks;
  @Autowired DebtRepository debts;

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

  @Test
  void anIntensiveDebtRegisteredAfterItsCallsDaysRecordsEachCallNotOpenedAndItsD1Skipped() {
    // given an intensive debt registered 16 days overdue: its D+1 and D+15 calls are past (the
    // strategy has no preventive call for a debt registered after D-5)
    String debtId = TestDebtors.uniqueId("late-calls");
    registerIntensiveDebt(debtId, today().minusDays(16));

    // then no call opens, and the timeline says which were not opened, each once
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !skippedTasks(debtId).isEmpty() && outcomes(debtId, "D+15").size() == 1);
    assertThat(skippedTasks(debtId))
        .containsExactly(
            "Negociação com o devedor não aberta: a jornada chegou depois do dia dela (D+15)");
    // and D+1, whose call had passed, is in the contact log as the e-mail offer skipped
    assertThat(outcomes(debtId, "D+1")).containsExactly("SKIPPED");
    assertThat(api.get("/api/tasks").getBody().findValuesAsText("debtId")).doesNotContain(debtId);
  }

  @Test
  void aCallNotOpenedIsRecordedOnceAndNotAtAllWhenTheDebtAlreadyHadIt() {
    String detail =
        "Negociação com o devedor não aberta: a jornada chegou depois do dia dela (D+15)";
    // a first pass records the call not opened, once however often its job is delivered
    String debtId = TestDebtors.uniqueId("call-skipped");
    assertThat(
            api.post("/api/debts", api.debt(debtId, "300.00", today().plusDays(30)))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    skippedTasks.record(debtId, "Negociação", detail);
    skippedTasks.record(debtId, "Negociação", detail);
    assertThat(skippedTasks(debtId)).containsExactly(detail);

    // a debt whose negotiation was worked gets no such entry when the régua resumes past it
    String worked = TestDebtors.uniqueId("call-worked");
    assertThat(
            api.post("/api/debts", api.debt(worked, "300.00", today().plusDays(30)))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    debts.addEvent(
        worked, DebtEventType.AGENT_TASK_COMPLETED, "Negociação: PROMISED", engine.now());
    skippedTasks.record(worked, "Negociação", detail);
    assertThat(skippedTasks(worked)).isEmpty();
  }

  private List<String> skippedTasks(String debtId) {
    List<String> details = new java.util.ArrayList<>();
    api.get("/api/debts/" + debtId)
        .getBody()
        .get("timeline")
        .forEach(
            e -> {
              if (e.get("type").asText().equals("AGENT_TASK_SKIPPED")) {
                details.add(e.get("detail").asText());
              }
            });
    return details;
  }

  @Test
  void eachDecisionIsRecordedOnceWhateverTheJobsRedeliveries() {
    // given a debt whose own journey stays quiet (due in a month)
    String debtId = TestDebtors.uniqueId("decided");
    LocalDate due = today().plusDays(30);
    assertThat(api.post("/api/debts", api.debt(debtId, "300.00", due)).getStatusCode().value())
        .isEqualTo(201);

    double movedBefore = movedCount();

    // when both decisions' jobs are delivered twice: D+1 moved after D0, D+3 superseded by D+7
    var moved =
        new MovedStepWorker.Input(
            debtId,
            "D+1",
            Channel.EMAIL,
            "extra-day-offer",
            due.plusDays(1),
            due.plusDays(3),
            "D0",
            42);
    movedSteps.record(moved);
    movedSteps.record(moved);
    var superseded =
        new SupersededStepWorker.Input(
            debtId,
            "D+3",
            Channel.WHATSAPP,
            "negotiation-link",
            "D+7",
            due.plusDays(7),
            due.plusDays(8).atTime(9, 0).atZone(SAO_PAULO).toOffsetDateTime().toString());
    supersededSteps.record(superseded);
    supersededSteps.record(superseded);

    // then the timeline has each once, in Portuguese
    assertThat(outcomes(debtId, "D+1")).containsExactly("POSTPONED");
    assertThat(contact(debtId, "D+1", "POSTPONED").get("detail").asText())
        .isEqualTo(
            "D0 saiu em "
                + DAY.format(due.plusDays(2))
                + ", depois do dia desta etapa ("
                + DAY.format(due.plusDays(1))
                + "): as duas saem, esta no próximo dia permitido depois dela; adiada para "
                + DAY.format(due.plusDays(3))
                + " 09:42");
    assertThat(movedCount()).as("postponements by the previous step").isEqualTo(movedBefore + 1);
    assertThat(outcomes(debtId, "D+3")).containsExactly("SKIPPED");
    assertThat(contact(debtId, "D+3", "SKIPPED").get("detail").asText())
        .isEqualTo(
            "substituída por D+7, que sai no lugar dela: adiada para "
                + DAY.format(due.plusDays(8))
                + " 09:00, ela alcançaria o dia de D+7 ("
                + DAY.format(due.plusDays(7))
                + ")");
  }

  private double movedCount() {
    return meters.counter("regua.contact.postponements", "reason", "previous-step").count();
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
