package br.com.regua.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.BrokerInfo;
import io.camunda.client.api.response.PartitionBrokerHealth;
import io.camunda.client.api.response.PartitionInfo;
import io.camunda.client.api.response.Topology;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code engine} component of {@code /actuator/health}. UP when the Zeebe gateway answers a
 * topology request within {@link #TIMEOUT}, every partition has a healthy leader, and, in embedded
 * mode, the in-JVM engine's stream processor processes ({@link InMemoryEngine#health}): the gateway
 * of the in-JVM engine answers a topology, always healthy, even after its stream processor died.
 */
@Component("engine")
class EngineHealthIndicator implements HealthIndicator {

  static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final CamundaClient client;
  private final InMemoryEngine engine;

  EngineHealthIndicator(CamundaClient client, Optional<InMemoryEngine> engine) {
    this.client = client;
    this.engine = engine.orElse(null);
  }

  @Override
  public Health health() {
    Topology topology;
    try {
      // the request's deadline, and a bound of our own in case the call never reaches the wire
      topology =
          client
              .newTopologyRequest()
              .requestTimeout(TIMEOUT)
              .send()
              .join(TIMEOUT.plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      return Health.down()
          .withDetail("error", "the gateway did not answer a topology request: " + e.getMessage())
          .build();
    }
    Health.Builder health =
        Health.up()
            .withDetail("gatewayVersion", topology.getGatewayVersion())
            .withDetail("brokers", topology.getBrokers().size())
            .withDetail("partitions", topology.getPartitionsCount());
    List<Integer> leaderless = withoutHealthyLeader(topology);
    if (!leaderless.isEmpty()) {
      health.down().withDetail("error", "partitions without a healthy leader: " + leaderless);
    }
    if (engine != null) {
      EngineHealth processor = engine.health();
      health.withDetail("streamProcessor", processor.details());
      if (!processor.up()) {
        health.down().withDetail("error", processor.problem());
      }
    }
    return health.build();
  }

  /** The partitions no broker leads in good health: their journeys do not move. */
  private static List<Integer> withoutHealthyLeader(Topology topology) {
    return IntStream.rangeClosed(1, topology.getPartitionsCount())
        .filter(
            id ->
                topology.getBrokers().stream()
                    .map(BrokerInfo::getPartitions)
                    .flatMap(List::stream)
                    .noneMatch(p -> p.getPartitionId() == id && healthyLeader(p)))
        .boxed()
        .toList();
  }

  private static boolean healthyLeader(PartitionInfo partition) {
    return partition.isLeader() && partition.getHealth() == PartitionBrokerHealth.HEALTHY;
  }
}
