package br.com.regua.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.support.EngineRecords;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import br.com.regua.support.UserTasks;
import io.camunda.client.CamundaClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Embedded mode keeps the engine's state in memory: after a restart no journey survives and the
 * service rebuilds each open debt's journey from PostgreSQL, where the debt stood. Restarting the
 * shared engine would end every other test's journeys, so the loss is made by cancelling these
 * debts' instances; the rebuild is the one the service runs at start.
 */
class JourneyRebuildTest extends IntegrationTest {

  @Autowired PendingJourneys pendingJourneys;
  @Autowired CamundaClient client;
  @Autowired JdbcClient jdbc;

  @Test
  void lostJourneysStartAgainWhereTheirDebtsStoodWithoutRepeatingContacts() {
    // given a promised debt, whose encouragement went out, and a disputed one under review
    moveToContactHours();
    String promised = registered("rebuild-promise");
    String promiseId = TestDebtors.uniqueId("P");
    assertThat(
            api.post(
                    "/api/debts/" + promised + "/promises",
                    Map.of("promiseId", promiseId, "promisedDate", today().plusDays(5).toString()))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    String encouragement = "Promessa " + promiseId;
    await().atMost(AWAIT).until(() -> api.contactSteps(promised).contains(encouragement));
    String disputed = registered("rebuild-dispute");
    String disputeId = TestDebtors.uniqueId("D");
    assertThat(
            api.post(
                    "/api/debts/" + disputed + "/disputes",
                    Map.of("disputeId", disputeId, "reason", "Já paguei em outubro"))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    long lostReview = api.journeyKey(disputed);
    new UserTasks(engine).awaitOpen(lostReview, "DisputeReviewUserTask");
    long lostPromise = api.journeyKey(promised);

    // when the engine loses their journeys and the service rebuilds what it lost
    client.newCancelInstanceCommand(lostPromise).send().join();
    client.newCancelInstanceCommand(lostReview).send().join();
    await()
        .atMost(AWAIT)
        .until(
            () ->
                !engine.liveProcessInstances().contains(lostReview)
                    && !engine.liveProcessInstances().contains(lostPromise));
    pendingJourneys.rebuildLostJourneys();

    // then each debt has a new journey, and the timeline says why
    long rebuiltPromise = api.journeyKey(promised);
    long rebuiltReview = api.journeyKey(disputed);
    assertThat(rebuiltPromise).isNotEqualTo(lostPromise);
    assertThat(rebuiltReview).isNotEqualTo(lostReview);
    assertThat(api.timelineTypes(promised)).contains("JOURNEY_LOST");
    assertThat(engine.liveProcessInstances()).contains(rebuiltPromise, rebuiltReview);
    // and the disputed debt is under review again, in the new journey
    new UserTasks(engine).awaitOpen(rebuiltReview, "DisputeReviewUserTask");
    assertThat(api.status(disputed)).isEqualTo("DISPUTED");
    // and the promised one waits for its promise: the new journey took it, no second encouragement
    await()
        .atMost(AWAIT)
        .until(
            () ->
                new EngineRecords(engine).completions(rebuiltPromise, "PromiseMadeBoundaryEvent")
                    > 0);
    assertThat(api.status(promised)).isEqualTo("PROMISED");
    assertThat(api.contactSteps(promised)).filteredOn(encouragement::equals).hasSize(1);
  }

  private String registered(String prefix) {
    String debtId = TestDebtors.uniqueId(prefix);
    assertThat(
            api.post("/api/debts", api.debt(debtId, "640.00", today().plusDays(30)))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    await().atMost(AWAIT).until(() -> api.timelineTypes(debtId).contains("STRATEGY_DECIDED"));
    return debtId;
  }
}
