package br.com.regua.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.payment.PaidThrough;
import br.com.regua.payment.PaymentRequest;
import br.com.regua.payment.PaymentService;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * GET /api/kpis on a cohort of its own: four debts due four years ahead (no other test registers
 * debts due then), registered through the API, paid through the API; contacts, promises and an
 * agreement written to their tables as the workers would. Every number below is worked out by hand.
 */
class KpiApiTest extends IntegrationTest {

  @Autowired PaymentService payments;

  @Autowired JdbcClient jdbc;

  @Test
  void kpisOfACohortPerStrategyAndJourneyVersion() {
    LocalDate d = LocalDate.now().plusYears(4).withDayOfMonth(1).plusDays(3);
    String a = TestDebtors.uniqueId("kpi-a"); // 1000.00, paid in full two days before due
    String b = TestDebtors.uniqueId("kpi-b"); // 500.00, 200.00 paid 45 days late
    String c = TestDebtors.uniqueId("kpi-c"); // 300.00, paid in full 100 days late
    String e = TestDebtors.uniqueId("kpi-d"); // 200.00, nothing paid
    String outside = TestDebtors.uniqueId("kpi-x"); // due after the period: never counted
    register(a, "1000.00", d);
    register(b, "500.00", d.plusDays(1));
    register(c, "300.00", d.plusDays(2));
    register(e, "200.00", d.plusDays(3));
    register(outside, "999.99", d.plusDays(20));
    awaitStrategies(List.of(a, b, c, e, outside));
    setStrategy("standard", a, b);
    setStrategy("intensive", c, e);

    pay(a, "1000.00", at(d.minusDays(2), 10, 0));
    pay(b, "200.00", at(d.plusDays(1 + 45), 10, 0));
    pay(c, "300.00", at(d.plusDays(2 + 100), 10, 0));
    pay(outside, "999.99", at(d.plusDays(20), 10, 0));

    contact(a, "EMAIL", "SENT", at(d.minusDays(3), 9, 0)); // last touch of a's payment
    contact(b, "SMS", "SENT", at(d.plusDays(1 + 40), 9, 0)); // last touch of b's payment
    contact(b, "EMAIL", "RECORDED", at(d.plusDays(1 + 50), 9, 0)); // after it
    contact(b, "EMAIL", "POSTPONED", at(d.plusDays(1 + 30), 9, 0)); // not a contact made
    contact(c, "WHATSAPP", "SENT", at(d.plusDays(2 + 90), 9, 0)); // last touch of c's payment
    contact(e, "EMAIL", "SENT", at(d.plusDays(3 + 5), 9, 0));
    contact(outside, "SMS", "SENT", at(d.plusDays(20), 9, 0));
    promise(a, "KEPT");
    promise(c, "KEPT");
    promise(b, "BROKEN");
    agreement(e);

    JsonNode report = kpis(d.toString(), d.plusDays(9).toString());

    JsonNode all = report.get("overall");
    assertThat(all.get("debts").asLong()).isEqualTo(4);
    assertThat(all.get("amount").asText()).isEqualTo("2000.00");
    assertThat(all.get("recovered").asText()).isEqualTo("1500.00");
    assertThat(all.get("recoveryRate").asText()).isEqualTo("0.7500");
    assertThat(all.at("/paidBeforeDue/debts").asLong()).isEqualTo(1);
    assertThat(all.at("/paidBeforeDue/rate").asText()).isEqualTo("0.2500");
    assertThat(all.at("/recoveryByAging/0-30/recovered").asText()).isEqualTo("1000.00");
    assertThat(all.at("/recoveryByAging/0-30/rate").asText()).isEqualTo("0.5000");
    assertThat(all.at("/recoveryByAging/31-60/recovered").asText()).isEqualTo("200.00");
    assertThat(all.at("/recoveryByAging/31-60/rate").asText()).isEqualTo("0.1000");
    assertThat(all.at("/recoveryByAging/61-90/recovered").asText()).isEqualTo("0.00");
    assertThat(all.at("/recoveryByAging/90+/recovered").asText()).isEqualTo("300.00");
    assertThat(all.at("/recoveryByAging/90+/rate").asText()).isEqualTo("0.1500");
    assertThat(all.get("contacts").asLong()).isEqualTo(5);
    assertThat(all.get("contactsPerRealRecovered").asText()).isEqualTo("0.0033"); // 5 / 1500
    assertThat(all.at("/channels/EMAIL/contacts").asLong()).isEqualTo(3);
    assertThat(all.at("/channels/EMAIL/payments").asLong()).isEqualTo(1);
    assertThat(all.at("/channels/EMAIL/recovered").asText()).isEqualTo("1000.00");
    assertThat(all.at("/channels/EMAIL/paymentsPerContact").asText()).isEqualTo("0.3333");
    assertThat(all.at("/channels/SMS/recovered").asText()).isEqualTo("200.00");
    assertThat(all.at("/channels/SMS/paymentsPerContact").asText()).isEqualTo("1.0000");
    assertThat(all.at("/channels/WHATSAPP/recovered").asText()).isEqualTo("300.00");
    assertThat(all.at("/promises/kept").asLong()).isEqualTo(2);
    assertThat(all.at("/promises/broken").asLong()).isEqualTo(1);
    assertThat(all.at("/promises/keptRate").asText()).isEqualTo("0.6667");
    assertThat(all.at("/agreements/signed").asLong()).isEqualTo(1);
    assertThat(all.at("/agreements/broken").asLong()).isZero();

    JsonNode standard = report.at("/byStrategy/standard");
    assertThat(standard.get("debts").asLong()).isEqualTo(2);
    assertThat(standard.get("amount").asText()).isEqualTo("1500.00");
    assertThat(standard.get("recovered").asText()).isEqualTo("1200.00");
    assertThat(standard.get("recoveryRate").asText()).isEqualTo("0.8000");
    assertThat(standard.get("contacts").asLong()).isEqualTo(3);
    JsonNode intensive = report.at("/byStrategy/intensive");
    assertThat(intensive.get("recovered").asText()).isEqualTo("300.00");
    assertThat(intensive.get("recoveryRate").asText()).isEqualTo("0.6000");
    assertThat(intensive.at("/paidBeforeDue/debts").asLong()).isZero();
    assertThat(report.get("byStrategy").size()).isEqualTo(2);

    // every journey started on the deployed dunning-journey; its version is stored with the debt
    Integer version =
        jdbc.sql("select journey_version from debt where debt_id = ?")
            .param(a)
            .query(Integer.class)
            .single();
    assertThat(version).isPositive();
    assertThat(report.get("byJourneyVersion").size()).isEqualTo(1);
    assertThat(report.at("/byJourneyVersion/" + version + "/debts").asLong()).isEqualTo(4);
    assertThat(report.at("/byJourneyVersion/" + version + "/recovered").asText())
        .isEqualTo("1500.00");
  }

  @Test
  void anEmptyPeriodHasNoRates() {
    JsonNode report = kpis("1990-01-01", "1990-01-31");
    assertThat(report.at("/overall/debts").asLong()).isZero();
    assertThat(report.at("/overall/recoveryRate").isNull()).isTrue();
    assertThat(report.get("byStrategy").size()).isZero();
  }

  @Test
  void theKpiPageIsServedWithNothingFromElsewhere() {
    var page = http.getForEntity("/kpis.html", String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
    assertThat(page.getBody())
        .contains("api/kpis?from=", "api/kpis/periods", "lang=\"pt-BR\"")
        .doesNotContainPattern("(src|href)=\"?https?:");
  }

  @Test
  void thePagesPeriodsEndOnTheEnginesDateNotTheMachines() {
    // given the engine's clock moved two days past the machine's
    advance(Duration.ofDays(2));
    LocalDate today = today();
    assertThat(today).isAfter(LocalDate.now(SAO_PAULO));

    // when the page asks for its periods
    JsonNode periods = api.get("/api/kpis/periods").getBody();

    // then each ends on the engine's date
    assertThat(periods.get("today").asText()).isEqualTo(today.toString());
    assertThat(periods.get("defaultPreset").asText()).isEqualTo("last-90-days");
    assertThat(periods.at("/presets/0/label").asText()).isEqualTo("Este mês");
    assertThat(periods.at("/presets/0/from").asText())
        .isEqualTo(today.withDayOfMonth(1).toString());
    assertThat(periods.at("/presets/1/from").asText()).isEqualTo(today.minusDays(29).toString());
    assertThat(periods.at("/presets/2/from").asText()).isEqualTo(today.minusDays(89).toString());
    for (JsonNode preset : periods.get("presets")) {
      assertThat(preset.get("to").asText()).isEqualTo(today.toString());
    }
  }

  @Test
  void badPeriodsNameTheField() {
    assertBadField("/api/kpis?to=2026-01-31", "from");
    assertBadField("/api/kpis?from=2026-01-01&to=31/01/2026", "to");
    assertBadField("/api/kpis?from=2026-02-01&to=2026-01-31", "to");
  }

  private void assertBadField(String path, String field) {
    var response = api.get(path);
    assertThat(response.getStatusCode().value()).as(path).isEqualTo(400);
    assertThat(response.getBody().at("/errors/0/field").asText()).as(path).isEqualTo(field);
  }

  private JsonNode kpis(String from, String to) {
    var response = api.get("/api/kpis?from=" + from + "&to=" + to);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody();
  }

  private void register(String debtId, String amount, LocalDate due) {
    assertThat(api.post("/api/debts", api.debt(debtId, amount, due)).getStatusCode().value())
        .isEqualTo(201);
  }

  private void awaitStrategies(List<String> debtIds) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from debt where debt_id in (:ids) and strategy is not null")
                        .param("ids", debtIds)
                        .query(Long.class)
                        .single()
                    == debtIds.size());
  }

  private void setStrategy(String strategy, String... debtIds) {
    jdbc.sql("update debt set strategy = :s where debt_id in (:ids)")
        .param("s", strategy)
        .param("ids", List.of(debtIds))
        .update();
  }

  /**
   * The cohort lies years ahead of the clock, and the API refuses a payment dated later than now
   * (paidAt): the payment goes through the service's own path instead, as a rail's would.
   */
  private void pay(String debtId, String amount, Instant paidAt) {
    var receipt =
        payments.receive(
            debtId,
            new PaymentRequest("pay-" + debtId, amount, paidAt.atOffset(ZoneOffset.UTC)),
            PaidThrough.API);
    assertThat(receipt.created()).isTrue();
  }

  private void contact(String debtId, String channel, String outcome, Instant at) {
    jdbc.sql(
            "insert into contact (debt_id, idempotency_key, step, channel, template, outcome,"
                + " occurred_at) values (:d, :k, 'KPI', :c, 'reminder-overdue', :o, :at)")
        .param("d", debtId)
        .param("k", debtId + ":" + channel + ":" + outcome + ":" + at)
        .param("c", channel)
        .param("o", outcome)
        .param("at", Timestamp.from(at))
        .update();
  }

  private void promise(String debtId, String status) {
    jdbc.sql(
            "insert into promise (promise_id, debt_id, promised_date, source, status, created_at,"
                + " resolved_at) values (:id, :d, :day, 'API', :s, now(), now())")
        .param("id", "p-" + debtId)
        .param("d", debtId)
        .param("day", LocalDate.now().plusYears(4))
        .param("s", status)
        .update();
  }

  private void agreement(String debtId) {
    jdbc.sql(
            "insert into agreement (agreement_id, debt_id, installments, signed_at, status, source)"
                + " values (:id, :d, 6, now(), 'ACTIVE', 'OFFER')")
        .param("id", "ag-" + debtId)
        .param("d", debtId)
        .update();
  }
}
