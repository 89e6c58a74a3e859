package br.com.regua.devkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.support.EngineFaults;
import br.com.regua.support.ProcessTestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;

/**
 * A failed stream processor gets a new engine, replayed from the log, in the same process: what
 * waited in the engine goes on, the client that was connected keeps working, the clock stays where
 * it was moved. A failure that keeps coming back breaks liveness instead; a paused engine is left
 * alone.
 */
@Tag(ProcessTestEngine.TAG)
class EngineFailureWatchTest {

  private final EmbeddedEngine engine = EmbeddedEngine.start(0, ZoneId.of("America/Sao_Paulo"));
  private final List<Object> published = new ArrayList<>();
  private final EngineFailureWatch watch = new EngineFailureWatch(engine, published::add);
  private final CamundaClient client =
      CamundaClient.newClientBuilder()
          .grpcAddress(URI.create(engine.grpcAddress()))
          .preferRestOverGrpc(false)
          .build();

  @AfterEach
  void close() {
    client.close();
    engine.close();
  }

  @Test
  void aFailedEngineIsRestartedFromItsLogAndGoesOnWhereItStood() {
    // given an instance waiting on a one-hour timer, the clock moved a day ahead
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("watch-probe")
                .startEvent()
                .intermediateCatchEvent("WaitTimer")
                .timerWithDuration("PT1H")
                .serviceTask("WorkTask", task -> task.zeebeJobType("watch-probe-work"))
                .endEvent()
                .done(),
            "watch-probe.bpmn")
        .send()
        .join();
    engine.advance(Duration.ofDays(1));
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("watch-probe")
            .latestVersion()
            .variables(Map.of("debtId", "D-W"))
            .send()
            .join()
            .getProcessInstanceKey();
    java.time.Instant clockBefore = engine.now();
    watch.check();
    assertThat(engine.restarts()).isZero();

    // when its stream processor fails
    EngineFaults.failStreamProcessor(engine);
    await().atMost(Duration.ofSeconds(10)).until(engine::failed);
    assertThat(engine.health().up()).isFalse();
    watch.check();

    // then the engine is back, healthy, with the instance, the clock and the client
    assertThat(engine.restarts()).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(engine.health().up()).isTrue());
    assertThat(engine.liveProcessInstances()).contains(instance);
    assertThat(engine.now()).isAfterOrEqualTo(clockBefore);
    engine.advance(Duration.ofHours(2));
    List<ActivatedJob> jobs =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    client
                        .newActivateJobsCommand()
                        .jobType("watch-probe-work")
                        .maxJobsToActivate(5)
                        .requestTimeout(Duration.ofSeconds(1))
                        .send()
                        .join()
                        .getJobs(),
                found -> !found.isEmpty());
    assertThat(jobs)
        .singleElement()
        .satisfies(
            job -> {
              assertThat(job.getProcessInstanceKey()).isEqualTo(instance);
              assertThat(job.getVariablesAsMap()).containsEntry("debtId", "D-W");
            });
    assertThat(published).isEmpty();
  }

  @Test
  void aFailureThatComesBackAfterEachRestartBreaksLiveness() {
    for (int restart = 1; restart <= EngineFailureWatch.MAX_RESTARTS; restart++) {
      EngineFaults.failStreamProcessor(engine);
      await().atMost(Duration.ofSeconds(10)).until(engine::failed);
      watch.check();
      assertThat(engine.restarts()).isEqualTo(restart);
    }
    assertThat(published).isEmpty();

    EngineFaults.failStreamProcessor(engine);
    await().atMost(Duration.ofSeconds(10)).until(engine::failed);
    watch.check();

    assertThat(engine.restarts()).isEqualTo(EngineFailureWatch.MAX_RESTARTS);
    assertThat(published)
        .singleElement()
        .isInstanceOfSatisfying(
            AvailabilityChangeEvent.class,
            event -> assertThat(event.getState()).isEqualTo(LivenessState.BROKEN));
    watch.check();
    assertThat(published).hasSize(1);
  }

  @Test
  void aPausedOneMayResumeAndIsLeftAlone() throws Exception {
    try (AutoCloseable paused = EngineFaults.pauseStreamProcessor(engine)) {
      watch.check();
    }
    assertThat(engine.restarts()).isZero();
    assertThat(published).isEmpty();
  }
}
