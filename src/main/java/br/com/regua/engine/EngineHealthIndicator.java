package br.com.regua.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Topology;
import java.time.Duration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code engine} component of {@code /actuator/health}: UP when the Zeebe gateway answers a
 * topology request (embedded engine or remote cluster alike), with its brokers and partitions.
 */
@Component("engine")
class EngineHealthIndicator implements HealthIndicator {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final CamundaClient client;

  EngineHealthIndicator(CamundaClient client) {
    this.client = client;
  }

  @Override
  public Health health() {
    try {
      Topology topology = client.newTopologyRequest().requestTimeout(TIMEOUT).send().join();
      return Health.up()
          .withDetail("gatewayVersion", topology.getGatewayVersion())
          .withDetail("brokers", topology.getBrokers().size())
          .withDetail("partitions", topology.getPartitionsCount())
          .build();
    } catch (RuntimeException e) {
      return Health.down().withDetail("error", String.valueOf(e.getMessage())).build();
    }
  }
}
