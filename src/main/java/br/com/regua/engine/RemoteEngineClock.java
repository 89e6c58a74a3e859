package br.com.regua.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clock of a remote engine whose clock is controlled, for test clusters: a Zeebe broker started
 * with {@code ZEEBE_CLOCK_CONTROLLED=true} moves its clock on {@code POST /actuator/clock/add} and
 * tells it on {@code GET /actuator/clock} ({@code {"epochMilli": ...}}). With {@code
 * regua.engine.clock-url} set to that address, the service reads the same time as the engine's
 * timers (contact windows, business days), as it does with the embedded engine: the system clock
 * plus the engine's offset, read again every {@link #REFRESH}. Without it (production) the service
 * keeps the system clock.
 */
public final class RemoteEngineClock extends Clock implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RemoteEngineClock.class);

  static final Duration REFRESH = Duration.ofMillis(100);

  /** Offsets closer than this to the last one are network jitter, not a clock move. */
  private static final long JITTER_MILLIS = 500;

  private final URI url;
  private final ZoneId zone;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final ScheduledExecutorService refresher;
  private volatile long offsetMillis;
  private volatile boolean failing;

  private RemoteEngineClock(URI url, ZoneId zone) {
    this.url = url;
    this.zone = zone;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "remote-engine-clock");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Reads the engine's clock once (the service starts at the engine's time), then keeps up. */
  public static RemoteEngineClock start(URI url, ZoneId zone) {
    RemoteEngineClock clock = new RemoteEngineClock(url, zone);
    clock.refresh();
    clock.refresher.scheduleWithFixedDelay(
        clock::refresh, REFRESH.toMillis(), REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    log.info("Following the engine clock at {} (offset {} ms)", url, clock.offsetMillis);
    return clock;
  }

  private void refresh() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode body = json.readTree(response.body());
      if (response.statusCode() != 200 || !body.path("epochMilli").canConvertToLong()) {
        throw new IllegalStateException("HTTP " + response.statusCode() + " " + response.body());
      }
      long offset = body.get("epochMilli").asLong() - System.currentTimeMillis();
      if (Math.abs(offset - offsetMillis) > JITTER_MILLIS) {
        offsetMillis = offset;
      }
      if (failing) {
        log.info("The engine clock at {} answers again", url);
        failing = false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      if (!failing) {
        log.warn(
            "Cannot read the engine clock at {}; keeping the last offset: {}", url, e.toString());
        failing = true;
      }
    }
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return Clock.offset(Clock.system(other), Duration.ofMillis(offsetMillis));
  }

  @Override
  public Instant instant() {
    return Instant.now().plusMillis(offsetMillis);
  }

  @Override
  public void close() {
    refresher.shutdownNow();
  }
}
