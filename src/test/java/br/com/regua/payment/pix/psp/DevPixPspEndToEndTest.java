package br.com.regua.payment.pix.psp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.charge.pix.Txid;
import br.com.regua.payment.pix.PixCatchUp;
import br.com.regua.payment.pix.PixNotifications;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/**
 * What {@code bin/run} does with the development PSP (devkit/providers/DevPixPsp): the debt's cobv
 * is created there, the debtor pays it, the PSP notifies the webhook and the journey ends, with no
 * call to the payments API; the catch-up then finds the Pix applied.
 */
class DevPixPspEndToEndTest extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired CobvSync sync;
  @Autowired PixCatchUp catchUp;
  // what the PSP client's calls record as http.client.requests, apart from the test's own calls
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  @Autowired MeterRegistry serviceMeters;
  private final ObservationRegistry observations = ObservationRegistry.create();

  {
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
  }

  private PspClient devPsp() {
    String base = "http://localhost:" + port + "/api/dev/psp";
    return new PspClient(
        new PspProperties(
            base,
            base + "/oauth/token",
            "dev",
            "dev",
            null,
            null,
            null,
            null,
            Duration.ofSeconds(5),
            Duration.ofSeconds(10)),
        RestClient.builder().observationRegistry(observations),
        Clock.systemUTC());
  }

  @Test
  void aDebtorPaysTheDebtsCobvAtTheDevelopmentPspAndTheJourneyEnds() {
    // given a debt whose cobv the development PSP holds
    String debtId = TestDebtors.uniqueId("dev-psp");
    api.post("/api/debts", api.debt(debtId, "120.00", today().plusDays(15)));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> api.timelineTypes(debtId).contains("JOURNEY_STARTED"));
    String txid = Txid.forDebt(debtId);
    assertThat(sync.syncWith(devPsp(), List.of(debtId))).isTrue();
    JsonNode cobv = api.get("/api/dev/psp/cobv/" + txid).getBody();
    assertThat(cobv.at("/valor/original").asText()).isEqualTo("120.00");
    assertThat(
            api.get("/api/debts/" + debtId)
                .getBody()
                .at("/paymentOptions/pixCopyAndPaste")
                .asText())
        .isEqualTo(cobv.get("pixCopiaECola").asText());

    // when the debtor pays it
    JsonNode paid = api.post("/api/dev/psp/cobv/" + txid + "/payments", Map.of()).getBody();

    // then the PSP notified the webhook, the debt is paid and its journey ended
    assertThat(paid.at("/webhook/pix/0/outcome").asText()).isEqualTo("APPLIED");
    assertThat(api.status(debtId)).isEqualTo("PAID");
    await().atMost(Duration.ofSeconds(20)).until(() -> journeyEnded(debtId));
    assertThat(api.get("/api/dev/psp/cobv/" + txid).getBody().get("status").asText())
        .isEqualTo("CONCLUIDA");

    // and the catch-up finds that Pix applied already
    String e2e = paid.at("/pix/endToEndId").asText();
    List<PixNotifications.Applied> caughtUp =
        catchUp.catchUp(devPsp(), Instant.now().minusSeconds(3600), Instant.now());
    assertThat(caughtUp)
        .filteredOn(applied -> applied.endToEndId().equals(e2e))
        .extracting(PixNotifications.Applied::outcome)
        .containsExactly("DUPLICATE");

    // and the calls are measured by their URI templates, never by a charge's txid
    Set<String> uris = new TreeSet<>();
    meters.find("http.client.requests").meters().forEach(m -> uris.add(m.getId().getTag("uri")));
    assertThat(uris)
        .containsExactlyInAnyOrder(
            "/api/dev/psp/oauth/token",
            "/api/dev/psp/cobv/{txid}",
            "/api/dev/psp/pix?inicio={from}&fim={to}&paginacao.paginaAtual={page}");
    // and the suite's own calls (api.get(".../cobv/" + txid)) add no tag per charge either
    Set<String> suiteUris = new TreeSet<>();
    serviceMeters
        .find("http.client.requests")
        .meters()
        .forEach(m -> suiteUris.add(m.getId().getTag("uri")));
    assertThat(suiteUris).contains("test-client").noneMatch(uri -> uri.contains(txid));
  }

  @Test
  void aDebtorPaysTheStaticBrCodeOfAReminderThroughTheDevelopmentPspWithNoPspConfigured() {
    // given a debt whose Pix is the static BR Code (no PSP configured), as its reminders show it
    String debtId = TestDebtors.uniqueId("dev-brcode");
    api.post("/api/debts", api.debt(debtId, "75.50", today().plusDays(15)));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> api.timelineTypes(debtId).contains("JOURNEY_STARTED"));
    String brCode =
        api.get("/api/debts/" + debtId).getBody().at("/paymentOptions/pixCopyAndPaste").asText();

    // when the debtor pays it in a banking app (played by the development PSP)
    JsonNode paid =
        api.post("/api/dev/psp/brcode-payments", Map.of("pixCopiaECola", brCode)).getBody();

    // then the Pix carried the code's txid and amount, the webhook applied it, and the debt is paid
    assertThat(paid.at("/pix/txid").asText()).isEqualTo(Txid.staticReference(debtId));
    assertThat(paid.at("/pix/valor").asText()).isEqualTo("75.50");
    assertThat(paid.at("/webhook/pix/0/outcome").asText()).isEqualTo("APPLIED");
    assertThat(api.status(debtId)).isEqualTo("PAID");

    // and a text that is no BR Code is refused, naming the field
    var refused = api.post("/api/dev/psp/brcode-payments", Map.of("pixCopiaECola", "pague-me"));
    assertThat(refused.getStatusCode().value()).isEqualTo(422);
    assertThat(refused.getBody().toString()).contains("pixCopiaECola");
  }
}
