package br.com.regua.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

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

  private static WireMockServer start() {
    WireMockServer server =
        new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    return server;
  }
}
