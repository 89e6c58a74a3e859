package br.com.regua.devkit.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import br.com.regua.tasks.AgentTask;
import br.com.regua.tasks.AgentTaskConflictException;
import br.com.regua.tasks.AgentTaskFilter;
import br.com.regua.tasks.AgentTaskNotFoundException;
import br.com.regua.tasks.AgentTasks;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link EmbeddedAgentTasks}, the adapter the application picks in embedded mode, on the engine
 * inside the running application, with {@code bpmn-test/user-task-test.bpmn}: one dispute review
 * linked to the real {@code dispute-review} form.
 */
class EmbeddedAgentTasksTest extends IntegrationTest {

  private static final String TASK = "ReviewDisputeUserTask";

  @Autowired AgentTasks tasks;
  @Autowired CamundaClient client;

  @BeforeEach
  void deployTestModel() {
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath("bpmn-test/user-task-test.bpmn")
        .send()
        .join();
  }

  @Test
  void theApplicationWorksTasksOnTheInJvmEngine() {
    assertThat(tasks).isInstanceOf(EmbeddedAgentTasks.class);
  }

  @Test
  void anOpenTaskIsInTheQueueByElementIdOrFormIdAndShowsItsVariables() {
    // given a dispute to review
    long instance = start("Já paguei");

    // when the agent looks at the queue of dispute reviews
    AgentTask listed = awaitInQueue(instance, "dispute-review");

    // then the task is there, open and unclaimed, without its variables; reading it shows them
    assertThat(listed.elementId()).isEqualTo(TASK);
    assertThat(listed.formId()).isEqualTo("dispute-review");
    assertThat(listed.state()).isEqualTo(AgentTask.State.OPEN);
    assertThat(listed.assignee()).isNull();
    assertThat(listed.created()).isNotNull();
    assertThat(listed.variables()).isEmpty();
    assertThat(tasks.open(new AgentTaskFilter(TASK, null, null))).contains(listed);
    assertThat(tasks.open(new AgentTaskFilter("PreventiveCallUserTask", null, null)))
        .doesNotContain(listed);
    assertThat(tasks.get(listed.key()).variables()).containsEntry("disputeReason", "Já paguei");
  }

  @Test
  void aClaimedTaskIsTheAgentsUntilReleased() {
    // given a dispute review claimed by Ana
    long instance = start("Valor errado");
    long key = awaitInQueue(instance, TASK).key();
    tasks.claim(key, "ana");

    // then it is Ana's: in her queue, not among the unassigned, and Bruno cannot claim it
    assertThat(tasks.get(key).assignee()).isEqualTo("ana");
    assertThat(tasks.open(new AgentTaskFilter(TASK, null, "ana")))
        .extracting(AgentTask::key)
        .contains(key);
    assertThat(tasks.open(new AgentTaskFilter(TASK, AgentTaskFilter.Assignment.UNASSIGNED, null)))
        .extracting(AgentTask::key)
        .doesNotContain(key);
    assertThatThrownBy(() -> tasks.claim(key, "bruno"))
        .isInstanceOf(AgentTaskConflictException.class)
        .hasMessageContaining("claiming user task " + key + " was rejected (INVALID_STATE)");

    // and when she releases it, it is back in the queue for anyone
    tasks.unclaim(key);
    assertThat(tasks.get(key).assignee()).isNull();
    tasks.claim(key, "bruno");
    assertThat(tasks.get(key).assignee()).isEqualTo("bruno");
  }

  @Test
  void aTaskIsCompletedOnceTheSecondCompletionIsAConflict() {
    // given a dispute review an agent completed
    long instance = start("Cobrança em duplicidade");
    long key = awaitInQueue(instance, TASK).key();
    tasks.complete(key, Map.of("disputeResolution", "RESUME"));

    // then it left the queue, still reads as it stood, and completing it again is refused with
    // the engine's reason
    assertThat(tasks.get(key).state()).isEqualTo(AgentTask.State.COMPLETED);
    assertThat(tasks.get(key).variables())
        .containsEntry("disputeReason", "Cobrança em duplicidade")
        .containsEntry("disputeResolution", "RESUME");
    assertThat(tasks.open(AgentTaskFilter.ALL)).extracting(AgentTask::key).doesNotContain(key);
    assertThatThrownBy(() -> tasks.complete(key, Map.of("disputeResolution", "CANCEL")))
        .isInstanceOf(AgentTaskConflictException.class)
        .hasMessageContaining("NOT_FOUND");
  }

  @Test
  void whatTheReaderHoldsOfAnInstanceGoesWithIt() {
    EmbeddedAgentTasks reader = (EmbeddedAgentTasks) tasks;
    int before = reader.elementsHeld();
    long instance = start("Não reconheço a dívida");
    long key = awaitInQueue(instance, TASK).key();
    assertThat(reader.elementsHeld()).isGreaterThan(before);

    tasks.complete(key, Map.of("disputeResolution", "CANCEL"));
    // (the model's cancelling service task has no worker here: the test does its job)
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                client
                    .newActivateJobsCommand()
                    .jobType("user-task-test-cancel")
                    .maxJobsToActivate(50)
                    .send()
                    .join()
                    .getJobs()
                    .stream()
                    .filter(job -> job.getProcessInstanceKey() == instance)
                    .peek(job -> client.newCompleteCommand(job).send().join())
                    .count(),
            done -> done == 1);

    // the instance ended with its task: its elements and variables are no longer held
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(reader.elementsHeld()).isLessThanOrEqualTo(before));
  }

  @Test
  void anUnknownTaskIsNotFound() {
    assertThatThrownBy(() -> tasks.get(42L)).isInstanceOf(AgentTaskNotFoundException.class);
    assertThatThrownBy(() -> tasks.complete(42L, Map.of()))
        .isInstanceOf(AgentTaskNotFoundException.class)
        .hasMessageContaining("NOT_FOUND");
  }

  private AgentTask awaitInQueue(long instance, String kind) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                tasks.open(new AgentTaskFilter(kind, null, null)).stream()
                    .filter(task -> task.processInstanceKey() == instance)
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  private long start(String disputeReason) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId("user-task-test")
        .latestVersion()
        .variables(Map.of("debtId", TestDebtors.uniqueId("D-AT"), "disputeReason", disputeReason))
        .send()
        .join()
        .getProcessInstanceKey();
  }
}
