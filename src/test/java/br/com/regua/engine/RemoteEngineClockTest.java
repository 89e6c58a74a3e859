package br.com.regua.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service's clock follows a remote engine's controlled clock (GET /actuator/clock). */
class RemoteEngineClockTest {

  private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

  private final AtomicLong engineOffsetMillis = new AtomicLong();
  private HttpServer engine;
  private RemoteEngineClock clock;

  @BeforeEach
  void startEngineClock() throws IOException {
    engine = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
    engine.createContext(
        "/actuator/clock",
        exchange -> {
          Instant now = Instant.now().plusMillis(engineOffsetMillis.get());
          byte[] body =
              ("{\"epochMilli\": " + now.toEpochMilli() + ", \"instant\": \"" + now + "\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    engine.start();
  }

  @AfterEach
  void stop() {
    if (clock != null) {
      clock.close();
    }
    engine.stop(0);
  }

  private URI url() {
    return URI.create("http://127.0.0.1:" + engine.getAddress().getPort() + "/actuator/clock");
  }

  @Test
  void startsAtTheEngineTimeAndFollowsItsMoves() {
    // given an engine whose clock was moved three days ahead
    engineOffsetMillis.set(Duration.ofDays(3).toMillis());

    // when the service's clock starts, it reads the engine's time at once
    clock = RemoteEngineClock.start(url(), ZONE);
    assertThat(Duration.between(Instant.now().plus(Duration.ofDays(3)), clock.instant()).abs())
        .isLessThan(Duration.ofSeconds(1));
    assertThat(clock.getZone()).isEqualTo(ZONE);

    // and when the engine moves one more day, the service's clock follows within its refresh
    engineOffsetMillis.set(Duration.ofDays(4).toMillis());
    await()
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(
            () ->
                assertThat(
                        Duration.between(Instant.now().plus(Duration.ofDays(4)), clock.instant())
                            .abs())
                    .isLessThan(Duration.ofSeconds(1)));
  }

  @Test
  void keepsTheLastOffsetWhileTheEngineDoesNotAnswer() {
    engineOffsetMillis.set(Duration.ofDays(10).toMillis());
    clock = RemoteEngineClock.start(url(), ZONE);

    // when the engine goes away
    engine.stop(0);

    // the clock stays where the engine was, and does not fall back to the system time
    await().pollDelay(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(() -> true);
    assertThat(Duration.between(Instant.now().plus(Duration.ofDays(10)), clock.instant()).abs())
        .isLessThan(Duration.ofSeconds(1));
  }
}
