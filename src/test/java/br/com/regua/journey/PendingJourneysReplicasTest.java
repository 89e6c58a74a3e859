package br.com.regua.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.support.EngineRecords;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import io.camunda.client.CamundaClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several replicas start the pending journeys at once (each runs {@link PendingJourneys}, the
 * service's own included): every debt gets one journey, never two. The replicas are threads calling
 * {@link JourneyStarts#startPending} together: what keeps them apart is the debt's row lock in
 * PostgreSQL, which two processes share as two threads do.
 */
class PendingJourneysReplicasTest extends IntegrationTest {

  private static final int REPLICAS = 3;

  @Autowired JdbcClient jdbc;
  @Autowired CamundaClient client;
  @Autowired JourneyStarts starts;
  @Autowired Clock clock;

  @Test
  void replicasStartingThePendingJourneysTogetherStartEachDebtsJourneyOnce() throws Exception {
    // given debts whose journeys are gone, as after a crash between storing a debt and starting it
    List<String> debtIds = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String debtId = TestDebtors.uniqueId("replicas");
      assertThat(
              api.post("/api/debts", api.debt(debtId, "180.00", today().plusDays(25)))
                  .getStatusCode()
                  .value())
          .isEqualTo(201);
      client.newCancelInstanceCommand(api.journeyKey(debtId)).send().join();
      debtIds.add(debtId);
    }
    jdbc.sql(
            """
            update debt set process_instance_key = null,
                   registered_at = registered_at - interval '1 minute'
            where debt_id in (:ids)
            """)
        .param("ids", debtIds)
        .update();

    // when several replicas start the pending journeys at the same moment
    // (a thread each: the common pool has one thread on a 2-core machine, which would run them
    // one after the other)
    ExecutorService threads = Executors.newFixedThreadPool(REPLICAS);
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Integer>> replicas = new ArrayList<>();
    for (int r = 0; r < REPLICAS; r++) {
      replicas.add(
          CompletableFuture.supplyAsync(
              () -> {
                awaitLatch(go);
                return starts.startPending(clock.instant().plusSeconds(1), PendingJourneys.BATCH);
              },
              threads));
    }
    go.countDown();
    threads.shutdown();
    for (CompletableFuture<Integer> replica : replicas) {
      replica.get();
    }

    // (the service's own PendingJourneys is one more replica: it may still be starting one)
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from debt where debt_id in (:ids)"
                                + " and process_instance_key is null")
                        .param("ids", debtIds)
                        .query(Long.class)
                        .single()
                    == 0);

    // then each debt has one new journey: in PostgreSQL and in the engine
    EngineRecords records = new EngineRecords(engine);
    for (String debtId : debtIds) {
      assertThat(api.timelineTypes(debtId))
          .as(debtId)
          .filteredOn("JOURNEY_STARTED"::equals)
          .hasSize(2); // the first, cancelled, and one more
      assertThat(records.dunningJourneys(debtId)).as(debtId).hasSize(2);
    }
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
