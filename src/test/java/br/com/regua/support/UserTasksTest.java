package br.com.regua.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import br.com.regua.support.UserTasks.UserTask;
import br.com.regua.support.UserTasks.UserTaskRejectedException;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link UserTasks} on the shared engine, with {@code bpmn-test/user-task-test.bpmn}: a dispute
 * review task linked to the real {@code dispute-review} form, then a gateway on the agent's answer.
 */
@Tag(ProcessTestEngine.TAG)
class UserTasksTest {

  private static final String MODEL = "bpmn-test/user-task-test.bpmn";
  private static final String TASK = "ReviewDisputeUserTask";

  private final ProcessTestEngine zeebe = ProcessTestEngine.get();
  private final UserTasks userTasks = zeebe.userTasks();
  private final List<Long> started = new ArrayList<>();

  @BeforeAll
  static void deployTestModel() {
    ProcessTestEngine.get()
        .client()
        .newDeployResourceCommand()
        .addResourceFromClasspath(MODEL)
        .send()
        .join();
  }

  @AfterEach
  void cancelLeftovers() {
    for (long key : started) {
      try {
        zeebe.client().newCancelInstanceCommand(key).send().join();
      } catch (RuntimeException alreadyEnded) {
        // completed by the test
      }
    }
  }

  @Test
  void anOpenTaskShowsItsFormCandidateGroupAndTheVariablesItSees() {
    // given a dispute on a debt
    long instance = start("D-UT-1", "Nunca comprei nada nessa loja");

    // when the review task opens
    UserTask task = userTasks.awaitOpen(instance, TASK);

    // then it carries what Tasklist needs to show it to the right agents
    assertThat(task.formId()).isEqualTo("dispute-review");
    assertThat(task.formKey()).isEqualTo(deployedFormKey("dispute-review"));
    assertThat(task.candidateGroups()).containsExactly("collection-agents");
    assertThat(task.processInstanceKey()).isEqualTo(instance);
    assertThat(task.variables())
        .containsEntry("debtId", "D-UT-1")
        .containsEntry("disputeReason", "Nunca comprei nada nessa loja")
        .containsEntry("taskTitle", "Contestação D-UT-1"); // the task's own input mapping
    assertThat(userTasks.open(instance)).containsExactly(task);
  }

  @Test
  void completingWithVariablesMovesTheProcessOnWithThem() {
    // given an open review task
    long instance = start("D-UT-2", "Valor já pago em outubro");
    UserTask task = userTasks.awaitOpen(instance, TASK);

    // when the agent decides the charge is undue
    userTasks.complete(
        task.key(),
        Map.of("disputeResolution", "CANCEL", "resolutionNotes", "Comprovante de pagamento ok"));

    // then the task is closed and the gateway took the cancel path with the agent's variables
    assertThat(userTasks.open(instance)).isEmpty();
    ActivatedJob cancel = awaitJob("user-task-test-cancel", instance);
    assertThat(cancel.getVariablesAsMap())
        .containsEntry("debtId", "D-UT-2")
        .containsEntry("disputeResolution", "CANCEL")
        .containsEntry("resolutionNotes", "Comprovante de pagamento ok");
  }

  @Test
  void completingATaskTwiceIsRejectedWithTheEnginesReason() {
    // given a task an agent already completed
    long instance = start("D-UT-3", "Cobrança em duplicidade");
    UserTask task = userTasks.awaitOpen(instance, TASK);
    userTasks.complete(task.key(), Map.of("disputeResolution", "RESUME"));

    // when a second agent completes it too, then the engine's refusal surfaces
    assertThatThrownBy(() -> userTasks.complete(task.key(), Map.of("disputeResolution", "CANCEL")))
        .isInstanceOf(UserTaskRejectedException.class)
        .hasMessageContaining("user task " + task.key())
        .hasMessageContaining("NOT_FOUND")
        .hasMessageContaining("no such user task was found");
    // and the first answer stands
    assertThat(awaitJob("user-task-test-resume", instance).getVariablesAsMap())
        .containsEntry("disputeResolution", "RESUME");
  }

  private long start(String debtId, String disputeReason) {
    long key =
        zeebe
            .client()
            .newCreateInstanceCommand()
            .bpmnProcessId("user-task-test")
            .latestVersion()
            .variables(Map.of("debtId", debtId, "disputeReason", disputeReason))
            .send()
            .join()
            .getProcessInstanceKey();
    started.add(key);
    return key;
  }

  /** Deploying identical content again returns what is deployed, key included. */
  private long deployedFormKey(String formId) {
    return zeebe
        .client()
        .newDeployResourceCommand()
        .addResourceFile("forms/" + formId + ".form")
        .send()
        .join()
        .getForm()
        .getFirst()
        .getFormKey();
  }

  private ActivatedJob awaitJob(String type, long instance) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                zeebe
                    .client()
                    .newActivateJobsCommand()
                    .jobType(type)
                    .maxJobsToActivate(10)
                    .send()
                    .join()
                    .getJobs()
                    .stream()
                    .filter(job -> job.getProcessInstanceKey() == instance)
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }
}
