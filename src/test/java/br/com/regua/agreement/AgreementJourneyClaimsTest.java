package br.com.regua.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.engine.Journeys;
import br.com.regua.money.Money;
import br.com.regua.support.EngineRecords;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The agreement journey's claim ({@link AgreementJourneyClaims}, {@code claim-agreement}): a
 * journey created by a starter that died before storing its key ends at its start when the
 * agreement has its journey, and takes the agreement when it has none. The dead starter is a
 * transaction that locks the agreement, creates the journey and does not store it.
 */
class AgreementJourneyClaimsTest extends IntegrationTest {

  @Autowired JdbcClient jdbc;
  @Autowired CamundaClient client;
  @Autowired Journeys journeys;
  @Autowired AgreementRepository agreements;
  @Autowired TransactionTemplate tx;

  @Test
  void aLostAgreementJourneyEndsWhenTheAgreementHasOneAndTakesItWhenItHasNone() {
    // given a signed agreement, its journey started and stored
    String debtId = TestDebtors.uniqueId("ag-claim");
    assertThat(
            api.post("/api/debts", api.debt(debtId, "600.00", today().minusDays(10)))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    await().atMost(AWAIT).until(() -> api.timelineTypes(debtId).contains("STRATEGY_DECIDED"));
    JsonNode offer = api.get("/api/debts/" + debtId + "/offers").getBody().at("/offers/2");
    String agreementId = "acordo-" + debtId;
    assertThat(
            api.post(
                    "/api/debts/" + debtId + "/agreements",
                    Map.of("agreementId", agreementId, "offerId", offer.get("offerId").asText()))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    await().atMost(AWAIT).until(() -> key(agreementId) != null);
    long first = key(agreementId);

    // when a starter that died leaves a second journey of the agreement
    long second = startThenDie(agreementId, debtId);

    // then it ends before its first installment, and the first goes on
    EngineRecords records = new EngineRecords(engine);
    await().atMost(AWAIT).until(() -> records.isCompleted(second));
    assertThat(records.completions(second, "DuplicateAgreementJourneyEndedEndEvent")).isEqualTo(1);
    assertThat(records.completions(second, "InstallmentsSubProcess")).isZero();
    assertThat(key(agreementId)).isEqualTo(first);
    assertThat(api.timelineTypes(debtId)).contains("JOURNEY_DUPLICATE_ENDED");

    // and when the agreement has no journey (its starter died before storing it), the lost
    // journey takes it
    client.newCancelInstanceCommand(first).send().join();
    jdbc.sql("update agreement set process_instance_key = null where agreement_id = :id")
        .param("id", agreementId)
        .update();
    long third = startThenDie(agreementId, debtId);
    await().atMost(AWAIT).until(() -> Long.valueOf(third).equals(key(agreementId)));
    assertThat(records.isCompleted(third)).isFalse();
  }

  /** What a replica killed between the engine and its commit leaves: a journey, and no key. */
  private long startThenDie(String agreementId, String debtId) {
    AtomicLong created = new AtomicLong();
    try {
      tx.executeWithoutResult(
          s -> {
            agreements.lock(agreementId).orElseThrow();
            List<Journeys.InstallmentVariable> installments =
                agreements.installments(agreementId).stream()
                    .map(
                        i ->
                            new Journeys.InstallmentVariable(
                                i.number(),
                                i.dueDate().toString(),
                                Money.toDecimal(i.amountCents())))
                    .toList();
            created.set(
                journeys.startAgreement(agreementId, debtId, List.of(debtId), installments));
            throw new IllegalStateException("killed");
          });
    } catch (IllegalStateException killed) {
      // rolled back, as the killed replica's transaction was
    }
    return created.get();
  }

  private Long key(String agreementId) {
    return jdbc.sql("select process_instance_key from agreement where agreement_id = :id")
        .param("id", agreementId)
        .query((rs, n) -> (Long) rs.getObject(1))
        .list()
        .getFirst();
  }
}
