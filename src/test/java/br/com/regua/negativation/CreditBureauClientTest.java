package br.com.regua.negativation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.regua.negativation.CreditBureauClient.BureauNegativation;
import br.com.regua.negativation.CreditBureauClient.BureauStatus;
import br.com.regua.negativation.CreditBureauClient.NegativationRequest;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.client.RestClient;

/** The bureau client against a real HTTP server: the exact requests, and how failures map. */
class CreditBureauClientTest {

  @RegisterExtension
  static WireMockExtension bureau =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final NegativationRequest MARIA =
      new NegativationRequest(
          "INV-1001",
          "52998224725",
          "Maria da Silva",
          "1234.56",
          LocalDate.of(2026, 12, 3),
          "Régua Cobranças Demonstração Ltda.",
          "12ABC34501DE35");

  private CreditBureauClient client(String apiKey, Duration readTimeout) {
    return client(URI.create(bureau.baseUrl()), apiKey, readTimeout);
  }

  private static CreditBureauClient client(URI baseUrl, String apiKey, Duration readTimeout) {
    return new CreditBureauClient(
        RestClient.builder(),
        new CreditBureauProperties(baseUrl, apiKey, Duration.ofSeconds(1), readTimeout, null));
  }

  private final CreditBureauClient client = client("s3cr3t", Duration.ofSeconds(2));

  @Test
  void negativationPostsTheDebtWithItsIdempotencyKey() {
    bureau.stubFor(
        post("/v1/negativations")
            .willReturn(
                okJson("{\"protocol\": \"NEG-77\", \"status\": \"ACTIVE\"}").withStatus(201)));

    BureauNegativation answer = client.negativate(MARIA);

    assertThat(answer).isEqualTo(new BureauNegativation("NEG-77", BureauStatus.ACTIVE));
    bureau.verify(
        1,
        postRequestedFor(urlEqualTo("/v1/negativations"))
            .withHeader("Authorization", equalTo("Bearer s3cr3t"))
            .withHeader("Idempotency-Key", equalTo("negativate:INV-1001"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    {"reference": "INV-1001", "document": "52998224725",
                     "debtorName": "Maria da Silva", "amount": "1234.56",
                     "dueDate": "2026-12-03", "creditor": "Régua Cobranças Demonstração Ltda.",
                     "creditorDocument": "12ABC34501DE35"}
                    """)));
  }

  @Test
  void removalIsRequestedByProtocolWithTheDebtsIdempotencyKeyAndNoBody() {
    bureau.stubFor(
        post("/v1/negativations/NEG-77/removal")
            .willReturn(
                okJson("{\"protocol\": \"NEG-77\", \"status\": \"REMOVAL_REQUESTED\"}")
                    .withStatus(202)));

    BureauNegativation answer = client.requestRemoval("NEG-77", "INV-1001");

    assertThat(answer.status()).isEqualTo(BureauStatus.REMOVAL_REQUESTED);
    bureau.verify(
        1,
        postRequestedFor(urlEqualTo("/v1/negativations/NEG-77/removal"))
            .withHeader("Authorization", equalTo("Bearer s3cr3t"))
            .withHeader("Idempotency-Key", equalTo("remove:INV-1001"))
            .withoutHeader("Content-Type"));
  }

  @Test
  void statusIsReadByProtocol() {
    bureau.stubFor(
        get("/v1/negativations/NEG-77")
            .willReturn(
                okJson(
                    "{\"protocol\": \"NEG-77\", \"status\": \"REMOVED\", \"removedAt\": \"x\"}")));

    assertThat(client.status("NEG-77").status()).isEqualTo(BureauStatus.REMOVED);
    bureau.verify(
        1,
        getRequestedFor(urlEqualTo("/v1/negativations/NEG-77"))
            .withHeader("Authorization", equalTo("Bearer s3cr3t")));
  }

  @Test
  void withoutAnApiKeyNoAuthorizationIsSent() {
    bureau.stubFor(
        get("/v1/negativations/NEG-1")
            .willReturn(okJson("{\"protocol\": \"NEG-1\", \"status\": \"ACTIVE\"}")));

    client(" ", Duration.ofSeconds(2)).status("NEG-1");

    bureau.verify(
        getRequestedFor(urlEqualTo("/v1/negativations/NEG-1"))
            .withHeader("Authorization", absent()));
  }

  @ParameterizedTest(name = "HTTP {0} is a rejection")
  @ValueSource(ints = {400, 401, 403, 404, 422})
  void aClientErrorIsARejectionWithTheBureausReason(int status) {
    bureau.stubFor(
        post("/v1/negativations")
            .willReturn(
                aResponse().withStatus(status).withBody("{\"error\": \"invalid document\"}")));

    assertThatThrownBy(() -> client.negativate(MARIA))
        .isInstanceOfSatisfying(
            CreditBureauRejectedException.class,
            e -> {
              assertThat(e.status()).isEqualTo(status);
              assertThat(e.body()).isEqualTo("{\"error\": \"invalid document\"}");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "negativation of INV-1001 rejected by the credit bureau: HTTP "
                          + status
                          + " {\"error\": \"invalid document\"}");
            });
  }

  @ParameterizedTest(name = "HTTP {0} means try again later")
  @ValueSource(ints = {408, 409, 429, 500, 502, 503})
  void aServerErrorOrATryLaterIsUnavailable(int status) {
    bureau.stubFor(
        post("/v1/negativations").willReturn(aResponse().withStatus(status).withBody("busy")));

    assertThatThrownBy(() -> client.negativate(MARIA))
        .isInstanceOf(CreditBureauUnavailableException.class)
        .hasMessage(
            "negativation of INV-1001 failed at the credit bureau: HTTP " + status + " busy");
  }

  @Test
  void aSlowBureauTimesOut() {
    bureau.stubFor(
        get("/v1/negativations/NEG-1")
            .willReturn(
                okJson("{\"protocol\": \"NEG-1\", \"status\": \"ACTIVE\"}").withFixedDelay(3_000)));
    CreditBureauClient impatient = client("k", Duration.ofMillis(300));

    long started = System.nanoTime();
    assertThatThrownBy(() -> impatient.status("NEG-1"))
        .isInstanceOf(CreditBureauUnavailableException.class)
        .hasMessageContaining("unreachable or unreadable");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aDroppedConnectionIsUnavailable() {
    bureau.stubFor(
        get("/v1/negativations/NEG-1")
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> client.status("NEG-1"))
        .isInstanceOf(CreditBureauUnavailableException.class);
  }

  @Test
  void aBureauThatIsNotThereIsUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    CreditBureauClient nowhere =
        client(URI.create("http://127.0.0.1:" + closedPort), "k", Duration.ofSeconds(1));

    assertThatThrownBy(() -> nowhere.status("NEG-1"))
        .isInstanceOf(CreditBureauUnavailableException.class)
        .hasMessageStartingWith("status of negativation NEG-1 failed: credit bureau unreachable");
  }

  @ParameterizedTest(name = "answer {0} is unusable")
  @ValueSource(
      strings = {
        "{\"status\": \"ACTIVE\"}",
        "{\"protocol\": \"NEG-1\"}",
        "{\"protocol\": \"NEG-1\", \"status\": \"SUSPENDED\"}",
        "<html>gateway</html>"
      })
  void anAnswerWeCannotUseIsUnavailable(String body) {
    bureau.stubFor(
        get("/v1/negativations/NEG-1")
            .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));

    assertThatThrownBy(() -> client.status("NEG-1"))
        .isInstanceOf(CreditBureauUnavailableException.class);
  }
}
