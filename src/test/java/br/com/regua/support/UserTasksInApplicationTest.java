package br.com.regua.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.support.UserTasks.UserTask;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link UserTasks} on the engine inside the running application, whose {@code @Deployment} must
 * have deployed the forms: the test model's task links to {@code dispute-review} by id only.
 */
class UserTasksInApplicationTest extends IntegrationTest {

  @Autowired CamundaClient client;

  @Test
  void anAgentCompletesADisputeReviewWhoseFormTheApplicationDeployed() {
    // given the test model on the application's engine and a dispute on a debt
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath("bpmn-test/user-task-test.bpmn")
        .send()
        .join();
    String debtId = TestDebtors.uniqueId("D-UT");
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("user-task-test")
            .latestVersion()
            .variables(Map.of("debtId", debtId, "disputeReason", "Já paguei"))
            .send()
            .join()
            .getProcessInstanceKey();
    UserTasks userTasks = new UserTasks(engine);

    // when the task opens, then it links to the form the application deployed
    UserTask task = userTasks.awaitOpen(instance, "ReviewDisputeUserTask");
    assertThat(task.formId()).isEqualTo("dispute-review");
    assertThat(task.formKey()).isPositive();
    assertThat(task.variables()).containsEntry("disputeReason", "Já paguei");

    // and when the agent cancels the charge, the process goes on with the agent's answer
    userTasks.complete(task.key(), Map.of("disputeResolution", "CANCEL"));
    ActivatedJob cancel =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    client
                        .newActivateJobsCommand()
                        .jobType("user-task-test-cancel")
                        .maxJobsToActivate(10)
                        .send()
                        .join()
                        .getJobs()
                        .stream()
                        .filter(job -> job.getProcessInstanceKey() == instance)
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    assertThat(cancel.getVariablesAsMap())
        .containsEntry("debtId", debtId)
        .containsEntry("disputeResolution", "CANCEL");
  }
}
