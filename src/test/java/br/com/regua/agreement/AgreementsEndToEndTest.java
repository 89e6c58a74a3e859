package br.com.regua.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.brazil.BusinessDays;
import br.com.regua.brazil.Uf;
import br.com.regua.support.EngineRecords;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import br.com.regua.support.UserTasks;
import br.com.regua.support.UserTasks.UserTask;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * Agreements through the API, on the application's engine with its workers: offers and their
 * arithmetic, the strategy's limits, an agreement fulfilled by its payments, one broken by a late
 * installment that returns the debt to collection, joined debts, and an agent's deal closed in the
 * negotiation task.
 */
class AgreementsEndToEndTest extends IntegrationTest {

  @Test
  void offersAddTheLateChargesAndTheStrategysLimitsAreEnforced() {
    // given a standard debt of R$ 1.000,00, 30 days overdue (strategy: 10% discount at most)
    String debtId = register("ag-offers", "1000.00", 30, null);

    // when the debtor asks for offers
    JsonNode offers = api.get("/api/debts/" + debtId + "/offers").getBody();

    // then fine 2% (20,00) and interest 1% a month for 30 days (10,00) come to 1.030,00; paying in
    // full takes the strategy's 10% off; each installment plan sums to the total exactly
    assertThat(offers.get("openBalance").asText()).isEqualTo("1000.00");
    assertThat(offers.get("fine").asText()).isEqualTo("20.00");
    assertThat(offers.get("interest").asText()).isEqualTo("10.00");
    assertThat(offers.get("updatedAmount").asText()).isEqualTo("1030.00");
    assertThat(offers.get("maxDiscountPercent").asText()).isEqualTo("10");
    JsonNode full = offers.at("/offers/0");
    assertThat(full.get("kind").asText()).isEqualTo("FULL_PAYMENT");
    assertThat(full.get("discount").asText()).isEqualTo("103.00");
    assertThat(full.get("total").asText()).isEqualTo("927.00");
    // three days from today, or the next business day in the debtor's state (never 25 December)
    assertThat(full.get("firstDueDate").asText())
        .isEqualTo(new BusinessDays().onOrNextBusinessDay(today().plusDays(3), Uf.SP).toString());
    int maxInstallments = offers.get("maxInstallments").asInt();
    assertThat(offers.get("offers")).hasSize(maxInstallments);
    for (JsonNode offer : offers.get("offers")) {
      BigDecimal sum = BigDecimal.ZERO;
      for (JsonNode installment : offer.get("schedule")) {
        assertThat(new BigDecimal(installment.get("amount").asText())).isPositive();
        sum = sum.add(new BigDecimal(installment.get("amount").asText()));
      }
      assertThat(sum).isEqualByComparingTo(offer.get("total").asText());
      for (JsonNode installment : offer.get("schedule")) {
        assertThat(
                new BusinessDays()
                    .isBusinessDay(LocalDate.parse(installment.get("dueDate").asText()), Uf.SP))
            .as("installment due " + installment.get("dueDate"))
            .isTrue();
      }
    }
    JsonNode three = offers.at("/offers/2");
    assertThat(three.get("installments").asInt()).isEqualTo(3);
    assertThat(three.get("installmentAmount").asText()).isEqualTo("343.33");
    assertThat(three.get("lastInstallmentAmount").asText()).isEqualTo("343.34");

    // and a deal beyond the limits is refused with the limit it breaks (a JSON number is read
    // exactly as written, like the decimal string the offers use)
    Map<String, Object> asNumber = deal("x1-" + debtId, maxInstallments, "0", today().plusDays(5));
    @SuppressWarnings("unchecked")
    Map<String, Object> numberDeal = (Map<String, Object>) asNumber.get("deal");
    numberDeal.put("discountPercent", new BigDecimal("10.01"));
    ResponseEntity<JsonNode> tooMuchDiscount = api.post(path(debtId), asNumber);
    assertThat(tooMuchDiscount.getStatusCode().value()).isEqualTo(422);
    assertThat(tooMuchDiscount.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(tooMuchDiscount.getBody().at("/errors/0/field").asText())
        .isEqualTo("deal.discountPercent");
    assertThat(tooMuchDiscount.getBody().at("/errors/0/message").asText())
        .contains("maxDiscountPercent")
        .contains("10%");
    ResponseEntity<JsonNode> tooManyInstallments =
        api.post(path(debtId), deal("x2-" + debtId, maxInstallments + 1, "0", today().plusDays(5)));
    assertThat(tooManyInstallments.getStatusCode().value()).isEqualTo(422);
    assertThat(tooManyInstallments.getBody().at("/errors/0/field").asText())
        .isEqualTo("deal.installments");
    assertThat(tooManyInstallments.getBody().at("/errors/0/message").asText())
        .contains("maxInstallments");
    ResponseEntity<JsonNode> notANumber =
        api.post(path(debtId), deal("x6-" + debtId, 2, "30%", today().plusDays(5)));
    assertThat(notANumber.getStatusCode().value()).isEqualTo(400);
    assertThat(notANumber.getBody().at("/errors/0/field").asText())
        .isEqualTo("deal.discountPercent");
    ResponseEntity<JsonNode> tooLate =
        api.post(path(debtId), deal("x3-" + debtId, 2, "0", today().plusDays(31)));
    assertThat(tooLate.getStatusCode().value()).isEqualTo(422);
    assertThat(tooLate.getBody().at("/errors/0/field").asText()).isEqualTo("deal.firstDueDate");

    // and an unknown offer, or the first régua's bare installment count, say what to send
    ResponseEntity<JsonNode> unknown =
        api.post(path(debtId), Map.of("agreementId", "x4-" + debtId, "offerId", "OF-nope"));
    assertThat(unknown.getStatusCode().value()).isEqualTo(422);
    assertThat(unknown.getBody().at("/errors/0/field").asText()).isEqualTo("offerId");
    assertThat(unknown.getBody().at("/errors/0/message").asText())
        .startsWith("no offer OF-nope for these debts");
    ResponseEntity<JsonNode> blank =
        api.post(path(debtId), Map.of("agreementId", "x7-" + debtId, "offerId", ""));
    assertThat(blank.getStatusCode().value()).isEqualTo(400);
    assertThat(blank.getBody().at("/errors/0/field").asText()).isEqualTo("offerId");
    ResponseEntity<JsonNode> legacy =
        api.post(
            path(debtId),
            Map.of(
                "agreementId",
                "x5-" + debtId,
                "installments",
                6,
                "signedAt",
                "2026-11-23T10:00:00Z"));
    assertThat(legacy.getStatusCode().value()).isEqualTo(400);
    assertThat(legacy.getBody().at("/errors/0/field").asText()).isEqualTo("offerId");
    assertThat(legacy.getBody().at("/errors/0/message").asText()).contains("/offers");
    assertThat(api.status(debtId)).isEqualTo("ACTIVE");
  }

  @Test
  void anAgreementPaidInstallmentByInstallmentIsFulfilledAndTheDebtPaid() {
    // given a debt 10 days overdue and the debtor in contact hours
    moveToContactHours();
    String debtId = register("ag-paid", "600.00", 10, null);
    JsonNode offer = offer(debtId, 3);
    String agreementId = "acordo-" + debtId;

    // when the debtor accepts 3 installments
    ResponseEntity<JsonNode> signed =
        api.post(
            path(debtId),
            Map.of("agreementId", agreementId, "offerId", offer.get("offerId").asText()));

    // then the debt is renegotiated, the agreement carries the offer's money exactly, and the
    // same acceptance again is the same agreement
    assertThat(signed.getStatusCode().value()).isEqualTo(201);
    JsonNode agreement = signed.getBody();
    assertThat(agreement.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(agreement.get("total").asText()).isEqualTo(offer.get("total").asText());
    assertThat(agreement.get("schedule")).hasSize(3);
    assertThat(api.status(debtId)).isEqualTo("RENEGOTIATED");
    assertThat(
            api.post(
                    path(debtId),
                    Map.of("agreementId", agreementId, "offerId", offer.get("offerId").asText()))
                .getStatusCode()
                .value())
        .isEqualTo(200);

    // and the first installment's D-3 reminder (today) reaches the debtor by email, under the
    // contact policy, with the installment's amount, not the debt's balance
    String step = "Acordo " + agreementId + " parcela 1 D-3";
    await().atMost(AWAIT).until(() -> api.deliveredSteps(debtId).contains(step));
    JsonNode reminder =
        api.contacts(debtId).stream()
            .filter(c -> c.get("step").asText().equals(step))
            .findFirst()
            .orElseThrow();
    assertThat(reminder.get("channel").asText()).isEqualTo("EMAIL");
    String installmentAmount = offer.get("installmentAmount").asText().replace('.', ',');
    assertThat(
            List.of(SMTP.getReceivedMessages()).stream()
                .map(AgreementsEndToEndTest::body)
                .filter(text -> text.contains("acordo " + agreementId))
                .findFirst())
        .hasValueSatisfying(text -> assertThat(text).contains("R$ " + installmentAmount));

    // when the installments are paid: the first one exactly, then more than owed is refused,
    // then the rest at once
    ResponseEntity<JsonNode> first =
        api.post(
            "/api/agreements/" + agreementId + "/payments",
            api.payment(
                "p1-" + debtId,
                offer.get("installmentAmount").asText(),
                "2026-11-23T12:00:00-03:00"));
    assertThat(first.getStatusCode().value()).isEqualTo(201);
    assertThat(first.getBody().at("/schedule/0/status").asText()).isEqualTo("PAID");
    assertThat(first.getBody().at("/schedule/1/status").asText()).isEqualTo("OPEN");
    String rest = first.getBody().get("openBalance").asText();
    ResponseEntity<JsonNode> tooMuch =
        api.post(
            "/api/agreements/" + agreementId + "/payments",
            api.payment(
                "p2-" + debtId,
                new BigDecimal(rest).add(new BigDecimal("0.01")).toPlainString(),
                "2026-11-23T12:00:00-03:00"));
    assertThat(tooMuch.getStatusCode().value()).isEqualTo(422);
    assertThat(tooMuch.getBody().at("/errors/0/field").asText()).isEqualTo("amount");
    ResponseEntity<JsonNode> last =
        api.post(
            "/api/agreements/" + agreementId + "/payments",
            api.payment("p3-" + debtId, rest, "2026-11-23T12:05:00-03:00"));

    // then the agreement is fulfilled and the debt paid, and the timeline tells it
    assertThat(last.getStatusCode().value()).isEqualTo(201);
    assertThat(last.getBody().get("status").asText()).isEqualTo("FULFILLED");
    assertThat(last.getBody().get("openBalance").asText()).isEqualTo("0.00");
    assertThat(last.getBody().get("paid").asText()).isEqualTo(offer.get("total").asText());
    assertThat(api.status(debtId)).isEqualTo("PAID");
    assertThat(api.get("/api/debts/" + debtId).getBody().get("openBalance").asText())
        .isEqualTo("0.00");
    assertThat(api.timelineTypes(debtId))
        .containsSubsequence(
            "AGREEMENT_SIGNED",
            "RENEGOTIATED",
            "AGREEMENT_PAYMENT_RECEIVED",
            "AGREEMENT_PAYMENT_RECEIVED",
            "AGREEMENT_FULFILLED",
            "PAID");
    assertThat(
            api.post(
                    "/api/agreements/" + agreementId + "/payments",
                    api.payment("p4-" + debtId, "1.00", "2026-11-23T12:06:00-03:00"))
                .getStatusCode()
                .value())
        .as("a fulfilled agreement takes no payment")
        .isEqualTo(409);
  }

  @Test
  void anInstallmentTenDaysLateBreaksTheAgreementAndTheBalanceReturnsToCollection() {
    // given a debt 5 days overdue and an agent's deal of 2 installments, its first on a day the
    // debtor may be contacted, as may be D-3 and D+3
    String debtId = register("ag-broken", "1000.00", 5, null);
    LocalDate dueDate = today().minusDays(5);
    LocalDate firstDue = dueDateWithContactDays(today().plusDays(4), -3, 0, 3);
    String agreementId = "quebra-" + debtId;
    ResponseEntity<JsonNode> signed = api.post(path(debtId), deal(agreementId, 2, "5", firstDue));
    assertThat(signed.getStatusCode().value()).isEqualTo(201);
    assertThat(signed.getBody().get("source").asText()).isEqualTo("AGENT");
    long firstJourney = api.journeyKey(debtId);

    // when the debtor pays only part of the first installment, and its reminders go out
    ResponseEntity<JsonNode> partial =
        api.post(
            "/api/agreements/" + agreementId + "/payments",
            api.payment("pp-" + debtId, "100.00", "2026-11-24T10:00:00-03:00"));
    assertThat(partial.getStatusCode().value()).isEqualTo(201);
    assertThat(partial.getBody().at("/schedule/0/paid").asText()).isEqualTo("100.00");
    for (int offset : new int[] {-3, 0, 3}) {
      moveClockTo(at(firstDue.plusDays(offset), 9, 5));
      String step =
          "Acordo "
              + agreementId
              + " parcela 1 "
              + (offset < 0 ? "D-3" : offset == 0 ? "D0" : "D+3");
      await().atMost(AWAIT).until(() -> api.deliveredSteps(debtId).contains(step));
    }

    // and the installment stays unpaid until the tenth day after its due date
    moveClockTo(at(firstDue.plusDays(9), 9, 5));
    assertThat(api.get("/api/agreements/" + agreementId).getBody().get("status").asText())
        .isEqualTo("ACTIVE");
    moveClockTo(at(firstDue.plusDays(10), 9, 5));

    // then the agreement is broken, the debt owes its balance less what was paid (the deal's
    // discount is lost), and a new journey takes it from the stage its age calls for
    await()
        .atMost(AWAIT)
        .until(
            () ->
                api.get("/api/agreements/" + agreementId)
                    .getBody()
                    .get("status")
                    .asText()
                    .equals("BROKEN"));
    await().atMost(AWAIT).until(() -> api.timelineTypes(debtId).contains("RETURNED_TO_COLLECTION"));
    JsonNode debt = api.get("/api/debts/" + debtId).getBody();
    assertThat(debt.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(debt.get("openBalance").asText()).isEqualTo("900.00");
    assertThat(api.timelineTypes(debtId))
        .containsSubsequence(
            "JOURNEY_STARTED",
            "AGREEMENT_SIGNED",
            "RENEGOTIATED",
            "AGREEMENT_PAYMENT_RECEIVED",
            "AGREEMENT_BROKEN",
            "RETURNED_TO_COLLECTION",
            "JOURNEY_STARTED");
    long secondJourney = newestJourneyKey(debtId);
    assertThat(secondJourney).isNotEqualTo(firstJourney);
    assertThat(new EngineRecords(engine).isCompleted(firstJourney)).isTrue();

    // and the new journey skips the steps the debt's age has passed: the next contact is the
    // prior notice of negativation at D+20 (or at once, if the debt is older), none of D-3..D+15
    List<String> before = new ArrayList<>(api.contactSteps(debtId));
    moveClockTo(
        at(dueDate.plusDays(20), 9, 5).isAfter(engine.now())
            ? at(dueDate.plusDays(20), 9, 5)
            : engine.now());
    moveToContactHours();
    try {
      await()
          .atMost(AWAIT)
          .until(() -> api.contactSteps(debtId).contains("Aviso prévio de negativação"));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          "now " + engine.now() + " due " + dueDate + " timeline " + timeline(debtId), e);
    }
    List<String> after = new ArrayList<>(api.contactSteps(debtId));
    after.subList(0, before.size()).clear();
    assertThat(after).doesNotContain("D-3", "D0", "D+1", "D+3", "D+7", "D+15");
  }

  @Test
  void severalDebtsOfOneDebtorJoinInOneAgreement() {
    // given two debts of one debtor, 10 and 20 days overdue, and one of another debtor
    String first = register("ag-join-a", "1000.00", 10, null);
    String document = api.get("/api/debts/" + first).getBody().at("/debtor/document").asText();
    String second = register("ag-join-b", "250.55", 20, document);
    String stranger = register("ag-join-c", "50.00", 10, null);

    // when the debtor asks for offers for both
    JsonNode offers = api.get("/api/debts/" + first + "/offers?join=" + second).getBody();

    // then each debt's charges are its own: fines 20,00 + 5,01; interest 3,33 + 1,67
    assertThat(offers.get("debtIds")).hasSize(2);
    assertThat(offers.get("openBalance").asText()).isEqualTo("1250.55");
    assertThat(offers.get("fine").asText()).isEqualTo("25.01");
    assertThat(offers.get("interest").asText()).isEqualTo("5.00");
    assertThat(offers.get("updatedAmount").asText()).isEqualTo("1280.56");
    assertThat(api.get("/api/debts/" + first + "/offers?join=" + stranger).getStatusCode().value())
        .as("another debtor's debt")
        .isEqualTo(422);

    // when the debtor accepts paying in full, then both debts are renegotiated in one agreement
    JsonNode full = offers.at("/offers/0");
    String agreementId = "junta-" + first;
    ResponseEntity<JsonNode> signed =
        api.post(
            path(first),
            Map.of(
                "agreementId", agreementId,
                "offerId", full.get("offerId").asText(),
                "joinDebtIds", List.of(second)));
    assertThat(signed.getStatusCode().value()).isEqualTo(201);
    assertThat(signed.getBody().get("debtIds")).hasSize(2);
    assertThat(api.status(first)).isEqualTo("RENEGOTIATED");
    assertThat(api.status(second)).isEqualTo("RENEGOTIATED");
    await().atMost(AWAIT).until(() -> journeyEnded(first) && journeyEnded(second));

    // and paying it pays both
    ResponseEntity<JsonNode> paid =
        api.post(
            "/api/agreements/" + agreementId + "/payments",
            api.payment("pj-" + first, full.get("total").asText(), "2026-11-24T10:00:00-03:00"));
    assertThat(paid.getBody().get("status").asText()).isEqualTo("FULFILLED");
    assertThat(api.status(first)).isEqualTo("PAID");
    assertThat(api.status(second)).isEqualTo("PAID");
    assertThat(api.timelineTypes(second)).contains("AGREEMENT_FULFILLED");
    assertThat(api.status(stranger)).isEqualTo("ACTIVE");
  }

  @Test
  void agreementPaymentsLowerTheDebtsBalancesInOrderAndCountAsRecovered() {
    // given two debts of one debtor, due on a day no other test uses (a KPI cohort of their own),
    // joined in an agreement of three installments of 500,00 (not overdue: no charges)
    LocalDate due = today().plusYears(7);
    String first = TestDebtors.uniqueId("ag-bal-a");
    ObjectNode firstBody = api.debt(first, "1000.00", due);
    assertThat(api.post("/api/debts", firstBody).getStatusCode().value()).isEqualTo(201);
    String second = TestDebtors.uniqueId("ag-bal-b");
    ObjectNode secondBody = api.debt(second, "500.00", due);
    ((ObjectNode) secondBody.get("debtor"))
        .put("document", firstBody.at("/debtor/document").asText());
    assertThat(api.post("/api/debts", secondBody).getStatusCode().value()).isEqualTo(201);
    await()
        .atMost(AWAIT)
        .until(
            () ->
                api.timelineTypes(first).contains("STRATEGY_DECIDED")
                    && api.timelineTypes(second).contains("STRATEGY_DECIDED"));
    JsonNode three = null;
    for (JsonNode offer :
        api.get("/api/debts/" + first + "/offers?join=" + second).getBody().get("offers")) {
      if (offer.get("installments").asInt() == 3) {
        three = offer;
      }
    }
    assertThat(three).isNotNull();
    assertThat(three.get("total").asText()).isEqualTo("1500.00");
    String agreementId = "saldo-" + first;
    assertThat(
            api.post(
                    path(first),
                    Map.of(
                        "agreementId", agreementId,
                        "offerId", three.get("offerId").asText(),
                        "joinDebtIds", List.of(second)))
                .getStatusCode()
                .value())
        .isEqualTo(201);

    // when the debtor pays 681,11
    payAgreement(agreementId, "p1-" + first, "681.11");

    // then it lowers the first debt's balance (debts are paid in their order), and counts as
    // recovered in the KPIs of the debts' cohort
    assertThat(openBalance(first)).isEqualTo("318.89");
    assertThat(openBalance(second)).isEqualTo("500.00");
    assertThat(api.status(first)).isEqualTo("RENEGOTIATED");
    assertThat(recovered(due)).isEqualTo("681.11");

    // when 500,00 more comes, the first debt is covered and the second begins
    payAgreement(agreementId, "p2-" + first, "500.00");
    assertThat(openBalance(first)).isEqualTo("0.00");
    assertThat(openBalance(second)).isEqualTo("318.89");
    assertThat(api.status(first)).isEqualTo("RENEGOTIATED"); // until the agreement ends
    assertThat(recovered(due)).isEqualTo("1181.11");

    // and the rest fulfils the agreement: both paid, all of it recovered
    payAgreement(agreementId, "p3-" + first, "318.89");
    assertThat(api.status(first)).isEqualTo("PAID");
    assertThat(api.status(second)).isEqualTo("PAID");
    assertThat(openBalance(second)).isEqualTo("0.00");
    assertThat(recovered(due)).isEqualTo("1500.00");
  }

  private void payAgreement(String agreementId, String paymentId, String amount) {
    assertThat(
            api.post(
                    "/api/agreements/" + agreementId + "/payments",
                    api.payment(paymentId, amount, "2026-11-24T10:00:00-03:00"))
                .getStatusCode()
                .value())
        .isEqualTo(201);
  }

  private String openBalance(String debtId) {
    return api.get("/api/debts/" + debtId).getBody().get("openBalance").asText();
  }

  private String recovered(LocalDate due) {
    return api.get("/api/kpis?from=" + due + "&to=" + due)
        .getBody()
        .at("/overall/recovered")
        .asText();
  }

  @Test
  void anAgentClosesADealInTheNegotiationTaskAndTheDebtIsRenegotiated() {
    // given an intensive debt (low propensity score) at D+15, when the agent's negotiation opens
    moveToContactHours();
    String debtId = register("ag-agent", "3000.00", 15, null, 100);
    UserTasks userTasks = new UserTasks(engine);
    UserTask task = userTasks.awaitOpen(api.journeyKey(debtId), "NegotiationCallUserTask");
    assertThat(task.formId()).isEqualTo("negotiation-call");

    // when the agent submits a deal of 6 installments with 5% off
    LocalDate firstDue = today().plusDays(7);
    userTasks.complete(
        task.key(),
        Map.of(
            "negotiationOutcome",
            "AGREEMENT",
            "offeredInstallments",
            6,
            "offeredDiscountPercent",
            5,
            "agreementFirstDueDate",
            firstDue.toString(),
            "agreementAgent",
            "Ana Souza"));

    // then the deal is signed within the strategy's limits and the debt's journey ends
    await().atMost(AWAIT).until(() -> api.status(debtId).equals("RENEGOTIATED"));
    await().atMost(AWAIT).until(() -> journeyEnded(debtId));
    String detail =
        timeline(debtId).stream()
            .filter(e -> e.get("type").asText().equals("AGREEMENT_SIGNED"))
            .map(e -> e.get("detail").asText())
            .findFirst()
            .orElseThrow();
    assertThat(detail).contains("negociado por agente").contains("6 parcelas");
    String agreementId =
        detail.substring("Acordo ".length(), detail.indexOf(' ', "Acordo ".length()));
    JsonNode agreement = api.get("/api/agreements/" + agreementId).getBody();
    assertThat(agreement.get("agent").asText()).isEqualTo("Ana Souza");
    assertThat(agreement.get("schedule")).hasSize(6);
    assertThat(agreement.at("/schedule/0/dueDate").asText()).isEqualTo(firstDue.toString());
    // 3.000,00 + 2% + 1% x 15/30 = 3.075,00, less 5% = 2.921,25
    assertThat(agreement.get("total").asText()).isEqualTo("2921.25");
    assertThat(api.timelineTypes(debtId)).contains("AGENT_TASK_COMPLETED");
  }

  private String register(String prefix, String amount, int daysOverdue, String document) {
    return register(prefix, amount, daysOverdue, document, null);
  }

  private String register(
      String prefix, String amount, int daysOverdue, String document, Integer propensityScore) {
    String debtId = TestDebtors.uniqueId(prefix);
    ObjectNode body = api.debt(debtId, amount, today().minusDays(daysOverdue));
    if (document != null) {
      ((ObjectNode) body.get("debtor")).put("document", document);
    }
    if (propensityScore != null) {
      body.put("propensityScore", propensityScore);
    }
    assertThat(api.post("/api/debts", body).getStatusCode().value()).isEqualTo(201);
    await().atMost(AWAIT).until(() -> api.timelineTypes(debtId).contains("STRATEGY_DECIDED"));
    return debtId;
  }

  private JsonNode offer(String debtId, int installments) {
    for (JsonNode offer : api.get("/api/debts/" + debtId + "/offers").getBody().get("offers")) {
      if (offer.get("installments").asInt() == installments) {
        return offer;
      }
    }
    throw new AssertionError("no offer of " + installments + " installments");
  }

  private static String path(String debtId) {
    return "/api/debts/" + debtId + "/agreements";
  }

  private static Map<String, Object> deal(
      String agreementId, int installments, String discountPercent, LocalDate firstDueDate) {
    Map<String, Object> deal = new HashMap<>();
    deal.put("installments", installments);
    deal.put("discountPercent", discountPercent); // a decimal string, as the offers write it
    deal.put("firstDueDate", firstDueDate.toString());
    deal.put("agent", "Ana");
    return Map.of("agreementId", agreementId, "deal", deal);
  }

  private List<JsonNode> timeline(String debtId) {
    List<JsonNode> entries = new ArrayList<>();
    api.get("/api/debts/" + debtId).getBody().get("timeline").forEach(entries::add);
    return entries;
  }

  private long newestJourneyKey(String debtId) {
    return timeline(debtId).stream()
        .filter(e -> e.get("type").asText().equals("JOURNEY_STARTED"))
        .map(e -> Long.parseLong(e.get("detail").asText().split(" ")[1]))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  private static String body(jakarta.mail.internet.MimeMessage message) {
    return br.com.regua.contact.email.MimeText.plain(message);
  }
}
