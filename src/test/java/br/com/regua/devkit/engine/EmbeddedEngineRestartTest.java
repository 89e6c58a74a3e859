package br.com.regua.devkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.support.ProcessTestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded engine comes back from a stop by replaying its log: an instance waiting on a timer
 * is still there, its timer fires when the clock passes it, and its job carries its variables.
 * (Tagged with the process tests: their JVM has no Spring context whose engine would share
 * zeebe-process-test's static response state with these.)
 */
@Tag(ProcessTestEngine.TAG)
class EmbeddedEngineRestartTest {

  private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

  private static final BpmnModelInstance WAIT_THEN_WORK =
      Bpmn.createExecutableProcess("restart-probe")
          .startEvent()
          .intermediateCatchEvent("WaitTimer")
          .timerWithDuration("PT1H")
          .serviceTask("WorkTask", task -> task.zeebeJobType("restart-probe-work"))
          .endEvent()
          .done();

  @TempDir Path dir;

  @Test
  void aWaitingInstanceIsBackAfterARestartAndGoesOn() {
    Path log = dir.resolve("engine.log");
    long instance;
    try (EmbeddedEngine engine = EmbeddedEngine.start(0, ZONE, log);
        CamundaClient client = client(engine)) {
      client
          .newDeployResourceCommand()
          .addProcessModel(WAIT_THEN_WORK, "restart-probe.bpmn")
          .send()
          .join();
      instance =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId("restart-probe")
              .latestVersion()
              .variables(Map.of("debtId", "D-1"))
              .send()
              .join()
              .getProcessInstanceKey();
      engine.awaitIdle(Duration.ofSeconds(5));
      assertThat(engine.liveProcessInstances()).contains(instance);
    }

    try (EmbeddedEngine engine = EmbeddedEngine.start(0, ZONE, log);
        CamundaClient client = client(engine)) {
      engine.awaitIdle(Duration.ofSeconds(5));
      assertThat(engine.liveProcessInstances()).contains(instance);
      assertThat(activate(client)).isEmpty();

      engine.advance(Duration.ofHours(2));

      List<ActivatedJob> jobs = activate(client);
      assertThat(jobs).hasSize(1);
      assertThat(jobs.get(0).getProcessInstanceKey()).isEqualTo(instance);
      assertThat(jobs.get(0).getVariablesAsMap()).containsEntry("debtId", "D-1");
      client.newCompleteCommand(jobs.get(0).getKey()).send().join();
      engine.awaitIdle(Duration.ofSeconds(5));
      assertThat(engine.liveProcessInstances()).doesNotContain(instance);
    }
  }

  @Test
  void aTemporaryEngineStartsEmpty() {
    try (EmbeddedEngine engine = EmbeddedEngine.start(0, ZONE)) {
      assertThat(engine.liveProcessInstances()).isEmpty();
    }
  }

  private static List<ActivatedJob> activate(CamundaClient client) {
    return client
        .newActivateJobsCommand()
        .jobType("restart-probe-work")
        .maxJobsToActivate(5)
        .requestTimeout(Duration.ofSeconds(2))
        .send()
        .join()
        .getJobs();
  }

  private static CamundaClient client(EmbeddedEngine engine) {
    return CamundaClient.newClientBuilder()
        .grpcAddress(URI.create(engine.grpcAddress()))
        .preferRestOverGrpc(false)
        .build();
  }
}
