package br.com.regua.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import br.com.regua.support.UserTasks;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The events integrations send (promises, disputes, agreements, email opened, portal visits),
 * through the REST API to the running journey and back in the debt's status and timeline: each
 * endpoint idempotent by its id, with clear errors for what a debt cannot take.
 */
class JourneyEventsEndToEndTest extends IntegrationTest {

  /** Reactions to events go out at once: the tests send events during contact hours. */
  @org.junit.jupiter.api.BeforeEach
  void duringContactHours() {
    moveToContactHours();
  }

  @Test
  void aPromiseSuspendsTheRéguaAndABrokenOneResumesIt() {
    // given an overdue standard debt whose strategy allows promises up to 15 days ahead
    String debtId = registerOverdue("e2e-promise", 4);
    LocalDate promisedDate = today().plusDays(5);

    // when the debtor promises to pay
    ResponseEntity<JsonNode> promised =
        api.post(
            "/api/debts/" + debtId + "/promises",
            Map.of("promiseId", "p-" + debtId, "promisedDate", promisedDate.toString()));

    // then the debt is PROMISED at once, an encouraging email goes out, and the same promise again
    // is accepted without a second one
    assertThat(promised.getStatusCode().value()).isEqualTo(201);
    assertThat(promised.getBody().get("status").asText()).isEqualTo("ACTIVE");
    assertThat(api.status(debtId)).isEqualTo("PROMISED");
    await().atMost(AWAIT).until(() -> api.contactSteps(debtId).contains("Promessa p-" + debtId));
    assertThat(
            api.post(
                    "/api/debts/" + debtId + "/promises",
                    Map.of("promiseId", "p-" + debtId, "promisedDate", promisedDate.toString()))
                .getStatusCode()
                .value())
        .isEqualTo(200);

    // a second, different promise while one is pending is a conflict
    ResponseEntity<JsonNode> second =
        api.post(
            "/api/debts/" + debtId + "/promises",
            Map.of("promiseId", "other-" + debtId, "promisedDate", promisedDate.toString()));
    assertThat(second.getStatusCode().value()).isEqualTo(409);

    // when the promised date and the grace pass unpaid
    advance(Duration.ofDays(8));

    // then the promise is broken and the debt is active again
    await().atMost(AWAIT).until(() -> api.status(debtId).equals("ACTIVE"));
    assertThat(api.timelineTypes(debtId)).containsSubsequence("PROMISE_MADE", "PROMISE_BROKEN");
  }

  @Test
  void aPromiseBeyondTheStrategysHorizonIsA422NamingTheDate() {
    String debtId = registerOverdue("e2e-far-promise", 4);

    ResponseEntity<JsonNode> refused =
        api.post(
            "/api/debts/" + debtId + "/promises",
            Map.of("promiseId", "far-" + debtId, "promisedDate", today().plusDays(40).toString()));

    assertThat(refused.getStatusCode().value()).isEqualTo(422);
    assertThat(refused.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(refused.getBody().at("/errors/0/field").asText()).isEqualTo("promisedDate");
    assertThat(refused.getBody().at("/errors/0/message").asText()).contains("15 days");
    assertThat(api.status(debtId)).isEqualTo("ACTIVE");
  }

  @Test
  void badEventRequestsAreA400NamingTheField() {
    String debtId = registerOverdue("e2e-bad-events", 1);

    ResponseEntity<JsonNode> noDate =
        api.post("/api/debts/" + debtId + "/promises", Map.of("promiseId", "x-" + debtId));
    ResponseEntity<JsonNode> badResolution =
        api.post(
            "/api/debts/" + debtId + "/disputes/d1/resolution",
            Map.of("resolution", "MAYBE", "notes", "?"));
    ResponseEntity<JsonNode> noFlags =
        api.post(
            "/api/events/portal-visits",
            Map.of(
                "eventId", "v-" + debtId, "debtId", debtId, "visitedAt", "2026-11-23T10:00:00Z"));

    assertThat(noDate.getStatusCode().value()).isEqualTo(400);
    assertThat(noDate.getBody().at("/errors/0/field").asText()).isEqualTo("promisedDate");
    assertThat(badResolution.getStatusCode().value()).isEqualTo(400);
    assertThat(badResolution.getBody().at("/errors/0/field").asText()).isEqualTo("resolution");
    assertThat(noFlags.getStatusCode().value()).isEqualTo(400);
    assertThat(noFlags.getBody().findValuesAsText("field"))
        .contains("downloadedBoleto", "startedRenegotiation");
    assertThat(
            api.post(
                    "/api/debts/unknown-debt/promises",
                    Map.of("promiseId", "u1", "promisedDate", today().toString()))
                .getStatusCode()
                .value())
        .isEqualTo(404);
  }

  @Test
  void aDisputePausesContactsUntilResolvedThenCollectionResumes() {
    // given an overdue debt
    String debtId = registerOverdue("e2e-dispute", 4);

    // when the debtor disputes it
    ResponseEntity<JsonNode> opened =
        api.post(
            "/api/debts/" + debtId + "/disputes",
            Map.of("disputeId", "c-" + debtId, "reason", "Não reconheço esta compra"));

    // then it is DISPUTED at once; no contact is made, not even at D+7
    assertThat(opened.getStatusCode().value()).isEqualTo(201);
    assertThat(api.status(debtId)).isEqualTo("DISPUTED");
    int contactsBefore = api.contactSteps(debtId).size();
    advance(Duration.ofDays(5));
    assertThat(api.contactSteps(debtId)).hasSize(contactsBefore);
    assertThat(
            api.post(
                    "/api/debts/" + debtId + "/promises",
                    Map.of("promiseId", "p-" + debtId, "promisedDate", today().toString()))
                .getStatusCode()
                .value())
        .as("no promise while disputed")
        .isEqualTo(409);

    // when the back office finds the dispute unfounded
    ResponseEntity<JsonNode> resolved =
        api.post(
            "/api/debts/" + debtId + "/disputes/c-" + debtId + "/resolution",
            Map.of("resolution", "RESUME", "notes", "Compra confirmada"));

    // then collection resumes where it stood
    assertThat(resolved.getStatusCode().value()).isEqualTo(202);
    assertThat(resolved.getBody().get("status").asText()).isEqualTo("RESUMED");
    assertThat(resolved.getBody().get("resolutionNotes").asText()).isEqualTo("Compra confirmada");
    assertThat(resolved.getBody().get("resolvedAt").isTextual()).isTrue();
    await().atMost(AWAIT).until(() -> api.status(debtId).equals("ACTIVE"));
    assertThat(api.timelineTypes(debtId)).containsSubsequence("DISPUTE_OPENED", "DISPUTE_RESOLVED");
  }

  @Test
  void aFoundedDisputeCancelsTheDebt() {
    String debtId = registerOverdue("e2e-cancel", 4);
    api.post(
        "/api/debts/" + debtId + "/disputes",
        Map.of("disputeId", "c-" + debtId, "reason", "Cobrança em duplicidade"));

    api.post(
        "/api/debts/" + debtId + "/disputes/c-" + debtId + "/resolution",
        Map.of("resolution", "CANCEL", "notes", "Duplicidade confirmada"));

    await().atMost(AWAIT).until(() -> api.status(debtId).equals("CANCELLED"));
    await().atMost(AWAIT).until(() -> journeyEnded(debtId));
  }

  @Test
  void anAgreementEndsTheJourneyRenegotiatedAndNothingFollows() {
    String debtId = registerOverdue("e2e-agreement", 4);
    // the steps whose day had ended, D-3 to D+3, are recorded skipped before the régua waits
    await().atMost(AWAIT).until(() -> api.contactSteps(debtId).contains("D+3"));
    int contactsBefore = api.contactSteps(debtId).size();
    String offerId =
        api.get("/api/debts/" + debtId + "/offers").getBody().at("/offers/1/offerId").asText();

    ResponseEntity<JsonNode> signed =
        api.post(
            "/api/debts/" + debtId + "/agreements",
            Map.of(
                "agreementId",
                "a-" + debtId,
                "offerId",
                offerId,
                "signedAt",
                "2026-11-23T10:00:00Z"));

    assertThat(signed.getStatusCode().value()).isEqualTo(201);
    assertThat(api.status(debtId)).isEqualTo("RENEGOTIATED");
    await().atMost(AWAIT).until(() -> journeyEnded(debtId));
    advance(Duration.ofDays(2));
    // the agreement's own installment reminders are logged under the debt; the régua's are over
    assertThat(api.contactSteps(debtId).stream().filter(step -> !step.startsWith("Acordo ")))
        .hasSize(contactsBefore);
    assertThat(
            api.post(
                    "/api/debts/" + debtId + "/agreements",
                    Map.of(
                        "agreementId",
                        "a-" + debtId,
                        "offerId",
                        offerId,
                        "signedAt",
                        "2026-11-24T10:00:00Z"))
                .getStatusCode()
                .value())
        .as("same id, other content")
        .isEqualTo(409);
  }

  @Test
  void openingTheEmailTwiceGivesOneFollowUpOnAnotherChannel() {
    String debtId = registerOverdue("e2e-opened", 4);

    for (String eventId : List.of("o1-" + debtId, "o2-" + debtId, "o1-" + debtId)) {
      ResponseEntity<JsonNode> response =
          api.post(
              "/api/events/email-opened",
              Map.of("eventId", eventId, "debtId", debtId, "openedAt", "2026-11-23T10:00:00Z"));
      assertThat(response.getStatusCode().is2xxSuccessful()).isTrue();
    }
    advance(Duration.ofHours(49));
    moveToContactHours(); // a follow-up due at night waits for the morning

    await()
        .atMost(AWAIT)
        .until(
            () ->
                api.deliveredSteps(debtId).stream()
                    .anyMatch(s -> s.startsWith("Acompanhamento email-opened após")));
    engine.awaitIdle(Duration.ofSeconds(2));
    assertThat(
            api.deliveredSteps(debtId).stream()
                .filter(s -> s.startsWith("Acompanhamento email-opened após")))
        .hasSize(1);
    assertThat(api.timelineTypes(debtId).stream().filter("EMAIL_OPENED"::equals)).hasSize(2);
  }

  @Test
  void aPortalVisitWithoutActionGetsTheDiscountIncentive() {
    String debtId = registerOverdue("e2e-portal", 4);

    ResponseEntity<JsonNode> visit =
        api.post(
            "/api/events/portal-visits",
            Map.of(
                "eventId",
                "v-" + debtId,
                "debtId",
                debtId,
                "visitedAt",
                "2026-11-23T10:00:00Z",
                "downloadedBoleto",
                false,
                "startedRenegotiation",
                false));
    advance(Duration.ofHours(5));
    moveToContactHours();

    assertThat(visit.getStatusCode().value()).isEqualTo(201);
    await()
        .atMost(AWAIT)
        .until(
            () ->
                api.deliveredSteps(debtId).stream()
                    .anyMatch(s -> s.startsWith("Acompanhamento portal-visit após")));
  }

  @Test
  void aPromiseTakenOnThePreventiveCallSuspendsTheRéguaAndTheCallIsOnTheTimeline() {
    // given a high-value debt of a debtor with late payments, due in ten days: intensive strategy
    String debtId = TestDebtors.uniqueId("e2e-call");
    LocalDate dueDate = today().plusDays(10);
    registerIntensiveDebt(debtId, dueDate);
    long journey = api.journeyKey(debtId);

    // when the preventive call opens at D-5 and the agent records a promise for D+2
    moveClockTo(contactAt(debtId, dueDate.minusDays(5)));
    UserTasks agents = new UserTasks(engine);
    UserTasks.UserTask call = agents.awaitOpen(journey, "PreventiveCallUserTask");
    assertThat(call.variables())
        .containsEntry("debtorName", "Maria da Silva")
        .containsEntry("strategyName", "intensive")
        .containsEntry("openBalance", "R$ 8.000,00");
    agents.complete(
        call.key(),
        Map.of(
            "callOutcome",
            "PROMISED",
            "promisedDate",
            dueDate.plusDays(2).toString(),
            "preventiveCallNotes",
            "Recebe o salário dia 5"));

    // then the call is on the timeline, the promise is registered and the régua pauses
    await().atMost(AWAIT).until(() -> api.status(debtId).equals("PROMISED"));
    await()
        .atMost(AWAIT)
        .until(() -> api.contactSteps(debtId).stream().anyMatch(s -> s.startsWith("Promessa")));
    JsonNode timeline = api.get("/api/debts/" + debtId).getBody().get("timeline");
    assertThat(
            timeline.findParents("type").stream()
                .filter(e -> e.get("type").asText().equals("AGENT_TASK_COMPLETED"))
                .map(e -> e.get("detail").asText()))
        .containsExactly(
            "Ligação preventiva: PROMISED; data prometida "
                + dueDate.plusDays(2)
                + "; observações Recebe o salário dia 5");
    advance(Duration.ofDays(6));
    assertThat(api.contactSteps(debtId)).noneMatch(s -> s.equals("D-3") || s.equals("D0"));
  }

  /** Registers a debt {@code days} overdue and waits until its strategy is decided. */
  private String registerOverdue(String prefix, int days) {
    String debtId = TestDebtors.uniqueId(prefix);
    var body = api.debt(debtId, "1000.00", today().minusDays(days));
    assertThat(api.post("/api/debts", body).getStatusCode().value()).isEqualTo(201);
    await().atMost(AWAIT).until(() -> api.timelineTypes(debtId).contains("STRATEGY_DECIDED"));
    return debtId;
  }
}
