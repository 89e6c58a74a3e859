package br.com.regua.payment.pix.psp;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.charge.pix.Txid;
import br.com.regua.payment.pix.ApiPixContract;
import br.com.regua.payment.pix.PixCatchUp;
import br.com.regua.payment.pix.PixNotifications;
import br.com.regua.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The service and the PSP (WireMock over mutual TLS): a Pix whose notification was lost is applied
 * by the catch-up and ends its journey, one the webhook applied is a duplicate; a debt paid through
 * the API has its cobv removed at the PSP once.
 */
class PspReconciliationTest extends IntegrationTest {

  @Autowired PixCatchUp catchUp;
  @Autowired CobvRemovals removals;
  @Autowired CobvSync sync;
  @Autowired RefundSender refundSender;

  private final WireMockServer psp = MutualTlsPsp.server();

  @BeforeEach
  void reset() {
    MutualTlsPsp.reset();
  }

  private static String pix(String e2e, String txid, String valor) {
    return """
        {"endToEndId":"%s","txid":"%s","valor":"%s","horario":"2026-12-07T15:00:00Z"}"""
        .formatted(e2e, txid, valor);
  }

  private static String page(int current, int pages, String... pix) {
    return """
        {"parametros":{"inicio":"2026-12-07T13:00:00Z","fim":"2026-12-07T15:30:00Z",
          "paginacao":{"paginaAtual":%d,"itensPorPagina":1,"quantidadeDePaginas":%d,
                       "quantidadeTotalDeItens":%d}},
         "pix":[%s]}"""
        .formatted(current, pages, pages, String.join(",", pix));
  }

  @Test
  void aPixWhoseNotificationWasLostIsAppliedByTheCatchUpAndTheOtherIsADuplicate() {
    // given two debts; the PSP notified the first one's Pix, the second one's notification was lost
    String notified = registerDebt("catchup-seen", "150.00", today().plusDays(20));
    String lost = registerDebt("catchup-lost", "80.00", today().plusDays(20));
    String seenE2e = endToEndId();
    String lostE2e = endToEndId();
    api.post(
        "/api/webhooks/pix/pix",
        "{\"pix\":[" + pix(seenE2e, Txid.forDebt(notified), "150.00") + "]}");
    String first = page(0, 2, pix(seenE2e, Txid.forDebt(notified), "150.00"));
    String second = page(1, 2, pix(lostE2e, Txid.forDebt(lost), "80.00"));
    for (String answer : List.of(first, second)) {
      // the document's PixConsultados requires "cobs" (copied from CobsConsultadas) while its list
      // is "pix": that is the only thing it finds wrong with what a PSP answers
      assertThat(ApiPixContract.checkSchema("PixConsultados", answer))
          .as(answer)
          .singleElement()
          .asString()
          .contains("missing required properties ([\"cobs\"])");
    }
    psp.stubFor(
        get(urlPathEqualTo("/api/v2/pix"))
            .withQueryParam("paginacao.paginaAtual", equalTo("0"))
            .willReturn(okJson(first)));
    psp.stubFor(
        get(urlPathEqualTo("/api/v2/pix"))
            .withQueryParam("paginacao.paginaAtual", equalTo("1"))
            .willReturn(okJson(second)));

    // when the catch-up runs over the window
    List<PixNotifications.Applied> applied =
        catchUp.catchUp(
            MutualTlsPsp.client(),
            Instant.parse("2026-12-07T13:00:00Z"),
            Instant.parse("2026-12-07T15:30:00Z"));

    // then it read both pages, applied the lost Pix, and found the other applied before
    assertThat(applied)
        .extracting(PixNotifications.Applied::endToEndId, PixNotifications.Applied::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(seenE2e, "DUPLICATE"),
            org.assertj.core.groups.Tuple.tuple(lostE2e, "APPLIED"));
    psp.verify(
        getRequestedFor(urlPathEqualTo("/api/v2/pix"))
            .withQueryParam("inicio", equalTo("2026-12-07T13:00:00Z"))
            .withQueryParam("fim", equalTo("2026-12-07T15:30:00Z"))
            .withQueryParam("paginacao.paginaAtual", equalTo("1")));
    assertThat(api.status(lost)).isEqualTo("PAID");
    await().atMost(Duration.ofSeconds(20)).until(() -> journeyEnded(lost));
  }

  @Test
  void aDebtPaidThroughTheApiHasItsCobvRemovedAtThePspOnce() {
    // given a debt whose cobv the PSP holds, paid in full through the API: its removal is pending
    String debtId = registerDebt("cobv-removal", "60.00", today().plusDays(20));
    psp.stubFor(
        put(urlEqualTo("/api/v2/cobv/" + Txid.forDebt(debtId)))
            .willReturn(
                okJson(
                    "{\"txid\":\"%s\",\"revisao\":0,\"status\":\"ATIVA\",\"pixCopiaECola\":\"x\"}"
                        .formatted(Txid.forDebt(debtId)))));
    assertThat(sync.syncWith(MutualTlsPsp.client(), List.of(debtId))).isTrue();
    api.post(
        "/api/debts/" + debtId + "/payments",
        api.payment("pay-" + debtId, "60.00", "2026-12-07T10:00:00-03:00"));
    String txid = Txid.forDebt(debtId);
    psp.stubFor(
        patch(urlMatching("/api/v2/cobv/.*"))
            .willReturn(
                okJson(
                    "{\"txid\":\"x\",\"revisao\":1,\"status\":\"REMOVIDA_PELO_USUARIO_RECEBEDOR\"}")));

    // when the removals run, twice
    removals.removeWith(MutualTlsPsp.client());
    removals.removeWith(MutualTlsPsp.client());

    // then the PSP was asked once to remove this debt's cobv, and the removal is done
    psp.verify(
        1,
        patchRequestedFor(urlEqualTo("/api/v2/cobv/" + txid))
            .withRequestBody(equalTo("{\"status\":\"REMOVIDA_PELO_USUARIO_RECEBEDOR\"}")));
    JsonNode done = api.get("/api/instrument-cancellations?status=DONE&debtId=" + debtId).getBody();
    assertThat(done.findValuesAsText("instrument")).containsExactly("COBV");
    assertThat(api.get("/api/instrument-cancellations?debtId=" + debtId).getBody()).isEmpty();
  }

  @Test
  void aRegisteredDebtGetsItsCobvAndTheDebtorThePspsCopyAndPasteFollowingTheBalance() {
    // given a debt of 300.00 and a PSP that creates and revises cobv
    String debtId = registerDebt("cobv-sync", "300.00", today().plusDays(20));
    String txid = Txid.forDebt(debtId);
    String created = "00020101021226850014br.gov.bcb.pix2563pix.example.com/qr/v2/cobv/" + txid;
    String revised = created + "/rev1";
    psp.stubFor(
        put(urlEqualTo("/api/v2/cobv/" + txid))
            .willReturn(
                okJson(
                    "{\"txid\":\"%s\",\"revisao\":0,\"status\":\"ATIVA\",\"pixCopiaECola\":\"%s\"}"
                        .formatted(txid, created))));
    psp.stubFor(
        patch(urlEqualTo("/api/v2/cobv/" + txid))
            .willReturn(
                okJson(
                    "{\"txid\":\"%s\",\"revisao\":1,\"status\":\"ATIVA\",\"pixCopiaECola\":\"%s\"}"
                        .formatted(txid, revised))));

    // when the sync runs
    assertThat(sync.syncWith(MutualTlsPsp.client(), List.of(debtId))).isTrue();

    // then the PSP holds the cobv and the debtor pays the PSP's copy-and-paste
    String putBody =
        psp.findAll(putRequestedFor(urlEqualTo("/api/v2/cobv/" + txid))).get(0).getBodyAsString();
    assertThat(ApiPixContract.checkSchema("CobVSolicitada", putBody)).as(putBody).isEmpty();
    assertThat(putBody).contains("\"original\":\"300.00\"");
    assertThat(copyAndPaste(debtId)).isEqualTo(created);

    // when 100.00 is paid by Pix: the cobv charges too much, so the static BR Code stands in
    api.post("/api/webhooks/pix/pix", "{\"pix\":[" + pix(endToEndId(), txid, "100.00") + "]}");
    assertThat(copyAndPaste(debtId)).startsWith("000201").isNotEqualTo(created);

    // and the sync revises the cobv to the balance, once
    sync.syncWith(MutualTlsPsp.client(), List.of(debtId));
    sync.syncWith(MutualTlsPsp.client(), List.of(debtId));

    // then the debtor pays the revised cobv
    psp.verify(1, putRequestedFor(urlEqualTo("/api/v2/cobv/" + txid)));
    psp.verify(1, patchRequestedFor(urlEqualTo("/api/v2/cobv/" + txid)));
    String patchBody =
        psp.findAll(patchRequestedFor(urlEqualTo("/api/v2/cobv/" + txid))).get(0).getBodyAsString();
    assertThat(patchBody).isEqualTo("{\"valor\":{\"original\":\"200.00\"}}");
    assertThat(ApiPixContract.checkSchema("CobVRevisada", patchBody)).isEmpty();
    assertThat(copyAndPaste(debtId)).isEqualTo(revised);
  }

  @Test
  void aCancelledDebtsCobvIsRemovedAtThePsp() {
    // given a debt whose cobv the PSP holds
    String debtId = registerDebt("cobv-cancel", "90.00", today().plusDays(20));
    String txid = Txid.forDebt(debtId);
    psp.stubFor(
        put(urlEqualTo("/api/v2/cobv/" + txid))
            .willReturn(
                okJson(
                    "{\"txid\":\"%s\",\"revisao\":0,\"status\":\"ATIVA\",\"pixCopiaECola\":\"x\"}"
                        .formatted(txid))));
    psp.stubFor(
        patch(urlEqualTo("/api/v2/cobv/" + txid))
            .willReturn(
                okJson(
                    "{\"txid\":\"%s\",\"revisao\":1,\"status\":\"REMOVIDA_PELO_USUARIO_RECEBEDOR\"}"
                        .formatted(txid))));
    sync.syncWith(MutualTlsPsp.client(), List.of(debtId));

    // when the debt is cancelled (a dispute resolved by cancelling it)
    assertThat(
            api.post(
                    "/api/debts/" + debtId + "/disputes",
                    java.util.Map.of("disputeId", "d-" + debtId, "reason", "não reconheço"))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    assertThat(
            api.post(
                    "/api/debts/" + debtId + "/disputes/d-" + debtId + "/resolution",
                    java.util.Map.of("resolution", "CANCEL", "notes", "cobrança indevida"))
                .getStatusCode()
                .value())
        .isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> api.status(debtId).equals("CANCELLED"));

    // then the sync removes its cobv, once
    sync.syncWith(MutualTlsPsp.client(), List.of(debtId));
    sync.syncWith(MutualTlsPsp.client(), List.of(debtId));
    psp.verify(
        1,
        patchRequestedFor(urlEqualTo("/api/v2/cobv/" + txid))
            .withRequestBody(equalTo("{\"status\":\"REMOVIDA_PELO_USUARIO_RECEBEDOR\"}")));
  }

  @Test
  void anApprovedRefundIsSentToThePspAndItsNotificationSettlesIt() {
    // given an overpayment of 25.00 on a debt of 75.00, its refund approved by a supervisor
    String debtId = registerDebt("refund-sent", "75.00", today().plusDays(20));
    String e2e = endToEndId();
    String refundId = "D" + e2e;
    api.post(
        "/api/webhooks/pix/pix", "{\"pix\":[" + pix(e2e, Txid.forDebt(debtId), "100.00") + "]}");
    api.post("/api/refunds/" + refundId + "/decision", java.util.Map.of("approve", true));
    psp.stubFor(
        put(urlEqualTo("/api/v2/pix/" + e2e + "/devolucao/" + refundId))
            .willReturn(
                okJson(
                    "{\"id\":\"%s\",\"rtrId\":\"D12345678202612071200abcdefghijk\",\"valor\":\"25.00\",\"horario\":{\"solicitacao\":\"2026-12-07T15:00:00Z\"},\"status\":\"EM_PROCESSAMENTO\"}"
                        .formatted(refundId))));

    // when the approved refunds are sent, twice
    refundSender.sendWith(MutualTlsPsp.client());
    refundSender.sendWith(MutualTlsPsp.client());

    // then the PSP was asked once to give 25.00 back, as the API Pix defines the request
    psp.verify(1, putRequestedFor(urlEqualTo("/api/v2/pix/" + e2e + "/devolucao/" + refundId)));
    String body =
        psp.findAll(putRequestedFor(urlEqualTo("/api/v2/pix/" + e2e + "/devolucao/" + refundId)))
            .get(0)
            .getBodyAsString();
    assertThat(ApiPixContract.checkSchema("DevolucaoSolicitada", body)).as(body).isEmpty();
    assertThat(body).contains("\"valor\":\"25.00\"");
    assertThat(refundStatus(refundId, "SENT")).isTrue();

    // when the PSP notifies the Pix again with its refund done
    String again =
        "{\"pix\":[{\"endToEndId\":\"%s\",\"txid\":\"%s\",\"valor\":\"100.00\",\"horario\":\"2026-12-07T15:00:00Z\",\"devolucoes\":[{\"id\":\"%s\",\"rtrId\":\"D12345678202612071200abcdefghijk\",\"valor\":\"25.00\",\"horario\":{\"solicitacao\":\"2026-12-07T15:00:00Z\",\"liquidacao\":\"2026-12-07T15:00:05Z\"},\"status\":\"DEVOLVIDO\"}]}]}"
            .formatted(e2e, Txid.forDebt(debtId), refundId);
    assertThat(ApiPixContract.checkPixNotification(again)).isEmpty();
    JsonNode answer = api.post("/api/webhooks/pix/pix", again).getBody();

    // then the Pix is a duplicate and the refund is done
    assertThat(answer.at("/pix/0/outcome").asText()).isEqualTo("DUPLICATE");
    assertThat(refundStatus(refundId, "DEVOLVIDO")).isTrue();
  }

  private boolean refundStatus(String refundId, String status) {
    return api.get("/api/refunds?status=" + status)
        .getBody()
        .findValuesAsText("refundId")
        .contains(refundId);
  }

  private String copyAndPaste(String debtId) {
    return api.get("/api/debts/" + debtId).getBody().at("/paymentOptions/pixCopyAndPaste").asText();
  }
}
