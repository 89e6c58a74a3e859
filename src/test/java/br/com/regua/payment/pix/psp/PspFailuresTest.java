package br.com.regua.payment.pix.psp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.charge.pix.Txid;
import br.com.regua.payment.pix.psp.PspFailures.Operation;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the PSP fails or refuses (WireMock over mutual TLS) backs off or becomes an incident, as the
 * engine does with the other providers' jobs: a refused cobv is not sent again every run, one debt
 * the PSP fails on does not hold back the others, and a supervisor retries an incident.
 */
class PspFailuresTest extends IntegrationTest {

  @Autowired CobvSync sync;
  @Autowired PspFailures failures;
  @Autowired JdbcClient jdbc;

  private final WireMockServer psp = MutualTlsPsp.server();

  @BeforeEach
  void reset() {
    MutualTlsPsp.reset();
  }

  @Test
  void aRefusedCobvIsAnIncidentAtOnceAndIsSentAgainOnlyWhenASupervisorRetriesIt() {
    // given a debt whose cobv the PSP refuses
    String debtId = registerDebt("psp-refused", "120.00", today().plusDays(20));
    String txid = Txid.forDebt(debtId);
    psp.stubFor(
        put(urlEqualTo("/api/v2/cobv/" + txid))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        "{\"title\":\"Cobrança inválida.\",\"status\":400,"
                            + "\"violacoes\":[{\"propriedade\":\"cobv.devedor.cpf\"}]}")));

    // when the sync runs three times
    for (int i = 0; i < 3; i++) {
      sync.syncWith(MutualTlsPsp.client(), List.of(debtId));
    }

    // then the PSP was asked once, and supervisors see the incident with the PSP's reason
    psp.verify(1, putRequestedFor(urlEqualTo("/api/v2/cobv/" + txid)));
    JsonNode incident = incident("COBV", debtId);
    assertThat(incident).isNotNull();
    assertThat(incident.get("debtId").asText()).isEqualTo(debtId);
    assertThat(incident.get("attempts").asInt()).isEqualTo(1);
    assertThat(incident.get("lastError").asText()).contains("HTTP 400", "cobv.devedor.cpf");

    // when the cause is dealt with at the PSP, nothing happens until a supervisor retries
    psp.stubFor(
        put(urlEqualTo("/api/v2/cobv/" + txid))
            .willReturn(
                okJson(
                    "{\"txid\":\"%s\",\"revisao\":0,\"status\":\"ATIVA\",\"pixCopiaECola\":\"pix-%s\"}"
                        .formatted(txid, txid))));
    sync.syncWith(MutualTlsPsp.client(), List.of(debtId));
    psp.verify(1, putRequestedFor(urlEqualTo("/api/v2/cobv/" + txid)));
    var retried = api.post("/api/psp-incidents/COBV/" + debtId + "/retry", null);
    assertThat(retried.getStatusCode().value()).isEqualTo(200);
    assertThat(retried.getBody().get("status").asText()).isEqualTo("RETRY_AT_NEXT_RUN");

    // then the next run sends it, the debtor pays the PSP's cobv, and the incident is gone
    assertThat(sync.syncWith(MutualTlsPsp.client(), List.of(debtId))).isTrue();
    psp.verify(2, putRequestedFor(urlEqualTo("/api/v2/cobv/" + txid)));
    assertThat(
            api.get("/api/debts/" + debtId)
                .getBody()
                .at("/paymentOptions/pixCopyAndPaste")
                .asText())
        .isEqualTo("pix-" + txid);
    assertThat(incident("COBV", debtId)).isNull();
    assertThat(failures.recorded(Operation.COBV)).doesNotContain(debtId);

    // and retrying what is no incident is a 404 naming it
    var again = api.post("/api/psp-incidents/COBV/" + debtId + "/retry", null);
    assertThat(again.getStatusCode().value()).isEqualTo(404);
    assertThat(api.post("/api/psp-incidents/COBRANCA/" + debtId + "/retry", null).getBody())
        .satisfies(p -> assertThat(p.toString()).contains("operation"));
  }

  @Test
  void aDebtThePspFailsOnWaitsOutItsBackoffWithoutHoldingBackTheOthers() {
    // given two debts, the PSP failing on the first one's cobv only
    String failing = registerDebt("psp-failing", "120.00", today().plusDays(20));
    String other = registerDebt("psp-other", "120.00", today().plusDays(20));
    psp.stubFor(
        put(urlEqualTo("/api/v2/cobv/" + Txid.forDebt(failing)))
            .willReturn(aResponse().withStatus(503).withBody("manutenção")));
    psp.stubFor(
        put(urlEqualTo("/api/v2/cobv/" + Txid.forDebt(other)))
            .willReturn(
                okJson(
                    "{\"txid\":\"%s\",\"revisao\":0,\"status\":\"ATIVA\",\"pixCopiaECola\":\"ok\"}"
                        .formatted(Txid.forDebt(other)))));
    Instant before = Instant.now();

    // when the sync runs: the failure stops the run (the PSP is most likely down)
    assertThat(sync.syncWith(MutualTlsPsp.client(), List.of(failing, other))).isFalse();
    psp.verify(0, putRequestedFor(urlEqualTo("/api/v2/cobv/" + Txid.forDebt(other))));

    // and the next run leaves the failing debt to its backoff and goes on with the other
    assertThat(sync.syncWith(MutualTlsPsp.client(), List.of(failing, other))).isTrue();
    psp.verify(1, putRequestedFor(urlEqualTo("/api/v2/cobv/" + Txid.forDebt(failing))));
    psp.verify(1, putRequestedFor(urlEqualTo("/api/v2/cobv/" + Txid.forDebt(other))));

    // then the failing debt is tried again a minute later (the first wait), not an incident
    Instant next =
        jdbc.sql(
                "select next_attempt_at from psp_failure where operation = 'COBV' and reference = ?")
            .param(failing)
            .query(Instant.class)
            .single();
    assertThat(next).isBetween(before.plusSeconds(55), Instant.now().plusSeconds(65));
    assertThat(incident("COBV", failing)).isNull();
  }

  @Test
  void failuresBackOffLongerEachTimeAndBecomeAnIncidentPastTheLastWait() {
    // given the default waits 1m, 5m, 30m, 2h, 6h
    String reference = TestDebtors.uniqueId("refund");
    Instant t = Instant.parse("2026-12-07T12:00:00Z");

    // when the PSP fails on it six times, each time once its wait is over
    List<Instant> next = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      PspFailures.Failure f =
          failures.failed(Operation.REFUND, reference, null, "HTTP 503", false, t);
      next.add(f.nextAttemptAt());
      assertThat(failures.held(Operation.REFUND, t)).contains(reference);
      t = f.incident() ? t : f.nextAttemptAt();
      assertThat(f.incident() || !failures.held(Operation.REFUND, t).contains(reference)).isTrue();
    }

    // then the waits grew as configured, and the sixth failure is an incident
    Instant t0 = Instant.parse("2026-12-07T12:00:00Z");
    assertThat(next.subList(0, 5))
        .containsExactly(
            t0.plus(Duration.ofMinutes(1)),
            t0.plus(Duration.ofMinutes(1 + 5)),
            t0.plus(Duration.ofMinutes(1 + 5 + 30)),
            t0.plus(Duration.ofMinutes(1 + 5 + 30 + 120)),
            t0.plus(Duration.ofMinutes(1 + 5 + 30 + 120 + 360)));
    assertThat(next.get(5)).isNull();
    assertThat(incident("REFUND", reference).get("attempts").asInt()).isEqualTo(6);
  }

  private JsonNode incident(String operation, String reference) {
    for (JsonNode incident : api.get("/api/psp-incidents").getBody()) {
      if (incident.get("operation").asText().equals(operation)
          && incident.get("reference").asText().equals(reference)) {
        return incident;
      }
    }
    return null;
  }
}
