package br.com.regua.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import br.com.regua.support.BrowserScripts;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestCredentials;
import br.com.regua.support.TestDebtors;
import br.com.regua.support.UserTasks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The agent desk in a real browser: headless Chromium (Debian's {@code chromium}) driven by {@code
 * desk/test/desk-browser.mjs} (playwright-core, installed by the build's {@code npm ci}) against
 * this test's service. The agent opens the desk, finds the task in the queue, claims it, fills its
 * Camunda Form as form-js renders it and submits; this test checks the journey moved on. Skipped,
 * saying why, when node, the desk's npm packages or Chromium are missing. Screenshots land in
 * {@code target/desk/}.
 */
class AgentDeskBrowserTest extends IntegrationTest {

  private static final Path SCREENSHOTS = Path.of("target", "desk");

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  @BeforeAll
  static void browserAvailable() {
    assumeTrue(
        Files.isExecutable(BrowserScripts.CHROMIUM),
        "no Chromium at "
            + BrowserScripts.CHROMIUM
            + ": apt-get install chromium (or set REGUA_CHROMIUM)");
    assumeTrue(
        BrowserScripts.nodeRuns(),
        "no node on the PATH: the desk's browser test needs Node.js 20+");
    assumeTrue(
        Files.isDirectory(BrowserScripts.DESK.resolve("node_modules/playwright-core")),
        "desk/node_modules has no playwright-core: the build's npm ci did not run (-Ddesk.skip?)");
    assumeTrue(
        Files.exists(Path.of("target/classes/static/desk/index.html")),
        "the desk is not bundled into target/classes/static/desk (-Ddesk.skip?)");
  }

  @Test
  void anAgentClaimsThePreventiveCallOnTheDeskFillsItsFormAndTheJourneyTakesThePromise()
      throws Exception {
    // given an intensive debt of a company with an alphanumeric CNPJ, whose preventive call
    // opened at D-5
    String debtId = TestDebtors.uniqueId("desk-call");
    LocalDate dueDate = today().plusDays(10);
    String cnpj = TestDebtors.alphanumericCnpj();
    var body = registerIntensiveDebt(debtId, dueDate, cnpj);
    // and an older debt of the same debtor, partly paid, whose reminders went out meanwhile
    String olderDebtId = TestDebtors.uniqueId("desk-older");
    var older = api.debt(olderDebtId, "1200.00", today().plusDays(3));
    older.set("debtor", body.get("debtor"));
    assertThat(api.post("/api/debts", older).getStatusCode().value()).isEqualTo(201);
    assertThat(
            api.post(
                    "/api/debts/" + olderDebtId + "/payments",
                    api.payment("PIX-" + olderDebtId, "200.00", engine.now().toString()))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    moveClockTo(contactAt(debtId, dueDate.minusDays(5)));
    String key = openTask(debtId, "PreventiveCallUserTask");
    LocalDate promisedDate = dueDate.plusDays(2);

    // when an agent works it on the desk: a promise with its date and a note
    Map<String, Object> preventiveCall =
        task(
            key,
            "preventive-call",
            ordered(
                "callOutcome", "PROMISED",
                "promisedDate", promisedDate.toString(),
                "preventiveCallNotes", "Recebe o salário dia 5"),
            false,
            "preventive-call.png",
            // the CNPJ as people write it: 12.ABC.345/01DE-35
            List.of("Dívidas (2)", debtId, olderDebtId, TestDebtors.formatted(cnpj)));
    // the queue item says whose debt it is, how much, and when it falls due, before it is opened
    preventiveCall.put(
        "expectQueue",
        List.of(
            body.at("/debtor/name").asText(),
            "8.000,00",
            "Em cobrança",
            "vence em 5 dias",
            debtId,
            "Ligação preventiva"));
    // and the form names the strategy in Portuguese, not the decision table's id
    preventiveCall.put("expectForm", List.of("Estratégia: intensiva"));
    // and a supervisor finds the KPI page from the desk, its period ending on the engine's date
    String output =
        runDesk(
            List.of(preventiveCall),
            Map.of(
                "username",
                TestCredentials.SOFIA,
                "password",
                TestCredentials.SOFIA_PASSWORD,
                "today",
                today().toString()));

    // then the task is completed with the form's values and the journey took the promise
    assertThat(output)
        .contains("completed preventive-call " + key)
        .contains("supervisor at 1280 px: KPI page for " + today().minusDays(89) + " to " + today())
        .contains("agent refused the KPI page with the refusal page")
        // every page checked by axe-core, the open task's tables measured at both widths
        .contains(
            "axe sign-in: 0 serious/critical",
            "axe desk overview: 0 serious/critical",
            "axe desk with preventive-call open: 0 serious/critical",
            "axe refusal page: 0 serious/critical",
            "axe KPI page at 1280 px: 0 serious/critical",
            "axe KPI page at 390 px: 0 serious/critical",
            "overflow preventive-call form and history at 1280 px: none",
            "overflow preventive-call form and history at 1440 px: none");
    assertThat(SCREENSHOTS.resolve("kpis-1280.png")).exists();
    JsonNode done = api.get("/api/tasks/" + key).getBody();
    assertThat(done.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(done.get("assignee").asText()).isEqualTo(TestCredentials.ANA);
    assertThat(done.get("variables").get("callOutcome").asText()).isEqualTo("PROMISED");
    assertThat(done.get("variables").get("promisedDate").asText())
        .isEqualTo(promisedDate.toString());
    await().atMost(AWAIT).until(() -> api.status(debtId).equals("PROMISED"));
    await().atMost(AWAIT).until(() -> agentOutcome(debtId) != null);
    assertThat(agentOutcome(debtId))
        .contains("Ligação preventiva: PROMISED")
        .contains("data prometida " + promisedDate)
        .contains("Recebe o salário dia 5");
    assertThat(SCREENSHOTS.resolve("preventive-call.png")).exists();
  }

  @Test
  void everyOtherFormOfTheJourneyRendersAndSubmitsFromTheDesk() throws Exception {
    // given, on one day, a D+1 call, a D+15 negotiation and a dispute review waiting for agents
    LocalDate day = dueDateWithContactDays(today().plusDays(2), 0, -1);
    String extraDay = registerIntensive("desk-d1", day.minusDays(1));
    String negotiation = registerIntensive("desk-d15", day.minusDays(15));
    String disputed = registerIntensive("desk-disp", today().plusDays(20));
    assertThat(
            api.post(
                    "/api/debts/" + disputed + "/disputes",
                    Map.of("disputeId", "c-" + disputed, "reason", "Não reconheço a compra"))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    moveClockTo(afterContactSpread(day)); // past every debt's minute (09:00 to 11:59)
    String extraDayKey = openTask(extraDay, "ExtraDayCallUserTask");
    String negotiationKey = openTask(negotiation, "NegotiationCallUserTask");
    String reviewKey = openTask(disputed, "DisputeReviewUserTask");

    // when an agent works the three on the desk, another agent taking the negotiation meanwhile
    Map<String, Object> offer =
        ordered(
            "negotiationOutcome",
            "REFUSED",
            "offeredDiscountPercent",
            10,
            "offeredInstallments",
            6,
            "negotiationNotes",
            "Pediu para ligar mês que vem");
    Map<String, Object> extraDayCall =
        task(
            extraDayKey,
            "extra-day-call",
            ordered("extraDayOutcome", "DECLINED", "extraDayCallNotes", "Sem dinheiro"),
            false,
            "extra-day-call.png");
    // the queue says how late each debt is, on the engine's clock
    extraDayCall.put("expectQueue", List.of("Ligação D+1", "1 dia em atraso"));
    Map<String, Object> negotiationCall =
        task(negotiationKey, "negotiation-call", offer, true, "negotiation-call.png");
    negotiationCall.put("expectQueue", List.of("Negociação", "15 dias em atraso"));
    String output =
        runDesk(
            List.of(
                extraDayCall,
                negotiationCall,
                task(
                    reviewKey,
                    "dispute-review",
                    ordered(
                        "disputeResolution",
                        "RESUME",
                        "resolutionNotes",
                        "Compra confirmada pela nota fiscal"),
                    false,
                    "dispute-review.png")));

    // then the second agent's claim was refused on the page with the 409, and each journey moved
    assertThat(output).contains("conflict shown on " + negotiationKey).contains("Conflito");
    for (String key : List.of(extraDayKey, negotiationKey, reviewKey)) {
      assertThat(api.get("/api/tasks/" + key).getBody().get("state").asText())
          .isEqualTo("COMPLETED");
    }
    await().atMost(AWAIT).until(() -> agentOutcome(extraDay) != null);
    assertThat(agentOutcome(extraDay)).contains("Ligação D+1: DECLINED", "Sem dinheiro");
    await().atMost(AWAIT).until(() -> agentOutcome(negotiation) != null);
    assertThat(agentOutcome(negotiation))
        .contains(
            "Negociação: REFUSED",
            "desconto oferecido (%) 10",
            "parcelas oferecidas 6",
            "Pediu para ligar mês que vem");
    await().atMost(AWAIT).until(() -> api.status(disputed).equals("ACTIVE"));
    assertThat(agentOutcome(disputed))
        .contains("Análise de contestação: RESUME", "Compra confirmada pela nota fiscal");
  }

  private String registerIntensive(String prefix, LocalDate dueDate) {
    String debtId = TestDebtors.uniqueId(prefix);
    registerIntensiveDebt(debtId, dueDate);
    return debtId;
  }

  private String openTask(String debtId, String elementId) {
    return Long.toString(new UserTasks(engine).awaitOpen(api.journeyKey(debtId), elementId).key());
  }

  /** The detail of the debt's AGENT_TASK_COMPLETED timeline entry, or null. */
  private String agentOutcome(String debtId) {
    for (JsonNode entry : api.get("/api/debts/" + debtId).getBody().get("timeline")) {
      if (entry.get("type").asText().equals("AGENT_TASK_COMPLETED")) {
        return entry.get("detail").asText();
      }
    }
    return null;
  }

  /** The form's values in the order an agent fills them: a field may show only after another. */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return values;
  }

  private static Map<String, Object> task(
      String key, String formId, Map<String, Object> values, boolean conflict, String screenshot) {
    return task(key, formId, values, conflict, screenshot, List.of());
  }

  private static Map<String, Object> task(
      String key,
      String formId,
      Map<String, Object> values,
      boolean conflict,
      String screenshot,
      List<String> expectHistory) {
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("expectHistory", expectHistory);
    task.put("key", key);
    task.put("formId", formId);
    task.put("values", values);
    task.put("conflict", conflict);
    task.put("screenshot", screenshot);
    return task;
  }

  /** Runs the browser script on the tasks; fails with its output unless every task completed. */
  private String runDesk(List<Map<String, Object>> tasks) throws IOException, InterruptedException {
    return runDesk(tasks, null);
  }

  private String runDesk(List<Map<String, Object>> tasks, Map<String, Object> supervisor)
      throws IOException, InterruptedException {
    Map<String, Object> scenario = new LinkedHashMap<>();
    scenario.put("baseUrl", "http://localhost:" + port);
    scenario.put("username", TestCredentials.ANA);
    scenario.put("password", TestCredentials.ANA_PASSWORD);
    scenario.put("apiKey", TestCredentials.AGENT_TOOL_KEY);
    scenario.put("tasks", tasks);
    if (supervisor != null) {
      scenario.put("supervisor", supervisor);
    }
    return BrowserScripts.run(
        json,
        "desk-browser.mjs",
        scenario,
        SCREENSHOTS,
        Duration.ofSeconds(180),
        "the desk's browser script");
  }
}
