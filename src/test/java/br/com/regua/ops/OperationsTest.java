package br.com.regua.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.consent.Channel;
import br.com.regua.contact.ContactOutcome;
import br.com.regua.contact.ContactService;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What operations read: /actuator/health with the engine and the database, the Prometheus meters
 * moving with the service's work, and the debt id on the log lines of a request.
 */
class OperationsTest extends IntegrationTest {

  @Autowired ContactService contacts;
  @Autowired JdbcClient jdbc;

  @Test
  void healthShowsTheEngineAndTheDatabase() {
    JsonNode health = api.get("/actuator/health").getBody();
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("engine").path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
  }

  @Test
  void readyOnceTheEngineClockIsRestoredAndTheLostJourneysRebuilt() {
    // the context started: EngineClockStore and PendingJourneys ran on ApplicationReadyEvent
    JsonNode readiness = api.get("/actuator/health/readiness").getBody();
    assertThat(readiness.path("status").asText()).isEqualTo("UP");
    assertThat(readiness.path("components").path("readinessState").path("status").asText())
        .isEqualTo("UP");
    assertThat(readiness.path("components").path("recovery").path("status").asText())
        .isEqualTo("UP");
    assertThat(api.get("/actuator/health/liveness").getBody().path("status").asText())
        .isEqualTo("UP");
  }

  @Test
  void metricsMoveWithContactsPostponementsJourneysAndWorkers() {
    moveToContactHours();
    double strategyWorkerBefore =
        metric("regua_worker_seconds_count", "outcome=\"completed\",type=\"record-strategy\"");
    double emailsBefore = metric("regua_contacts_total", "channel=\"EMAIL\",outcome=\"SENT\"");
    double postponedBefore = metric("regua_contact_postponements_total", "reason=\"daily-limit\"");

    // a debt registered: its journey runs, the strategy worker records the strategy
    String debtId = TestDebtors.uniqueId("metrics");
    var body = api.debt(debtId, "150.00", today().plusYears(1));
    assertThat(api.post("/api/debts", body).getStatusCode().value()).isEqualTo(201);
    // two contacts the same day: the first is sent, the second waits for tomorrow (daily limit 1)
    assertThat(contacts.remind(debtId, "D+7", Channel.EMAIL, "reminder-overdue"))
        .isEqualTo(ContactOutcome.SENT);
    assertThat(contacts.remind(debtId, "D+15", Channel.EMAIL, "reminder-overdue"))
        .isEqualTo(ContactOutcome.POSTPONED);

    // Other tests' journeys may still be working in the shared engine: counters are compared with
    // at least this test's own work, the gauge with the database itself.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(
                      metric(
                          "regua_worker_seconds_count",
                          "outcome=\"completed\",type=\"record-strategy\""))
                  .isGreaterThanOrEqualTo(strategyWorkerBefore + 1);
              assertThat(metric("regua_journeys", "status=\"ACTIVE\""))
                  .isEqualTo(activeInDatabase())
                  .isGreaterThanOrEqualTo(1);
            });
    assertThat(metric("regua_contacts_total", "channel=\"EMAIL\",outcome=\"SENT\""))
        .isGreaterThanOrEqualTo(emailsBefore + 1);
    assertThat(metric("regua_contact_postponements_total", "reason=\"daily-limit\""))
        .isGreaterThanOrEqualTo(postponedBefore + 1);
  }

  @Test
  void theOutboxLagIsTheAgeOfTheOldestUnpublishedMessage() {
    assertThat(metric("regua_outbox_pending", "")).isGreaterThanOrEqualTo(0);
    // a message the engine has not taken for ten minutes (its next attempt far away, so the relay
    // leaves it alone while the test looks)
    String id = TestDebtors.uniqueId("lag");
    Instant now = engine.now();
    jdbc.sql(
            "insert into journey_message (message_id, message_name, correlation_key, variables,"
                + " created_at, next_attempt_at) values (:id, 'payment-received', :id, '{}'::jsonb,"
                + " :created, :next)")
        .param("id", id)
        .param("created", Timestamp.from(now.minus(Duration.ofMinutes(10))))
        .param("next", Timestamp.from(now.plus(Duration.ofDays(365))))
        .update();
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                assertThat(metric("regua_outbox_pending", "")).isGreaterThanOrEqualTo(1);
                assertThat(metric("regua_outbox_lag_seconds", "")).isGreaterThanOrEqualTo(600);
              });
    } finally {
      jdbc.sql("delete from journey_message where message_id = ?").param(id).update();
    }
  }

  private double activeInDatabase() {
    return jdbc.sql("select count(*) from debt where status = 'ACTIVE'").query(Long.class).single();
  }

  @Test
  void aRequestsLogLinesCarryItsDebtId() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    root.addAppender(lines);
    try {
      String debtId = TestDebtors.uniqueId("mdc");
      var body = api.debt(debtId, "99.00", today().plusYears(1));
      assertThat(api.post("/api/debts", body).getStatusCode().value()).isEqualTo(201);

      // DebtService logs the journey's start while handling the registration
      ILoggingEvent started =
          lines.list.stream()
              .filter(e -> e.getFormattedMessage().contains("started for debt " + debtId))
              .findFirst()
              .orElseThrow();
      assertThat(started.getMDCPropertyMap()).containsEntry("debtId", debtId);
    } finally {
      root.detachAppender(lines);
    }
  }

  /** A sample's value in the Prometheus text; 0 when the series does not exist yet. */
  private double metric(String name, String labels) {
    String text = http.getForObject("/actuator/prometheus", String.class);
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{([^}]*)\\})? ([0-9.eE+-]+)$")
            .matcher(text);
    double value = 0;
    while (m.find()) {
      if ((m.group(1) == null ? "" : m.group(1)).contains(labels)) {
        value += Double.parseDouble(m.group(2));
      }
    }
    return value;
  }
}
