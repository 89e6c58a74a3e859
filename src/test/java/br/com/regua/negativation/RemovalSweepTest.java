package br.com.regua.negativation;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.brazil.BusinessDays;
import br.com.regua.support.CreditBureauStub;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A negativated debt paid after its journey ended (handed off at D+60) still has its negativation
 * removed within the legal deadline (STJ Súmula 548): the removal sweep asks for it and confirms
 * it, against the bureau played by WireMock. The scheduled sweep waits an hour between runs in the
 * tests; the test runs it itself, at the instants it names.
 */
class RemovalSweepTest extends IntegrationTest {

  @Autowired private RemovalSweep sweep;
  @Autowired private NegativationService negativations;
  @Autowired private BusinessDays businessDays;
  @Autowired private CamundaClient client;
  @Autowired private JdbcClient jdbc;

  @Test
  void aDebtPaidAfterItsHandOffHasItsNegativationRemovedWithinFiveBusinessDaysOfThePayment() {
    // given a negativated debt whose journey ended with its hand-off
    String debtId = TestDebtors.uniqueId("sweep-handed-off");
    LocalDate today = LocalDate.ofInstant(engine.now(), SAO_PAULO);
    assertThat(
            api.post("/api/debts", api.debt(debtId, "320.00", today.plusDays(30)))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    client.newCancelInstanceCommand(api.journeyKey(debtId)).send().join();
    provenNotice(debtId);
    CreditBureauStub.acceptNegativation(debtId);
    CreditBureauStub.acceptRemoval(debtId);
    CreditBureauStub.removalPendingThenDone(debtId);
    assertThat(negativations.negativate(debtId)).isEqualTo(NegativationService.Outcome.NEGATIVATED);
    jdbc.sql("update debt set status = 'HANDED_OFF' where debt_id = :id")
        .param("id", debtId)
        .update();

    // when the debtor pays it in full afterwards, with no journey left to remove the record
    Instant paidAt = engine.now();
    assertThat(
            api.post(
                    "/api/debts/" + debtId + "/payments",
                    api.payment("ted-" + debtId, "320.00", paidAt.toString()))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    assertThat(api.status(debtId)).isEqualTo("PAID");

    // then a sweep within the grace leaves it to a journey, one after it asks the bureau, once
    sweep.sweep(paidAt.minusSeconds(60), paidAt.minus(Duration.ofHours(4)));
    CreditBureauStub.SERVER.verify(0, removalRequests(debtId));
    sweep.sweep(engine.now().plusSeconds(60), paidAt.minus(Duration.ofHours(4)));
    sweep.sweep(engine.now().plusSeconds(60), paidAt.minus(Duration.ofHours(4)));
    CreditBureauStub.SERVER.verify(1, removalRequests(debtId));
    LocalDate deadline = businessDays.plusBusinessDays(LocalDate.ofInstant(paidAt, SAO_PAULO), 5);
    assertThat(negativationRow(debtId, "status")).isEqualTo("REMOVAL_REQUESTED");
    assertThat(negativationRow(debtId, "removal_deadline")).isEqualTo(deadline.toString());
    assertThat(api.timelineTypes(debtId)).contains("DENEGATIVATION_REQUESTED");

    // and later sweeps ask the bureau until it confirms the removal
    Instant later = engine.now().plus(Duration.ofHours(5));
    sweep.sweep(later, later);
    assertThat(negativationRow(debtId, "status")).isEqualTo("REMOVAL_REQUESTED");
    sweep.sweep(later, later);
    assertThat(negativationRow(debtId, "status")).isEqualTo("REMOVED");
    assertThat(api.timelineTypes(debtId)).contains("DENEGATIVATED");
    CreditBureauStub.SERVER.verify(
        2, getRequestedFor(urlEqualTo("/v1/negativations/" + CreditBureauStub.protocol(debtId))));
  }

  private void provenNotice(String debtId) {
    jdbc.sql(
            """
            insert into contact (debt_id, idempotency_key, step, channel, template, outcome,
                                 detail, occurred_at)
            values (:debtId, :key, 'Aviso prévio de negativação (carta)', 'LETTER', :template,
                    'SENT', 'carta postada', now())
            """)
        .param("debtId", debtId)
        .param("key", debtId + ":notice-letter")
        .param("template", NegativationModel.NOTICE_TEMPLATE)
        .update();
  }

  private String negativationRow(String debtId, String column) {
    return jdbc.sql("select cast(" + column + " as text) from negativation where debt_id = :id")
        .param("id", debtId)
        .query(String.class)
        .single();
  }

  private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder removalRequests(
      String debtId) {
    return postRequestedFor(
            urlEqualTo("/v1/negativations/" + CreditBureauStub.protocol(debtId) + "/removal"))
        .withHeader("Idempotency-Key", equalTo("remove:" + debtId));
  }
}
