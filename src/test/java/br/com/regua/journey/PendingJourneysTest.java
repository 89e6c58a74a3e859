package br.com.regua.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A debt stored without a journey (the engine was down at registration, or the service stopped
 * between storing the debt and starting its journey) gets its journey from the relay. The state
 * after such a crash is made by hand: the journey cancelled and its key cleared.
 */
class PendingJourneysTest extends IntegrationTest {

  @Autowired JdbcClient jdbc;
  @Autowired CamundaClient client;

  @Test
  void aStoredDebtWithoutAJourneyGetsOneFromTheRelay() {
    String debtId = TestDebtors.uniqueId("pending");
    assertThat(
            api.post("/api/debts", api.debt(debtId, "250.00", today().plusDays(25)))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    long first = api.journeyKey(debtId);
    client.newCancelInstanceCommand(first).send().join();
    jdbc.sql(
            """
            update debt set process_instance_key = null,
                   registered_at = registered_at - interval '1 minute'
            where debt_id = :id
            """)
        .param("id", debtId)
        .update();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> key(debtId) != null && !key(debtId).equals(first));

    assertThat(api.timelineTypes(debtId)).filteredOn("JOURNEY_STARTED"::equals).hasSize(2);
    assertThat(journeyEnded(debtId)).isFalse();
    assertThat(api.status(debtId)).isEqualTo("ACTIVE");
  }

  private Long key(String debtId) {
    return jdbc.sql("select process_instance_key from debt where debt_id = :id")
        .param("id", debtId)
        .query((rs, n) -> (Long) rs.getObject(1))
        .list()
        .getFirst(); // null while the journey is not started
  }
}
