package br.com.regua.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.devkit.engine.EmbeddedEngine;
import br.com.regua.support.EngineFaults;
import br.com.regua.support.ProcessTestEngine;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * The engine's health tells the truth: an in-JVM engine of its own per test (not the shared one),
 * whose stream processor each test breaks the way it was seen to break, and a gateway that never
 * answers. Runs in the process tests' JVM, away from the Spring context's engine.
 */
@Tag(ProcessTestEngine.TAG)
class EngineHealthIndicatorTest {

  private final List<AutoCloseable> resources = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable resource : resources.reversed()) {
      resource.close();
    }
  }

  @Test
  void upWhileTheStreamProcessorProcesses() {
    EmbeddedEngine engine = engine();

    Health health = indicator(engine).health();

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("partitions", 1);
    assertThat(streamProcessor(health)).containsEntry("phase", "PROCESSING");
  }

  @Test
  void downWhenTheStreamProcessorFailed() {
    // given an engine whose gateway answers and whose stream processor processes
    EmbeddedEngine engine = engine();
    EngineHealthIndicator indicator = indicator(engine);
    assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

    // when its stream processor fails, as it did with the log reader's NullPointerException
    EngineFaults.failStreamProcessor(engine);

    // then the engine is DOWN, though its gateway still answers a topology request
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN));
    Health health = indicator.health();
    assertThat(health.getDetails()).containsEntry("gatewayVersion", gatewayVersion(engine));
    assertThat((String) health.getDetails().get("error")).contains("stream processor failed");
  }

  @Test
  void downWhileTheStreamProcessorDoesNotAnswer() {
    EmbeddedEngine engine = engine();
    EngineHealthIndicator indicator = indicator(engine);

    EngineFaults.blockStreamProcessor(engine, Duration.ofSeconds(5));

    Health health = indicator.health();
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat((String) health.getDetails().get("error")).contains("did not answer within PT2S");
    // and UP again once it answers
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(indicator.health().getStatus()).isEqualTo(Status.UP));
  }

  @Test
  void downWhileProcessingIsPaused() throws Exception {
    EmbeddedEngine engine = engine();
    EngineHealthIndicator indicator = indicator(engine);

    try (AutoCloseable paused = EngineFaults.pauseStreamProcessor(engine)) {
      Health health = indicator.health();
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat((String) health.getDetails().get("error")).contains("PAUSED");
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(indicator.health().getStatus()).isEqualTo(Status.UP));
  }

  @Test
  void remoteModeIsDownWhenTheGatewayDoesNotAnswerInTime() throws IOException {
    // given a "gateway" that accepts connections and never says a word
    ServerSocket silent = new ServerSocket(0);
    resources.add(silent);
    List<Socket> accepted = new ArrayList<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                while (!silent.isClosed()) {
                  accepted.add(silent.accept());
                }
              } catch (IOException closed) {
                // the test is over
              }
            });
    CamundaClient client = client("http://localhost:" + silent.getLocalPort());
    EngineHealthIndicator indicator = new EngineHealthIndicator(client, Optional.empty());

    long started = System.nanoTime();
    Health health = indicator.health();

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat((String) health.getDetails().get("error")).contains("topology");
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isLessThan(EngineHealthIndicator.TIMEOUT.plusSeconds(3));
  }

  private EmbeddedEngine engine() {
    EmbeddedEngine engine = EmbeddedEngine.start(0, ZoneId.of("America/Sao_Paulo"));
    resources.add(engine);
    return engine;
  }

  private EngineHealthIndicator indicator(EmbeddedEngine engine) {
    return new EngineHealthIndicator(client(engine.grpcAddress()), Optional.of(engine));
  }

  private CamundaClient client(String address) {
    CamundaClient client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create(address))
            .preferRestOverGrpc(false)
            .build();
    resources.add(client);
    return client;
  }

  private String gatewayVersion(EmbeddedEngine engine) {
    return client(engine.grpcAddress()).newTopologyRequest().send().join().getGatewayVersion();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> streamProcessor(Health health) {
    return (Map<String, Object>) health.getDetails().get("streamProcessor");
  }
}
