package br.com.regua.support;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * The credit bureau as the tests see it: a real HTTP server (WireMock) on a free port, one for the
 * whole test JVM like the Spring context that calls it. Tests stub and verify per debt (the
 * Idempotency-Key, the protocol), never reset it, so they cannot disturb one another.
 */
public final class CreditBureauStub {

  public static final WireMockServer SERVER = start();

  private CreditBureauStub() {}

  public static String baseUrl() {
    return SERVER.baseUrl();
  }

  /** The protocol the stub answers for a debt's negativation. */
  public static String protocol(String debtId) {
    return "NEG-" + debtId;
  }

  /** The bureau accepts the debt's negativation. */
  public static void acceptNegativation(String debtId) {
    SERVER.stubFor(
        post("/v1/negativations")
            .withHeader("Idempotency-Key", equalTo("negativate:" + debtId))
            .willReturn(
                okJson("{\"protocol\": \"%s\", \"status\": \"ACTIVE\"}".formatted(protocol(debtId)))
                    .withStatus(201)));
  }

  /** The bureau accepts the request to remove the debt's negativation. */
  public static void acceptRemoval(String debtId) {
    SERVER.stubFor(
        post("/v1/negativations/" + protocol(debtId) + "/removal")
            .withHeader("Idempotency-Key", equalTo("remove:" + debtId))
            .willReturn(
                okJson(
                        "{\"protocol\": \"%s\", \"status\": \"REMOVAL_REQUESTED\"}"
                            .formatted(protocol(debtId)))
                    .withStatus(202)));
  }

  /** The first status query finds the removal pending, every later one finds it done. */
  public static void removalPendingThenDone(String debtId) {
    String scenario = "removal of " + debtId;
    String url = "/v1/negativations/" + protocol(debtId);
    SERVER.stubFor(
        get(url)
            .inScenario(scenario)
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("removed")
            .willReturn(
                okJson(
                    "{\"protocol\": \"%s\", \"status\": \"REMOVAL_REQUESTED\"}"
                        .formatted(protocol(debtId)))));
    SERVER.stubFor(
        get(url)
            .inScenario(scenario)
            .whenScenarioStateIs("removed")
            .willReturn(
                okJson(
                    "{\"protocol\": \"%s\", \"status\": \"REMOVED\"}"
                        .formatted(protocol(debtId)))));
  }

  private static WireMockServer start() {
    WireMockServer server =
        new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    return server;
  }
}
