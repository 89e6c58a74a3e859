package br.com.regua.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.support.DeskSession;
import br.com.regua.support.EngineFaults;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestCredentials;
import br.com.regua.support.TestDebtors;
import br.com.regua.support.UserTasks;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** The agents' tasks over HTTP, on a real journey's preventive call. */
class AgentTasksApiTest extends IntegrationTest {

  @org.springframework.boot.test.web.server.LocalServerPort int port;

  @Test
  void anAgentClaimsAndCompletesThePreventiveCallAndTheJourneyMovesOn() {
    // given an intensive debt whose preventive call opened at D-5
    PreventiveCall call = preventiveCall("api-task");
    String debtId = call.debtId();
    LocalDate dueDate = call.dueDate();
    long journey = call.journey();
    String key = call.key();

    // when an agent lists the preventive calls, then the call is queued, unclaimed, due at D-3
    JsonNode listed = find(api.get("/api/tasks?kind=PreventiveCallUserTask"), key);
    assertThat(listed.get("formId").asText()).isEqualTo("preventive-call");
    assertThat(listed.get("state").asText()).isEqualTo("OPEN");
    assertThat(listed.has("assignee")).isFalse();
    assertThat(listed.get("due").asText()).isEqualTo(at(dueDate.minusDays(3), 8, 0).toString());
    // with its debt, so the queue can be triaged at a glance: whose, how much, due when, how late
    JsonNode debt = listed.get("debt");
    assertThat(debt.get("debtId").asText()).isEqualTo(debtId);
    assertThat(debt.get("debtorName").asText()).isEqualTo("Maria da Silva");
    assertThat(debt.get("debtorDocument").asText()).hasSize(11);
    assertThat(debt.get("amount").asText()).isEqualTo("8000.00");
    assertThat(debt.get("openBalance").asText()).isEqualTo("8000.00");
    assertThat(debt.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(debt.get("dueDate").asText()).isEqualTo(dueDate.toString());
    assertThat(debt.get("daysPastDue").asLong()).isEqualTo(-5); // D-5 on the engine's clock
    assertThat(listed.get("overdue").asBoolean()).isFalse(); // its deadline is D-3
    assertThat(keys(api.get("/api/tasks?kind=preventive-call&state=unassigned"))).contains(key);
    JsonNode task = api.get("/api/tasks/" + key).getBody();
    assertThat(task.get("variables").get("debtorName").asText()).isEqualTo("Maria da Silva");
    assertThat(task.get("variables").get("openBalance").asText()).isEqualTo("R$ 8.000,00");
    // with the debtor's history summarised for the form, and when it was read
    JsonNode variables = task.get("variables");
    assertThat(variables.get("debtorDocument").asText()).hasSize(11);
    assertThat(variables.get("historyAsOf").asText()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
    assertThat(variables.get("debtorTotalOpen").asText()).isEqualTo("R$ 8.000,00");
    assertThat(variables.at("/debtorDebts/0/debtId").asText()).isEqualTo(debtId);
    assertThat(variables.at("/debtorDebts/0/status").asText()).isEqualTo("Em cobrança");
    assertThat(variables.get("recentContacts").isArray()).isTrue();
    assertThat(variables.get("promisesBroken").asInt()).isZero();

    // and when Ana claims it, it is hers: Bruno can neither claim nor complete it
    ResponseEntity<JsonNode> claim =
        api.post("/api/tasks/" + key + "/claim", Map.of("assignee", "ana"));
    assertThat(claim.getStatusCode().value()).isEqualTo(200);
    assertThat(claim.getBody().get("assignee").asText()).isEqualTo("ana");
    assertThat(keys(api.get("/api/tasks?state=assigned&assignee=ana"))).contains(key);
    assertThat(keys(api.get("/api/tasks?state=unassigned"))).doesNotContain(key);
    assertThat(
            api.post("/api/tasks/" + key + "/claim", Map.of("assignee", "bruno"))
                .getStatusCode()
                .value())
        .isEqualTo(409);
    ResponseEntity<JsonNode> byBruno =
        api.post(
            "/api/tasks/" + key + "/complete",
            Map.of("assignee", "bruno", "variables", Map.of("callOutcome", "NO_ANSWER")));
    assertThat(byBruno.getStatusCode().value()).isEqualTo(409);
    assertThat(byBruno.getHeaders().getContentType().toString())
        .isEqualTo("application/problem+json");

    // and when Ana records a promise, the task is done and the journey takes the promise
    Map<String, Object> promise =
        Map.of(
            "assignee",
            "ana",
            "variables",
            Map.of(
                "callOutcome",
                "PROMISED",
                "promisedDate",
                dueDate.plusDays(2).toString(),
                "preventiveCallNotes",
                "Recebe o salário dia 5"));
    assertThat(api.post("/api/tasks/" + key + "/complete", promise).getStatusCode().value())
        .isEqualTo(204);
    await().atMost(AWAIT).until(() -> api.status(debtId).equals("PROMISED"));
    assertThat(keys(api.get("/api/tasks"))).doesNotContain(key);
    assertThat(api.get("/api/tasks/" + key).getBody().get("state").asText()).isEqualTo("COMPLETED");

    // then a second completion is a conflict, not a second promise
    ResponseEntity<JsonNode> again = api.post("/api/tasks/" + key + "/complete", promise);
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(again.getHeaders().getContentType().toString())
        .isEqualTo("application/problem+json");
    assertThat(again.getBody().get("detail").asText()).contains("already completed");
  }

  @Test
  void whileTheEngineProcessesNothingAClaimIsUnavailableAndSaysWhenToRetry() throws Exception {
    // given an open preventive call
    String key = preventiveCall("engine-paused").key();

    // when an agent claims it while the engine's stream processor processes nothing
    ResponseEntity<JsonNode> claim;
    try (AutoCloseable paused = EngineFaults.pauseStreamProcessor(engine)) {
      claim = api.post("/api/tasks/" + key + "/claim", Map.of("assignee", "ana"));
    }

    // then the answer is 503 problem+json with Retry-After, not a 500
    assertThat(claim.getStatusCode().value()).isEqualTo(503);
    assertThat(claim.getHeaders().getContentType().toString())
        .isEqualTo("application/problem+json");
    assertThat(claim.getHeaders().getFirst("Retry-After")).isEqualTo("10");
    assertThat(claim.getBody().get("title").asText()).isEqualTo("Service unavailable");
    assertThat(claim.getBody().get("detail").asText())
        .contains("did not answer claiming user task " + key);
    // and the claim the engine held is processed once it processes again: retrying is safe
    await()
        .atMost(AWAIT)
        .until(
            () -> "ana".equals(api.get("/api/tasks/" + key).getBody().path("assignee").asText()));
  }

  @Test
  void anUnknownTaskIsNotFound() {
    assertThat(api.get("/api/tasks/42").getStatusCode().value()).isEqualTo(404);
    ResponseEntity<JsonNode> complete =
        api.post("/api/tasks/42/complete", Map.of("assignee", "ana", "variables", Map.of()));
    assertThat(complete.getStatusCode().value()).isEqualTo(404);
    assertThat(complete.getHeaders().getContentType().toString())
        .isEqualTo("application/problem+json");
    assertThat(api.post("/api/tasks/42/claim", Map.of("assignee", "ana")).getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void aSignedInAgentSeesOnlyTheirTeamsQueueAndWorksInTheirOwnName() {
    // given a preventive call for the candidate group collection-agents (the model's)
    String key = preventiveCall("team-task").key();
    DeskSession ana = DeskSession.signIn(port, TestCredentials.ANA, TestCredentials.ANA_PASSWORD);
    DeskSession bruno =
        DeskSession.signIn(port, TestCredentials.BRUNO, TestCredentials.BRUNO_PASSWORD);
    DeskSession sofia =
        DeskSession.signIn(port, TestCredentials.SOFIA, TestCredentials.SOFIA_PASSWORD);

    // then Bruno, of the legal team, neither sees it in his queue nor opens it
    assertThat(keysOf(bruno.get("/api/tasks"))).doesNotContain(key);
    assertThat(bruno.get("/api/tasks/" + key).statusCode()).isEqualTo(403);
    assertThat(bruno.post("/api/tasks/" + key + "/claim", Map.of()).statusCode()).isEqualTo(403);
    // Ana, of collection-agents, and Sofia, a supervisor, see it
    assertThat(keysOf(ana.get("/api/tasks"))).contains(key);
    assertThat(keysOf(sofia.get("/api/tasks"))).contains(key);

    // Ana cannot claim it in Bruno's name, nor without the CSRF token a forged call lacks
    assertThat(ana.post("/api/tasks/" + key + "/claim", Map.of("assignee", "bruno")).statusCode())
        .isEqualTo(403);
    assertThat(ana.post("/api/tasks/" + key + "/claim", Map.of(), false).statusCode())
        .isEqualTo(403);
    assertThat(api.get("/api/tasks/" + key).getBody().has("assignee")).isFalse();
    // and her claim without a name is in hers
    var claimed = ana.post("/api/tasks/" + key + "/claim", Map.of());
    assertThat(claimed.statusCode()).isEqualTo(200);
    assertThat(DeskSession.json(claimed).get("assignee").asText()).isEqualTo("ana");
    assertThat(ana.post("/api/tasks/" + key + "/unclaim", Map.of()).statusCode()).isEqualTo(200);
  }

  record PreventiveCall(String debtId, LocalDate dueDate, long journey, String key) {}

  /** An intensive debt due in ten days, and the preventive call its journey opens at D-5. */
  private PreventiveCall preventiveCall(String prefix) {
    String debtId = TestDebtors.uniqueId(prefix);
    LocalDate dueDate = today().plusDays(10);
    registerIntensiveDebt(debtId, dueDate);
    long journey = api.journeyKey(debtId);
    moveClockTo(contactAt(debtId, dueDate.minusDays(5)));
    long key = new UserTasks(engine).awaitOpen(journey, "PreventiveCallUserTask").key();
    return new PreventiveCall(debtId, dueDate, journey, Long.toString(key));
  }

  private static List<String> keysOf(java.net.http.HttpResponse<String> queue) {
    assertThat(queue.statusCode()).isEqualTo(200);
    List<String> keys = new java.util.ArrayList<>();
    DeskSession.json(queue).forEach(task -> keys.add(task.get("key").asText()));
    return keys;
  }

  @Test
  void aTaskNobodyWorkedBeforeItsDeadlineSaysSoOnTheTimelineWithWhatTheRéguaDoesInstead() {
    // given a preventive call open since D-5 that no agent takes
    PreventiveCall call = preventiveCall("expired");

    // when its deadline, D-3 at 08:00, passes
    moveClockTo(at(call.dueDate().minusDays(3), 8, 1));

    // then the task is gone from the queue and the timeline says it went unworked, once
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.timelineTypes(call.debtId()).contains("AGENT_TASK_EXPIRED"));
    assertThat(keys(api.get("/api/tasks"))).doesNotContain(call.key());
    List<JsonNode> expired =
        StreamSupport.stream(
                api.get("/api/debts/" + call.debtId()).getBody().get("timeline").spliterator(),
                false)
            .filter(e -> e.get("type").asText().equals("AGENT_TASK_EXPIRED"))
            .toList();
    assertThat(expired).hasSize(1);
    assertThat(expired.getFirst().get("detail").asText())
        .isEqualTo(
            "Ligação preventiva não feita até o prazo (D-3, 08:00): a régua segue com o lembrete"
                + " de D-3 por e-mail");
  }

  @Test
  void aClaimNamesTheAgentAndTheStateFilterIsChecked() {
    assertThat(api.post("/api/tasks/42/claim", Map.of()).getStatusCode().value()).isEqualTo(400);
    assertThat(api.get("/api/tasks?state=sleeping").getStatusCode().value()).isEqualTo(400);
  }

  private static List<String> keys(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return StreamSupport.stream(response.getBody().spliterator(), false)
        .map(task -> task.get("key").asText())
        .toList();
  }

  private static JsonNode find(ResponseEntity<JsonNode> response, String key) {
    assertThat(keys(response)).contains(key);
    return StreamSupport.stream(response.getBody().spliterator(), false)
        .filter(task -> task.get("key").asText().equals(key))
        .findFirst()
        .orElseThrow();
  }
}
