package br.com.regua.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Save first, then correlate: a message acknowledged while the engine cannot be reached is kept and
 * published by the relay once it can. The outage is a client pointed at a port where no engine
 * listens (stopping the shared in-JVM engine would end every other test's journeys); the relay that
 * recovers the message is the service's own, on the real engine.
 */
class MessageOutboxTest extends IntegrationTest {

  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired ObjectMapper json;
  @Autowired Clock clock;
  @Autowired MessageOutbox outbox;

  @Test
  void aPaymentAcknowledgedDuringAnEngineOutageEndsTheJourneyOnceTheEngineAnswers() {
    // given a debt whose journey waits for its first reminder
    String debtId = TestDebtors.uniqueId("outbox");
    assertThat(
            api.post("/api/debts", api.debt(debtId, "300.00", today().plusDays(20)))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    await().atMost(AWAIT).until(() -> api.timelineTypes(debtId).contains("STRATEGY_DECIDED"));
    // (read the engine's records up to now: the check after the outage must take well under the
    // relay's first backoff of one second)
    assertThat(journeyEnded(debtId)).isFalse();

    // when its payment message is stored while the engine is unreachable
    String messageId = "payment:" + TestDebtors.uniqueId("pix");
    try (CamundaClient unreachable =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://127.0.0.1:1"))
            .restAddress(URI.create("http://127.0.0.1:1"))
            .preferRestOverGrpc(false)
            .build()) {
      MessageOutbox duringOutage = new MessageOutbox(jdbc, unreachable, tx, json, clock);
      tx.executeWithoutResult(
          s ->
              duringOutage.add(
                  JourneyModel.PAYMENT_RECEIVED, debtId, messageId, Map.of("openBalance", "0.00")));
    }

    // then it is kept, with the failure and a next attempt, and the journey still runs
    MessageOutbox.Message kept =
        outbox.find(JourneyModel.PAYMENT_RECEIVED, debtId, messageId).orElseThrow();
    assertThat(kept.publishedAt()).isNull();
    assertThat(kept.attempts()).isEqualTo(1);
    assertThat(kept.lastError()).isNotBlank();
    assertThat(kept.variables()).containsEntry("openBalance", "0.00");
    assertThat(journeyEnded(debtId)).isFalse();

    // and the relay publishes it once its next attempt is due: the journey takes it and ends
    await()
        .atMost(AWAIT)
        .until(
            () ->
                outbox
                        .find(JourneyModel.PAYMENT_RECEIVED, debtId, messageId)
                        .orElseThrow()
                        .publishedAt()
                    != null);
    await().atMost(AWAIT).until(() -> journeyEnded(debtId));
    assertThat(
            outbox.find(JourneyModel.PAYMENT_RECEIVED, debtId, messageId).orElseThrow().attempts())
        .isEqualTo(2);
  }

  @Test
  void theSameMessageTwiceIsOneRowPublishedOnce() {
    String debtId = TestDebtors.uniqueId("outbox-dup");
    String messageId = "event:" + TestDebtors.uniqueId("dup");

    outbox.add(JourneyModel.EMAIL_OPENED, debtId, messageId, Map.of());
    Instant firstPublished =
        outbox.find(JourneyModel.EMAIL_OPENED, debtId, messageId).orElseThrow().publishedAt();
    outbox.add(JourneyModel.EMAIL_OPENED, debtId, messageId, Map.of("other", "content"));

    MessageOutbox.Message stored =
        outbox.find(JourneyModel.EMAIL_OPENED, debtId, messageId).orElseThrow();
    assertThat(firstPublished).isNotNull();
    assertThat(stored.publishedAt()).isEqualTo(firstPublished);
    assertThat(stored.attempts()).isOne();
    assertThat(stored.variables()).isEmpty();
  }

  @Test
  void oneIdForSeveralJourneysIsOneMessageEach() {
    // an agreement joining two debts tells both journeys with the agreement's id
    String messageId = "agreement:" + TestDebtors.uniqueId("joined");
    String first = TestDebtors.uniqueId("outbox-a");
    String second = TestDebtors.uniqueId("outbox-b");

    outbox.add(JourneyModel.AGREEMENT_SIGNED, first, messageId, Map.of());
    outbox.add(JourneyModel.AGREEMENT_SIGNED, second, messageId, Map.of());

    // each is its own message: both published (at once, or by the relay if the engine was slow)
    for (String debtId : List.of(first, second)) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  outbox
                      .find(JourneyModel.AGREEMENT_SIGNED, debtId, messageId)
                      .orElseThrow()
                      .publishedAt(),
              java.util.Objects::nonNull);
    }
  }

  @Test
  void retriesBackOffExponentiallyUpToFiveMinutes() {
    assertThat(MessageOutbox.backoff(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(MessageOutbox.backoff(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(MessageOutbox.backoff(5)).isEqualTo(Duration.ofSeconds(16));
    assertThat(MessageOutbox.backoff(9)).isEqualTo(Duration.ofSeconds(256));
    assertThat(MessageOutbox.backoff(10)).isEqualTo(Duration.ofMinutes(5));
    assertThat(MessageOutbox.backoff(500)).isEqualTo(Duration.ofMinutes(5));
  }
}
