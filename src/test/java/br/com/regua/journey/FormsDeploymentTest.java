package br.com.regua.journey;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.support.ProcessTestEngine;
import br.com.regua.support.UserTasks.UserTask;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Form;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The forms on the real engine: it accepts them, and a user task linked by formId gets them. */
@Tag(ProcessTestEngine.TAG)
class FormsDeploymentTest {

  private final ProcessTestEngine zeebe = ProcessTestEngine.get();

  @Test
  void theEngineAcceptsEveryForm() throws IOException {
    // given every form in forms/
    List<Path> files;
    try (Stream<Path> list = Files.list(Path.of("forms"))) {
      files = list.filter(f -> f.toString().endsWith(".form")).sorted().toList();
    }

    // when they are deployed together
    var command =
        zeebe.client().newDeployResourceCommand().addResourceFile(files.get(0).toString());
    for (Path file : files.subList(1, files.size())) {
      command = command.addResourceFile(file.toString());
    }
    DeploymentEvent deployment = command.send().join();

    // then the engine knows each by its id
    assertThat(deployment.getForm())
        .extracting(Form::getFormId)
        .containsExactlyInAnyOrder(
            "preventive-call", "extra-day-call", "negotiation-call", "dispute-review");
    assertThat(deployment.getForm()).allMatch(form -> form.getFormKey() > 0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"preventive-call", "extra-day-call", "negotiation-call", "dispute-review"})
  void aUserTaskLinkedByFormIdOpensWithTheDeployedForm(String formId) {
    // given the deployed forms, by key
    Map<String, Long> formKeys =
        zeebe
            .client()
            .newDeployResourceCommand()
            .addResourceFile("forms/" + formId + ".form")
            .send()
            .join()
            .getForm()
            .stream()
            .collect(Collectors.toMap(Form::getFormId, Form::getFormKey));

    // when a process whose user task links the form by id runs
    String processId = "form-link-" + formId;
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask("CallUserTask", task -> task.zeebeUserTask().zeebeFormId(formId))
            .endEvent()
            .done();
    zeebe
        .client()
        .newDeployResourceCommand()
        .addProcessModel(model, processId + ".bpmn")
        .send()
        .join();
    long instance =
        zeebe
            .client()
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .send()
            .join()
            .getProcessInstanceKey();

    // then its task opens with that form
    UserTask task = zeebe.userTasks().awaitOpen(instance, "CallUserTask");
    assertThat(task.formId()).isEqualTo(formId);
    assertThat(task.formKey()).isEqualTo(formKeys.get(formId));
    zeebe.client().newCancelInstanceCommand(instance).send().join();
  }
}
