package br.com.regua.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * Holds on a debtor through the REST API, on the application's engine and workers: while one stands
 * nothing reaches the debtor on any of their debts and nothing firm happens; lifting it resumes the
 * régua; a death ends the journeys.
 */
class DebtorHoldEndToEndTest extends IntegrationTest {

  @BeforeEach
  void duringContactHours() {
    moveToContactHours();
  }

  @Test
  void aHeldStepWaitsAndGoesOutRightAfterTheLifting() {
    // given a debt whose D-3 reminder went out
    LocalDate due = dueDateWithContactDays(today().plusDays(5), -3, 0);
    String debtId = register("hold-lift", due, null);
    String document = document(debtId);
    moveClockTo(afterContactSpread(due.minusDays(3)));
    await().atMost(AWAIT).until(() -> api.deliveredSteps(debtId).contains("D-3"));

    // when an over-indebtedness renegotiation is reported (twice: the same answer)
    Map<String, Object> hold = hold("H-" + debtId, "OVER_INDEBTEDNESS");
    ResponseEntity<JsonNode> placed = api.post(holds(document), hold);
    ResponseEntity<JsonNode> again = api.post(holds(document), hold);

    // then it is stored once, and the due day's reminder waits on it: logged HELD, not sent
    assertThat(placed.getStatusCode().value()).isEqualTo(201);
    assertThat(placed.getBody().get("kind").asText()).isEqualTo("OVER_INDEBTEDNESS");
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getBody()).isEqualTo(placed.getBody());
    // and agents see it first in the debtor's history, as the desk shows it beside a task
    JsonNode history = api.get("/api/debtors/" + document + "/history").getBody();
    assertThat(history.at("/holds/0/holdId").asText()).isEqualTo("H-" + debtId);
    assertThat(history.at("/holds/0/liftedAt").isNull()).isTrue();
    moveClockTo(afterContactSpread(due));
    await().atMost(AWAIT).until(() -> outcomes(debtId, "D0").contains("HELD"));
    assertThat(api.deliveredSteps(debtId)).containsExactly("D-3");
    assertThat(held(debtId, "D0").get("detail").asText()).startsWith("held: Suspensão H-");

    // when the hold is lifted the same day (the clock does not move)
    ResponseEntity<JsonNode> lifted =
        api.post(lifting(document, "H-" + debtId), Map.of("reason", "Plano homologado"));

    // then the reminder goes out at once, and the timeline tells the story in order
    assertThat(lifted.getStatusCode().value()).isEqualTo(200);
    assertThat(lifted.getBody().get("liftedAt").isNull()).isFalse();
    await().atMost(AWAIT).until(() -> api.deliveredSteps(debtId).contains("D0"));
    assertThat(api.timelineTypes(debtId))
        .containsSubsequence("HOLD_PLACED", "CONTACT", "HOLD_LIFTED", "CONTACT");
    assertThat(
            api.post(lifting(document, "H-" + debtId), Map.of("reason", "Plano homologado"))
                .getStatusCode()
                .value())
        .isEqualTo(200);
    assertThat(
            api.post(lifting(document, "H-" + debtId), Map.of("reason", "outro motivo"))
                .getStatusCode()
                .value())
        .isEqualTo(409);
  }

  @Test
  void aHoldOverSeveralStepsSendsNothingAndTheRéguaResumesAtTheDebtsAge() {
    // given a debt 4 days overdue with an active promise: its encouragement went out
    LocalDate due = dueDateWithContactDays(today().minusDays(4), 7, 15);
    String debtId = register("hold-promise", due, null);
    String document = document(debtId);
    ResponseEntity<JsonNode> promised =
        api.post(
            "/api/debts/" + debtId + "/promises",
            Map.of("promiseId", "p-" + debtId, "promisedDate", due.plusDays(5).toString()));
    assertThat(promised.getStatusCode().value()).isEqualTo(201);
    await().atMost(AWAIT).until(() -> api.deliveredSteps(debtId).contains("Promessa p-" + debtId));
    int deliveredBefore = api.deliveredSteps(debtId).size();

    // when a court orders collection stopped while the promise stands, and the promise breaks
    // (promised date + 2 days: D+7, when the régua resumes)
    assertThat(api.post(holds(document), hold("J-" + debtId, "LEGAL")).getStatusCode().value())
        .isEqualTo(201);
    moveClockTo(afterContactSpread(due.plusDays(7)));
    await().atMost(AWAIT).until(() -> api.timelineTypes(debtId).contains("PROMISE_BROKEN"));

    // then the resumed régua's D+7 waits on the hold; nothing reaches the debtor
    await().atMost(AWAIT).until(() -> outcomes(debtId, "D+7").contains("HELD"));
    assertThat(api.deliveredSteps(debtId)).hasSize(deliveredBefore);

    // when the order falls two days later
    moveClockTo(afterContactSpread(due.plusDays(10)));
    assertThat(
            api.post(lifting(document, "J-" + debtId), Map.of("reason", "Liminar revogada"))
                .getStatusCode()
                .value())
        .isEqualTo(200);

    // then the D+7 reminder, whose day ended during the hold, is not sent late: it is recorded as
    // superseded, and the régua goes on to D+15 on its day
    await().atMost(AWAIT).until(() -> outcomes(debtId, "D+7").contains("SUPPRESSED"));
    assertThat(api.deliveredSteps(debtId)).hasSize(deliveredBefore);
    moveClockTo(afterContactSpread(due.plusDays(15)));
    await().atMost(AWAIT).until(() -> api.deliveredSteps(debtId).contains("D+15"));
    assertThat(api.deliveredSteps(debtId)).doesNotContain("D+7");
  }

  @Test
  void aDeathEndsEveryJourneyOfTheDebtorWithNoContactAfter() {
    // given a debtor with two debts
    String first = register("hold-death-a", today().minusDays(2), null);
    String document = document(first);
    String second = register("hold-death-b", today().plusDays(10), document);

    // when the death is reported (a punctuated CPF in the path)
    ResponseEntity<JsonNode> placed =
        api.post(
            "/api/debtors/" + TestDebtors.formatted(document) + "/holds",
            hold("obito-" + first, "DECEASED"));

    // then both journeys end on their own end, handed off to the estate's collection
    assertThat(placed.getStatusCode().value()).isEqualTo(201);
    for (String debtId : List.of(first, second)) {
      await().atMost(AWAIT).until(() -> api.status(debtId).equals("HANDED_OFF"));
      await().atMost(AWAIT).until(() -> journeyEnded(debtId));
      assertThat(api.timelineTypes(debtId)).containsSubsequence("HOLD_PLACED", "HANDED_OFF");
    }
    int delivered = api.deliveredSteps(first).size() + api.deliveredSteps(second).size();
    advance(Duration.ofDays(12));
    moveToContactHours();
    assertThat(api.deliveredSteps(first).size() + api.deliveredSteps(second).size())
        .isEqualTo(delivered);

    // and a debt registered after the death ends at once, saying why
    // (its journey may end before it decides a strategy: the death reaches it at its start)
    String later = register("hold-death-c", today().plusDays(20), document, "JOURNEY_STARTED");
    await().atMost(AWAIT).until(() -> api.status(later).equals("HANDED_OFF"));
    assertThat(api.timelineTypes(later)).containsSubsequence("HOLD_PLACED", "HANDED_OFF");
    assertThat(api.deliveredSteps(later)).isEmpty();

    // and a death is not lifted
    ResponseEntity<JsonNode> lift =
        api.post(lifting(document, "obito-" + first), Map.of("reason", "engano"));
    assertThat(lift.getStatusCode().value()).isEqualTo(409);
    assertThat(lift.getBody().at("/errors/0/field").asText()).isEqualTo("holdId");
  }

  @Test
  void anAgreementsInstallmentsWaitOnAHoldAndTheAgreementIsNotBrokenWhileItStands() {
    // given a debt renegotiated in two installments
    String debtId = register("hold-agreement", today().minusDays(5), null);
    String document = document(debtId);
    LocalDate firstDue = dueDateWithContactDays(today().plusDays(4), -3, 0, 3);
    String agreementId = "acordo-" + debtId;
    assertThat(
            api.post("/api/debts/" + debtId + "/agreements", deal(agreementId, 2, "5", firstDue))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    await().atMost(AWAIT).until(() -> api.status(debtId).equals("RENEGOTIATED"));
    int deliveredBefore = api.deliveredSteps(debtId).size();

    // when a legal hold is placed and the first installment goes unpaid past its 10 days
    assertThat(api.post(holds(document), hold("L-" + debtId, "LEGAL")).getStatusCode().value())
        .isEqualTo(201);
    moveClockTo(at(firstDue.plusDays(12), 9, 5));
    moveToContactHours();

    // then no installment reminder went out and the agreement stands
    await()
        .atMost(AWAIT)
        .until(
            () ->
                api.contacts(debtId).stream()
                    .anyMatch(c -> c.get("outcome").asText().equals("HELD")));
    assertThat(api.deliveredSteps(debtId)).hasSize(deliveredBefore);
    assertThat(agreementStatus(agreementId)).isEqualTo("ACTIVE");

    // when the hold is lifted, the late installment's wait is over: the agreement breaks
    assertThat(
            api.post(lifting(document, "L-" + debtId), Map.of("reason", "Ordem cumprida"))
                .getStatusCode()
                .value())
        .isEqualTo(200);
    await().atMost(AWAIT).until(() -> agreementStatus(agreementId).equals("BROKEN"));
  }

  @Test
  void offersKeepTheExistentialMinimumOfAnOverIndebtedDebtorAndOtherHoldsAllowNone() {
    // given an over-indebted debtor whose plan leaves R$ 300,00 a month for this creditor
    String debtId = register("hold-offers", today().minusDays(30), null);
    Map<String, Object> plan = new HashMap<>(hold("S-" + debtId, "OVER_INDEBTEDNESS"));
    plan.put("maxInstallmentAmount", "300.00");
    assertThat(api.post(holds(document(debtId)), plan).getStatusCode().value()).isEqualTo(201);

    // when the offers are asked for
    JsonNode offers = api.get("/api/debts/" + debtId + "/offers").getBody();

    // then only installment plans within R$ 300,00 are offered: no lump sum, no 2 or 3 installments
    assertThat(offers.get("offers")).isNotEmpty();
    for (JsonNode offer : offers.get("offers")) {
      assertThat(offer.get("kind").asText()).isEqualTo("INSTALLMENTS");
      assertThat(new BigDecimal(offer.get("lastInstallmentAmount").asText()))
          .isLessThanOrEqualTo(new BigDecimal("300.00"));
    }
    assertThat(offers.get("offers").get(0).get("installments").asInt()).isGreaterThan(3);
    // and an agent's deal above it is refused naming the field
    ResponseEntity<JsonNode> tooMuch =
        api.post(
            "/api/debts/" + debtId + "/agreements",
            deal("big-" + debtId, 2, "0", today().plusDays(5)));
    assertThat(tooMuch.getStatusCode().value()).isEqualTo(422);
    assertThat(tooMuch.getBody().at("/errors/0/field").asText()).isEqualTo("deal.installments");

    // and a legal hold on another debtor allows no offer at all
    String other = register("hold-no-offers", today().minusDays(30), null);
    assertThat(
            api.post(holds(document(other)), hold("O-" + other, "LEGAL")).getStatusCode().value())
        .isEqualTo(201);
    ResponseEntity<JsonNode> none = api.get("/api/debts/" + other + "/offers");
    assertThat(none.getStatusCode().value()).isEqualTo(409);
  }

  @Test
  void badHoldRequestsNameTheField() {
    String debtId = register("hold-bad", today().plusDays(10), null);
    String document = document(debtId);

    ResponseEntity<JsonNode> badDocument = api.post(holds("123.456.789-00"), hold("B1", "LEGAL"));
    Map<String, Object> noKind = new HashMap<>(hold("B2-" + debtId, "LEGAL"));
    noKind.remove("kind");
    ResponseEntity<JsonNode> missingKind = api.post(holds(document), noKind);
    ResponseEntity<JsonNode> companyOnly =
        api.post(holds(document), hold("B3-" + debtId, "JUDICIAL_RECOVERY"));
    Map<String, Object> future = new HashMap<>(hold("B4-" + debtId, "LEGAL"));
    future.put("startsOn", today().plusDays(1).toString());
    ResponseEntity<JsonNode> futureStart = api.post(holds(document), future);
    Map<String, Object> cap = new HashMap<>(hold("B5-" + debtId, "LEGAL"));
    cap.put("maxInstallmentAmount", "300.00");
    ResponseEntity<JsonNode> capOnLegal = api.post(holds(document), cap);
    ResponseEntity<JsonNode> unknownDebtor =
        api.post(holds(TestDebtors.cpf()), hold("B6-" + debtId, "LEGAL"));

    assertThat(badDocument.getStatusCode().value()).isEqualTo(400);
    assertThat(badDocument.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(badDocument.getBody().at("/errors/0/field").asText()).isEqualTo("document");
    assertThat(missingKind.getStatusCode().value()).isEqualTo(400);
    assertThat(missingKind.getBody().at("/errors/0/field").asText()).isEqualTo("kind");
    assertThat(companyOnly.getStatusCode().value()).isEqualTo(422);
    assertThat(companyOnly.getBody().at("/errors/0/field").asText()).isEqualTo("kind");
    assertThat(futureStart.getStatusCode().value()).isEqualTo(422);
    assertThat(futureStart.getBody().at("/errors/0/field").asText()).isEqualTo("startsOn");
    assertThat(capOnLegal.getStatusCode().value()).isEqualTo(422);
    assertThat(capOnLegal.getBody().at("/errors/0/field").asText())
        .isEqualTo("maxInstallmentAmount");
    assertThat(unknownDebtor.getStatusCode().value()).isEqualTo(404);
    // nothing was stored, and the same id with other content is a conflict
    assertThat(api.get(holds(document)).getBody()).isEmpty();
    assertThat(api.post(holds(document), hold("B7-" + debtId, "LEGAL")).getStatusCode().value())
        .isEqualTo(201);
    Map<String, Object> changed = new HashMap<>(hold("B7-" + debtId, "LEGAL"));
    changed.put("reason", "outra");
    ResponseEntity<JsonNode> conflict = api.post(holds(document), changed);
    assertThat(conflict.getStatusCode().value()).isEqualTo(409);
    assertThat(conflict.getBody().at("/errors/0/field").asText()).isEqualTo("holdId");
    assertThat(api.get(holds(document)).getBody()).hasSize(1);
  }

  private String register(String prefix, LocalDate due, String document) {
    return register(prefix, due, document, "STRATEGY_DECIDED");
  }

  /** Registers a debt and waits until its timeline has {@code awaited}. */
  private String register(String prefix, LocalDate due, String document, String awaited) {
    String debtId = TestDebtors.uniqueId(prefix);
    ObjectNode body = api.debt(debtId, "1000.00", due);
    if (document != null) {
      ((ObjectNode) body.get("debtor")).put("document", document);
    }
    assertThat(api.post("/api/debts", body).getStatusCode().value()).isEqualTo(201);
    await().atMost(AWAIT).until(() -> api.timelineTypes(debtId).contains(awaited));
    return debtId;
  }

  private String document(String debtId) {
    return api.get("/api/debts/" + debtId).getBody().at("/debtor/document").asText();
  }

  private Map<String, Object> hold(String holdId, String kind) {
    return Map.of(
        "holdId",
        holdId,
        "kind",
        kind,
        "reason",
        "Processo 1234567-89.2026.8.26.0100",
        "source",
        "TJSP, 2ª Vara Cível",
        "startsOn",
        today().toString());
  }

  private static String holds(String document) {
    return "/api/debtors/" + document + "/holds";
  }

  private static String lifting(String document, String holdId) {
    return holds(document) + "/" + holdId + "/lifting";
  }

  private List<String> outcomes(String debtId, String step) {
    return api.contacts(debtId).stream()
        .filter(c -> c.get("step").asText().equals(step))
        .map(c -> c.get("outcome").asText())
        .toList();
  }

  private JsonNode held(String debtId, String step) {
    return api.contacts(debtId).stream()
        .filter(c -> c.get("step").asText().equals(step))
        .filter(c -> c.get("outcome").asText().equals("HELD"))
        .findFirst()
        .orElseThrow();
  }

  private String agreementStatus(String agreementId) {
    return api.get("/api/agreements/" + agreementId).getBody().get("status").asText();
  }

  private static Map<String, Object> deal(
      String agreementId, int installments, String discountPercent, LocalDate firstDueDate) {
    Map<String, Object> deal = new HashMap<>();
    deal.put("installments", installments);
    deal.put("discountPercent", new BigDecimal(discountPercent));
    deal.put("firstDueDate", firstDueDate.toString());
    deal.put("agent", "Ana");
    return Map.of("agreementId", agreementId, "deal", deal);
  }
}
