package br.com.regua.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.sql.Timestamp;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every replica runs the outbox relay ({@link MessageRelay}); on one outbox they publish each
 * message once: each relay claims its rows with {@code FOR UPDATE SKIP LOCKED}. The replicas are
 * outboxes of their own (as each replica's is) on the one database and engine, run together.
 */
class MessageRelayReplicasTest extends IntegrationTest {

  private static final int REPLICAS = 3;
  private static final int MESSAGES = 240;

  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired ObjectMapper json;
  @Autowired Clock clock;
  @Autowired CamundaClient client;

  @Test
  void relaysOfSeveralReplicasOnOneOutboxPublishEachMessageOnce() throws Exception {
    // given messages stored and not yet published (the engine was away when they were stored)
    String run = TestDebtors.uniqueId("relay");
    Timestamp now = Timestamp.from(clock.instant());
    for (int i = 0; i < MESSAGES; i++) {
      jdbc.sql(
              """
              insert into journey_message
                (message_id, message_name, correlation_key, variables, created_at, next_attempt_at)
              values (:id, :name, :key, cast('{}' as jsonb), :now, :now)
              """)
          .param("id", "replicas:" + run + ":" + i)
          .param("name", JourneyModel.PAYMENT_RECEIVED)
          .param("key", run + "-" + (i % 7)) // no journey waits for these: the engine buffers them
          .param("now", now)
          .update();
    }

    // when the relays of several replicas run at the same moment
    // (a thread each: the common pool has one thread on a 2-core machine, which would run them
    // one after the other)
    ExecutorService threads = Executors.newFixedThreadPool(REPLICAS);
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Integer>> relays = new ArrayList<>();
    for (int r = 0; r < REPLICAS; r++) {
      MessageOutbox replica = new MessageOutbox(jdbc, client, tx, json, clock);
      relays.add(
          CompletableFuture.supplyAsync(
              () -> {
                awaitLatch(go);
                int total = 0;
                int delivered;
                do {
                  delivered = replica.deliverDue(MessageRelay.BATCH / 4);
                  total += delivered;
                } while (delivered > 0);
                return total;
              },
              threads));
    }
    go.countDown();
    threads.shutdown();
    int published = 0;
    for (CompletableFuture<Integer> relay : relays) {
      published += relay.get();
    }

    // (the service's own relay is one more replica: it may still be publishing the rows it holds)
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from journey_message where message_id like :prefix"
                                + " and published_at is null")
                        .param("prefix", "replicas:" + run + ":%")
                        .query(Long.class)
                        .single()
                    == 0);

    // then every message is published, each once (one attempt each: a second publish of a message
    // would count a second attempt, the engine answering ALREADY_EXISTS), and they shared the work
    record Row(boolean published, int attempts) {}
    List<Row> rows =
        jdbc.sql(
                "select published_at is not null, attempts from journey_message"
                    + " where message_id like :prefix")
            .param("prefix", "replicas:" + run + ":%")
            .query((rs, n) -> new Row(rs.getBoolean(1), rs.getInt(2)))
            .list();
    assertThat(rows).hasSize(MESSAGES).allMatch(Row::published);
    assertThat(rows).extracting(Row::attempts).containsOnly(1);
    assertThat(published).isLessThanOrEqualTo(MESSAGES);
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
