package br.com.regua.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.camunda.zeebe.logstreams.log.LogAppendEntry;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LogStreamWriter;
import io.camunda.zeebe.logstreams.log.WriteContext;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.InMemoryEngine;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.Form;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Camunda user tasks ({@code zeebe:userTask}) on the in-JVM engine, for tests: lists the open ones,
 * waits for one, completes it as an agent would in Tasklist.
 *
 * <p><b>Why this reaches into the engine.</b> The 8.8 client sends user task commands only over
 * REST, and the in-JVM engine (zeebe-process-test) serves only gRPC, which has no user task
 * command. zeebe-process-test-engine 8.8 offers no public way to append a command either, so {@link
 * #complete} writes the {@code USER_TASK COMPLETE} command the REST gateway would write straight to
 * the engine's log, which {@code InMemoryEngine} keeps in a private field (read once, by
 * reflection, in {@link #logWriter}). Reading is public: everything comes from the engine's record
 * stream. All engine internals stay in this class. In production, Tasklist completes the tasks and
 * none of this runs.
 *
 * <p>Works with any {@code InMemoryEngine}: the shared one of {@link ProcessTestEngine} and the one
 * in the Spring context ({@code new UserTasks(embeddedEngine.engine())}).
 */
public final class UserTasks {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .findAndAddModules()
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  /**
   * An open user task as Tasklist would show it.
   *
   * @param formKey the deployed form's key, or -1 without a linked form
   * @param formId the linked form's id ({@code zeebe:formDefinition formId}), or null
   * @param variables what the task sees: its own (input mappings) over those of the enclosing
   *     scopes, as plain Java values (maps, lists, strings, numbers, booleans)
   */
  public record UserTask(
      long key,
      String elementId,
      long processInstanceKey,
      long formKey,
      String formId,
      List<String> candidateGroups,
      Map<String, Object> variables) {}

  /** The engine refused a command on a user task; the message is the engine's reason. */
  public static final class UserTaskRejectedException extends RuntimeException {
    UserTaskRejectedException(String message) {
      super(message);
    }
  }

  private final ZeebeTestEngine engine;
  private final LogStreamWriter writer;

  public UserTasks(ZeebeTestEngine engine) {
    this.engine = engine;
    this.writer = logWriter(engine);
  }

  /**
   * The open user tasks of the process instance and of the instances it called (the journey's tasks
   * live in the called {@code dunning-collection}), oldest first.
   */
  public List<UserTask> open(long processInstanceKey) {
    Map<Long, Long> parentInstance = new HashMap<>();
    Map<Long, Long> flowScope = new HashMap<>();
    Map<Long, String> formIds = new HashMap<>();
    Map<Long, Map<String, String>> variablesByScope = new HashMap<>();
    Map<Long, UserTaskRecordValue> open = new LinkedHashMap<>();
    for (Record<?> record : records()) {
      if (record.getRecordType() != RecordType.EVENT) {
        continue;
      }
      switch (record.getValue()) {
        case ProcessInstanceRecordValue element -> {
          flowScope.put(record.getKey(), element.getFlowScopeKey());
          if (element.getBpmnElementType() == BpmnElementType.PROCESS) {
            parentInstance.put(
                element.getProcessInstanceKey(), element.getParentProcessInstanceKey());
          }
        }
        case Form form -> formIds.put(form.getFormKey(), form.getFormId());
        case VariableRecordValue variable ->
            variablesByScope
                .computeIfAbsent(variable.getScopeKey(), scope -> new HashMap<>())
                .put(variable.getName(), variable.getValue());
        case UserTaskRecordValue task when record.getIntent() == UserTaskIntent.CREATED ->
            open.put(task.getUserTaskKey(), task);
        case UserTaskRecordValue task
            when record.getIntent() == UserTaskIntent.COMPLETED
                || record.getIntent() == UserTaskIntent.CANCELED ->
            open.remove(task.getUserTaskKey());
        default -> {}
      }
    }
    return open.values().stream()
        .filter(task -> isWithin(task.getProcessInstanceKey(), processInstanceKey, parentInstance))
        .map(
            task ->
                new UserTask(
                    task.getUserTaskKey(),
                    task.getElementId(),
                    task.getProcessInstanceKey(),
                    task.getFormKey(),
                    formIds.get(task.getFormKey()),
                    List.copyOf(task.getCandidateGroupsList()),
                    visibleVariables(task.getElementInstanceKey(), flowScope, variablesByScope)))
        .toList();
  }

  /** Waits until the user task at this element is open in the instance (or one it called). */
  public UserTask awaitOpen(long processInstanceKey, String elementId) {
    return await("user task " + elementId + " open in instance " + processInstanceKey)
        .atMost(TIMEOUT)
        .until(
            () ->
                open(processInstanceKey).stream()
                    .filter(task -> task.elementId().equals(elementId))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  /**
   * Completes the task with the variables, as Tasklist does when an agent submits the form, and
   * waits until the engine has completed it. The variables are merged into the process like a
   * job's.
   *
   * @throws UserTaskRejectedException with the engine's reason, e.g. when the task is already
   *     completed or was cancelled
   */
  public void complete(long userTaskKey, Map<String, ?> variables) {
    UserTaskRecord command = new UserTaskRecord().setUserTaskKey(userTaskKey).setAction("complete");
    if (!variables.isEmpty()) {
      command.setVariables(
          new UnsafeBuffer(
              MsgPackConverter.convertToMsgPack(JSON.valueToTree(variables).toString())));
    }
    RecordMetadata metadata =
        new RecordMetadata()
            .recordType(RecordType.COMMAND)
            .valueType(ValueType.USER_TASK)
            .intent(UserTaskIntent.COMPLETE);
    var written =
        writer.tryWrite(WriteContext.internal(), LogAppendEntry.of(userTaskKey, metadata, command));
    if (written.isLeft()) {
      throw new IllegalStateException("the engine's log refused the command: " + written.getLeft());
    }
    long position = written.get();

    Record<?> outcome =
        await("the engine's answer to completing user task " + userTaskKey)
            .atMost(TIMEOUT)
            .until(() -> outcomeOf(position), Optional::isPresent)
            .orElseThrow();
    if (outcome.getRecordType() == RecordType.COMMAND_REJECTION) {
      throw new UserTaskRejectedException(
          "completing user task %d was rejected (%s): %s"
              .formatted(userTaskKey, outcome.getRejectionType(), outcome.getRejectionReason()));
    }
  }

  /**
   * What the engine wrote in answer to our command: its rejection, or the task's COMPLETED event,
   * written while processing the command since our models have no task listeners.
   */
  private Optional<Record<?>> outcomeOf(long commandPosition) {
    return records().stream()
        .filter(r -> r.getSourceRecordPosition() == commandPosition)
        .filter(
            r ->
                r.getRecordType() == RecordType.COMMAND_REJECTION
                    || r.getIntent() == UserTaskIntent.COMPLETED)
        .findFirst();
  }

  /** Walks up from the task's element instance; the innermost scope's value of a name wins. */
  private static Map<String, Object> visibleVariables(
      long elementInstanceKey,
      Map<Long, Long> flowScope,
      Map<Long, Map<String, String>> variablesByScope) {
    Map<String, Object> visible = new LinkedHashMap<>();
    for (Long scope = elementInstanceKey;
        scope != null && scope > 0;
        scope = flowScope.get(scope)) {
      variablesByScope
          .getOrDefault(scope, Map.of())
          .forEach((name, json) -> visible.putIfAbsent(name, parse(json)));
    }
    return visible;
  }

  private static boolean isWithin(long instance, long root, Map<Long, Long> parentInstance) {
    Long key = instance;
    while (key != null && key > 0 && key != root) {
      key = parentInstance.get(key);
    }
    return key != null && key == root;
  }

  /**
   * A snapshot of everything the engine wrote. The engine's source is a view of a plain list that
   * grows whenever anyone reads it: copying it in one go (rather than iterating it) keeps a reader
   * on another thread from failing with a ConcurrentModificationException.
   */
  private List<Record<?>> records() {
    return new ArrayList<>((Collection<Record<?>>) engine.getRecordStreamSource().getRecords());
  }

  /**
   * The writer of the engine's log. {@code InMemoryEngine} (8.8) keeps its {@code LogStream} in the
   * private field {@code logStream} and offers no other way in; the writer it hands out is the
   * log's sequencer, shared with the gRPC gateway and safe to use from any thread.
   */
  private static LogStreamWriter logWriter(ZeebeTestEngine engine) {
    try {
      Field logStream = InMemoryEngine.class.getDeclaredField("logStream");
      logStream.setAccessible(true);
      return ((LogStream) logStream.get(engine)).newLogStreamWriter();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot reach the log of the in-JVM engine ("
              + engine.getClass().getName()
              + "): zeebe-process-test's internals changed; adapt UserTasks.logWriter",
          e);
    }
  }

  private static Object parse(String json) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the engine holds a variable that is not JSON: " + json, e);
    }
  }
}
