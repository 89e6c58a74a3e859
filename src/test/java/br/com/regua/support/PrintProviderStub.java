package br.com.regua.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The print-and-post provider as the tests see it: a real HTTP server (WireMock) on a free port,
 * one for the whole test JVM like the Spring context that calls it. Tests stub and verify by the
 * contact's Idempotency-Key, never reset it, so they cannot disturb one another.
 */
public final class PrintProviderStub {

  public static final WireMockServer SERVER = start();

  private static final String LETTERS = "/v1/letters";

  private PrintProviderStub() {}

  public static String baseUrl() {
    return SERVER.baseUrl();
  }

  /** The Idempotency-Key the provider receives for a contact: its key, percent-encoded. */
  public static String idempotencyKey(String contactKey) {
    return URLEncoder.encode(contactKey, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The letter id the stub answers for a contact. */
  public static String letterId(String contactKey) {
    return "L-" + Integer.toHexString(contactKey.hashCode());
  }

  /** The provider accepts the contact's letter. */
  public static void accept(String contactKey) {
    SERVER.stubFor(letter(contactKey).willReturn(accepted(contactKey)));
  }

  /** The provider answers the contact's letter with this status and body. */
  public static void answer(String contactKey, int status, String body) {
    SERVER.stubFor(
        letter(contactKey)
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  /** The first request for the contact's letter gets a 500, every later one is accepted. */
  public static void failOnceThenAccept(String contactKey) {
    String scenario = "letter " + contactKey;
    SERVER.stubFor(
        letter(contactKey)
            .inScenario(scenario)
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("recovered")
            .willReturn(aResponse().withStatus(500).withBody("print queue unavailable")));
    SERVER.stubFor(
        letter(contactKey)
            .inScenario(scenario)
            .whenScenarioStateIs("recovered")
            .willReturn(accepted(contactKey)));
  }

  /** Every request the provider received for the contact's letter, oldest first. */
  public static List<LoggedRequest> requests(String contactKey) {
    return SERVER.findAll(
        postRequestedFor(urlEqualTo(LETTERS))
            .withHeader("Idempotency-Key", equalTo(idempotencyKey(contactKey))));
  }

  private static MappingBuilder letter(String contactKey) {
    return post(LETTERS).withHeader("Idempotency-Key", equalTo(idempotencyKey(contactKey)));
  }

  private static ResponseDefinitionBuilder accepted(String contactKey) {
    return okJson(
            "{\"letterId\": \"%s\", \"status\": \"ACCEPTED\"}".formatted(letterId(contactKey)))
        .withStatus(201);
  }

  private static WireMockServer start() {
    WireMockServer server =
        new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    return server;
  }
}
