package br.com.regua.devkit.engine;

import br.com.regua.devkit.tasks.EmbeddedAgentTasks;
import br.com.regua.engine.EngineMode;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the in-JVM Zeebe engine before any bean exists when {@code regua.engine.mode=embedded},
 * and points the Camunda client at it. Without that property, the mode is embedded unless a cluster
 * is configured ({@code camunda.client.grpc-address}, or {@code camunda.client.mode=saas}).
 *
 * <p>It runs this early because the Camunda starter builds its client from {@code camunda.client.*}
 * properties: the engine's address must be known before that. The engine has no REST API, so the
 * client talks gRPC only.
 */
public class EmbeddedEngineInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedEngineInitializer.class);

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment env = context.getEnvironment();
    if (EngineMode.of(env) != EngineMode.EMBEDDED) {
      return;
    }
    int port = env.getProperty("regua.engine.embedded.port", Integer.class, 26500);
    ZoneId zone = ZoneId.of(env.getProperty("regua.zone", "America/Sao_Paulo"));
    long started = System.nanoTime();
    Optional<Path> logFile = EngineLogLocation.of(env);
    EmbeddedEngine engine =
        logFile
            .map(file -> EmbeddedEngine.start(port, zone, file))
            .orElseGet(() -> EmbeddedEngine.start(port, zone));
    log.info(
        "Embedded Zeebe engine listening on {}, log {} ({}), started in {} ms",
        engine.grpcAddress(),
        logFile.map(Path::toString).orElse(EngineLogLocation.TEMPORARY),
        engine.logSize(),
        (System.nanoTime() - started) / 1_000_000);

    env.getPropertySources()
        .addFirst(
            new MapPropertySource(
                "regua-embedded-engine",
                Map.of(
                    "camunda.client.mode", "self-managed",
                    "camunda.client.grpc-address", engine.grpcAddress(),
                    "camunda.client.prefer-rest-over-grpc", "false")));
    context.getBeanFactory().registerSingleton("embeddedEngine", engine);
    // the agents' tasks of this engine; production code knows only the AgentTasks interface
    context.getBeanFactory().registerSingleton("agentTasks", new EmbeddedAgentTasks(engine));
    // Closed with the context's beans: after the Camunda client's (registered first, it is
    // destroyed last), and also when the context fails to start, which publishes no
    // ContextClosedEvent: the engine's threads would keep the JVM running after "Application run
    // failed".
    ((DefaultSingletonBeanRegistry) context.getBeanFactory())
        .registerDisposableBean("embeddedEngine", engine::close);
  }
}
