package br.com.regua.payment.pix.psp;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.regua.charge.pix.Txid;
import br.com.regua.payment.pix.ApiPixContract;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API Pix client against a PSP played by WireMock over HTTPS that demands a client certificate
 * (mutual TLS), with keys and certificates made for the run by the JDK's keytool. What the client
 * sends is checked against the Banco Central's OpenAPI document.
 */
class PspClientTest {

  private static WireMockServer psp;

  @BeforeAll
  static void pspWithMutualTls() {
    psp = MutualTlsPsp.server();
  }

  @BeforeEach
  void reset() {
    MutualTlsPsp.reset();
  }

  private PspClient client(String keyStore) {
    return MutualTlsPsp.client(keyStore);
  }

  @Test
  void createsAndRemovesACobvWithOneTokenOverMutualTls() {
    // given the PSP's answers
    String txid = Txid.forDebt("INV-1001");
    psp.stubFor(
        put(urlEqualTo("/api/v2/cobv/" + txid))
            .willReturn(
                okJson(
                    "{\"txid\":\""
                        + txid
                        + "\",\"revisao\":0,\"status\":\"ATIVA\",\"pixCopiaECola\":"
                        + "\"00020101021226900014br.gov.bcb.pix2568pix.example.com/qr/v2/cobv/9d36b84f\"}")));
    psp.stubFor(
        patch(urlEqualTo("/api/v2/cobv/" + txid))
            .willReturn(
                okJson(
                    "{\"txid\":\""
                        + txid
                        + "\",\"revisao\":1,\"status\":\"REMOVIDA_PELO_USUARIO_RECEBEDOR\"}")));
    PspClient client = client("client.p12");

    // when a debt's cobv is created and then removed
    PspClient.Cobv created =
        client.putCobv(
            txid,
            CobvRequests.create(
                LocalDate.of(2026, 12, 20),
                1234_56,
                "12345678909",
                "Maria da Silva",
                "123e4567-e12b-12d1-a456-426655440000",
                new BigDecimal("2"),
                new BigDecimal("1")));
    PspClient.Cobv removed = client.removeCobv(txid);

    // then the debtor's copy-and-paste is the PSP's, and the removal is confirmed
    assertThat(created.pixCopiaECola()).startsWith("00020101021226900014br.gov.bcb.pix");
    assertThat(created.status()).isEqualTo("ATIVA");
    assertThat(removed.status()).isEqualTo("REMOVIDA_PELO_USUARIO_RECEBEDOR");
    assertThat(removed.revision()).isEqualTo(1);

    // and one token served both calls, asked for with the client's credentials
    psp.verify(
        1,
        postRequestedFor(urlEqualTo("/oauth/token"))
            .withHeader("Authorization", equalTo("Basic cmVndWEtY2xpZW50OnMzY3JldA=="))
            .withRequestBody(
                equalTo(
                    "grant_type=client_credentials&scope=cobv.write%20cobv.read%20pix.read%20pix.write")));
    psp.verify(
        putRequestedFor(urlEqualTo("/api/v2/cobv/" + txid))
            .withHeader("Authorization", equalTo("Bearer tok-1")));

    // and what was sent is what the API Pix defines
    String putBody =
        psp.findAll(putRequestedFor(urlEqualTo("/api/v2/cobv/" + txid))).get(0).getBodyAsString();
    assertThat(ApiPixContract.checkSchema("CobVSolicitada", putBody)).as(putBody).isEmpty();
    assertThat(putBody)
        .contains("\"dataDeVencimento\":\"2026-12-20\"")
        .contains("\"original\":\"1234.56\"")
        .contains("\"cpf\":\"12345678909\"")
        .contains("\"multa\":{")
        .contains("\"valorPerc\":\"2.00\"");
    String patchBody =
        psp.findAll(patchRequestedFor(urlEqualTo("/api/v2/cobv/" + txid))).get(0).getBodyAsString();
    assertThat(ApiPixContract.checkSchema("CobVRevisada", patchBody)).as(patchBody).isEmpty();
    assertThat(patchBody).isEqualTo("{\"status\":\"REMOVIDA_PELO_USUARIO_RECEBEDOR\"}");
  }

  @Test
  void theContractCheckWouldCatchABodyTheApiPixRefuses() {
    // what the client must never send: a cobv without its debtor, an amount with a comma
    assertThat(
            ApiPixContract.checkSchema(
                "CobVSolicitada",
                "{\"calendario\":{\"dataDeVencimento\":\"2026-12-20\"},"
                    + "\"valor\":{\"original\":\"1234,56\"},\"chave\":\"k\"}"))
        .isNotEmpty();
  }

  @Test
  void withoutAClientCertificateThePspRefusesTheConnection() {
    PspClient anonymous = client(null);
    assertThatThrownBy(() -> anonymous.removeCobv(Txid.forDebt("INV-1001")))
        .isInstanceOf(org.springframework.web.client.ResourceAccessException.class);
    assertThat(psp.getAllServeEvents()).isEmpty();
  }
}
