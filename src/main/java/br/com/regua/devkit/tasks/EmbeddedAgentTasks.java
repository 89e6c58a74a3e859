package br.com.regua.devkit.tasks;

import br.com.regua.devkit.engine.EmbeddedEngine;
import br.com.regua.devkit.engine.RecordCursor;
import br.com.regua.engine.EngineUnavailableException;
import br.com.regua.tasks.AgentTask;
import br.com.regua.tasks.AgentTaskConflictException;
import br.com.regua.tasks.AgentTaskFilter;
import br.com.regua.tasks.AgentTaskNotFoundException;
import br.com.regua.tasks.AgentTasks;
import br.com.regua.tasks.RemoteAgentTasks;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.camunda.zeebe.logstreams.log.LogAppendEntry;
import io.camunda.zeebe.logstreams.log.WriteContext;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.Form;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The agents' tasks on the in-JVM engine (embedded mode).
 *
 * <p><b>Why this reaches into the engine.</b> The 8.8 client sends user task commands only over
 * REST, and the in-JVM engine (zeebe-process-test) serves only gRPC, which has no user task
 * command; there is no Tasklist either. So this class writes the {@code USER_TASK} commands the
 * REST gateway would write ({@code COMPLETE}, {@code CLAIM}, {@code ASSIGN}) straight to the
 * engine's log ({@link EmbeddedEngine#logWriter}), and reads the engine's answer from its records.
 * Reading is public: tasks, forms and variables all come from the record stream. Every engine
 * internal stays in this class; in remote mode none of it runs ({@link RemoteAgentTasks}).
 *
 * <p>It keeps the tasks as the engine's records make them, applying on each call only what the
 * engine wrote since the last one.
 */
public final class EmbeddedAgentTasks implements AgentTasks {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(50);
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .findAndAddModules()
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private final EmbeddedEngine engine;
  private final RecordCursor cursor;

  /** The user tasks as the records applied so far make them; guarded by {@code this}. */
  private final Snapshot snapshot = new Snapshot();

  public EmbeddedAgentTasks(EmbeddedEngine engine) {
    this.engine = engine;
    this.cursor = engine.newCursor();
  }

  @Override
  public List<AgentTask> open(AgentTaskFilter filter) {
    return read(
        snapshot ->
            snapshot.tasks().stream()
                .filter(AgentTask::isOpen)
                .filter(filter::accepts)
                .sorted(AgentTaskFilter.QUEUE_ORDER)
                .map(AgentTask::withoutVariables)
                .toList());
  }

  /**
   * The open tasks of the process instance and of the instances it called (the journey's tasks live
   * in the called {@code dunning-collection}), oldest first, with their variables.
   */
  public List<AgentTask> openWithin(long processInstanceKey) {
    return read(
        snapshot ->
            snapshot.tasks().stream()
                .filter(AgentTask::isOpen)
                .filter(task -> snapshot.isWithin(task.processInstanceKey(), processInstanceKey))
                .toList());
  }

  @Override
  public AgentTask get(long key) {
    return read(snapshot -> snapshot.task(key))
        .orElseThrow(() -> AgentTaskNotFoundException.of(key));
  }

  @Override
  public void claim(long key, String assignee) {
    UserTaskRecord command =
        new UserTaskRecord().setUserTaskKey(key).setAssignee(assignee).setAction("claim");
    send(key, UserTaskIntent.CLAIM, command, UserTaskIntent.ASSIGNED, "claiming");
  }

  /** As the REST gateway does: an assignment to nobody. */
  @Override
  public void unclaim(long key) {
    UserTaskRecord command =
        new UserTaskRecord().setUserTaskKey(key).setAssignee("").setAction("unassign");
    send(key, UserTaskIntent.ASSIGN, command, UserTaskIntent.ASSIGNED, "unclaiming");
  }

  @Override
  public void complete(long key, Map<String, Object> variables) {
    UserTaskRecord command = new UserTaskRecord().setUserTaskKey(key).setAction("complete");
    if (!variables.isEmpty()) {
      command.setVariables(
          new UnsafeBuffer(
              MsgPackConverter.convertToMsgPack(JSON.valueToTree(variables).toString())));
    }
    send(key, UserTaskIntent.COMPLETE, command, UserTaskIntent.COMPLETED, "completing");
  }

  /**
   * Writes the command and waits for the engine's answer: the expected event, written while
   * processing the command since our models have no task listeners, or a rejection, which becomes
   * an exception carrying the engine's reason.
   */
  private void send(
      long key, UserTaskIntent intent, UserTaskRecord command, Intent done, String verb) {
    RecordMetadata metadata =
        new RecordMetadata()
            .recordType(RecordType.COMMAND)
            .valueType(ValueType.USER_TASK)
            .intent(intent);
    var written =
        engine
            .logWriter()
            .tryWrite(WriteContext.internal(), LogAppendEntry.of(key, metadata, command));
    if (written.isLeft()) {
      throw new EngineUnavailableException(
          "the engine's log refused the command: " + written.getLeft());
    }
    Record<?> outcome = awaitOutcome(written.get(), done, verb + " user task " + key);
    if (outcome.getRecordType() == RecordType.COMMAND_REJECTION) {
      String reason =
          "%s user task %d was rejected (%s): %s"
              .formatted(verb, key, outcome.getRejectionType(), outcome.getRejectionReason());
      // A completed or cancelled task is gone from the engine's state, so the engine answers
      // NOT_FOUND; for the agent it is a conflict with whoever finished it first.
      boolean known = read(snapshot -> snapshot.task(key).isPresent());
      if (outcome.getRejectionType() == RejectionType.NOT_FOUND && !known) {
        throw new AgentTaskNotFoundException(reason);
      }
      throw new AgentTaskConflictException("key", reason);
    }
  }

  private Record<?> awaitOutcome(long commandPosition, Intent done, String what) {
    Instant deadline = Instant.now().plus(TIMEOUT);
    // the answer is written after the command: read from the command on
    RecordCursor after = engine.newCursorAfter(commandPosition - 1);
    List<Record<?>> answer = new ArrayList<>(1);
    while (Instant.now().isBefore(deadline)) {
      after.forEachNew(
          r -> {
            if (answer.isEmpty()
                && r.getSourceRecordPosition() == commandPosition
                && (r.getRecordType() == RecordType.COMMAND_REJECTION || r.getIntent() == done)) {
              answer.add(r);
            }
          });
      if (!answer.isEmpty()) {
        return answer.get(0);
      }
      try {
        Thread.sleep(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    // its stream processor failed, stopped or is overloaded: 503, try again later
    throw new EngineUnavailableException(
        "the engine did not answer " + what + " within " + TIMEOUT);
  }

  /** How many element instances the snapshot holds scopes or variables of (bounded by the live). */
  int elementsHeld() {
    return read(snapshot -> snapshot.flowScope.size() + snapshot.variablesByScope.size());
  }

  /**
   * Answers the query on the user tasks as they stand: the records the engine wrote since the last
   * call are applied first, so each call costs what is new, not everything the engine ever wrote.
   */
  private synchronized <T> T read(Function<Snapshot, T> query) {
    cursor.forEachNew(
        record -> {
          if (record.getRecordType() == RecordType.EVENT) {
            snapshot.apply(record);
          }
        });
    return query.apply(snapshot);
  }

  /**
   * What the engine's records say about user tasks, bounded by what is live: an element's scope and
   * variables are dropped when it ends, and a task that ends is kept as it stood then, among the
   * last {@link #CLOSED_KEPT} ended ones (the API still answers for a task just completed).
   */
  private static final class Snapshot {
    static final int CLOSED_KEPT = 5_000;

    private final Map<Long, Long> parentInstance = new HashMap<>();
    private final Map<Long, Long> flowScope = new HashMap<>();
    private final Map<Long, String> formIds = new HashMap<>();
    private final Map<Long, Map<String, String>> variablesByScope = new HashMap<>();
    private final Map<Long, UserTaskRecordValue> created = new LinkedHashMap<>();
    private final Map<Long, Instant> createdAt = new HashMap<>();
    private final Map<Long, String> assignees = new HashMap<>();
    private final Map<Long, AgentTask> closed =
        new LinkedHashMap<>() {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, AgentTask> eldest) {
            return size() > CLOSED_KEPT;
          }
        };

    void apply(Record<?> record) {
      switch (record.getValue()) {
        case ProcessInstanceRecordValue element -> applyElement(record, element);
        case Form form -> formIds.put(form.getFormKey(), form.getFormId());
        case VariableRecordValue variable ->
            variablesByScope
                .computeIfAbsent(variable.getScopeKey(), scope -> new HashMap<>())
                .put(variable.getName(), variable.getValue());
        case UserTaskRecordValue task -> applyTask(record, task);
        default -> {}
      }
    }

    private void applyElement(Record<?> record, ProcessInstanceRecordValue element) {
      long key = record.getKey();
      switch ((ProcessInstanceIntent) record.getIntent()) {
        case ELEMENT_ACTIVATING -> {
          flowScope.put(key, element.getFlowScopeKey());
          if (element.getBpmnElementType() == BpmnElementType.PROCESS) {
            parentInstance.put(
                element.getProcessInstanceKey(), element.getParentProcessInstanceKey());
          }
        }
        case ELEMENT_COMPLETED, ELEMENT_TERMINATED -> {
          flowScope.remove(key);
          variablesByScope.remove(key);
          if (element.getBpmnElementType() == BpmnElementType.PROCESS) {
            parentInstance.remove(element.getProcessInstanceKey());
          }
        }
        default -> {}
      }
    }

    private void applyTask(Record<?> record, UserTaskRecordValue task) {
      long key = task.getUserTaskKey();
      switch ((UserTaskIntent) record.getIntent()) {
        case CREATED -> {
          created.put(key, task);
          createdAt.put(key, Instant.ofEpochMilli(record.getTimestamp()));
          assignees.put(key, blankToNull(task.getAssignee()));
        }
        case ASSIGNED -> assignees.put(key, blankToNull(task.getAssignee()));
        // the values a completion sets reach the scopes only after this record: taken from it
        case COMPLETED -> close(key, AgentTask.State.COMPLETED, task.getVariables());
        case CANCELED -> close(key, AgentTask.State.CANCELED, Map.of());
        default -> {}
      }
    }

    /**
     * Keeps the task as it stood when it ended, while its scope's variables are still there, with
     * the values its completion set.
     */
    private void close(long key, AgentTask.State state, Map<String, Object> setOnEnd) {
      openTask(key, state, setOnEnd).ifPresent(task -> closed.put(key, task));
      created.remove(key);
      createdAt.remove(key);
      assignees.remove(key);
    }

    /** The open tasks; ended ones are only found by key. */
    List<AgentTask> tasks() {
      return created.keySet().stream()
          .map(key -> openTask(key, AgentTask.State.OPEN, Map.of()).orElseThrow())
          .toList();
    }

    Optional<AgentTask> task(long key) {
      AgentTask ended = closed.get(key);
      return ended != null ? Optional.of(ended) : openTask(key, AgentTask.State.OPEN, Map.of());
    }

    private Optional<AgentTask> openTask(
        long key, AgentTask.State state, Map<String, Object> setOnEnd) {
      UserTaskRecordValue task = created.get(key);
      if (task == null) {
        return Optional.empty();
      }
      long formKey = task.getFormKey();
      return Optional.of(
          new AgentTask(
              key,
              task.getElementId(),
              task.getProcessInstanceKey(),
              formKey > 0 ? formKey : null,
              formIds.get(formKey),
              assignees.get(key),
              state,
              createdAt.get(key),
              parseDue(task.getDueDate()),
              List.copyOf(task.getCandidateGroupsList()),
              visibleVariables(task.getElementInstanceKey(), setOnEnd)));
    }

    /** Walks up from the task's element instance; the innermost scope's value of a name wins. */
    private Map<String, Object> visibleVariables(
        long elementInstanceKey, Map<String, Object> setOnEnd) {
      Map<String, Object> visible = new LinkedHashMap<>(setOnEnd);
      for (Long scope = elementInstanceKey;
          scope != null && scope > 0;
          scope = flowScope.get(scope)) {
        variablesByScope
            .getOrDefault(scope, Map.of())
            .forEach((name, json) -> visible.putIfAbsent(name, parse(json)));
      }
      return visible;
    }

    boolean isWithin(long instance, long root) {
      Long key = instance;
      while (key != null && key > 0 && key != root) {
        key = parentInstance.get(key);
      }
      return key != null && key == root;
    }
  }

  private static final Set<String> NO_DATE = Set.of("", "null");

  private static Instant parseDue(String dueDate) {
    if (dueDate == null || NO_DATE.contains(dueDate)) {
      return null;
    }
    try {
      return Instant.from(DateTimeFormatter.ISO_DATE_TIME.parse(dueDate));
    } catch (java.time.DateTimeException e) {
      throw new IllegalStateException(
          "the engine holds a due date that is not ISO-8601: " + dueDate, e);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static Object parse(String json) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the engine holds a variable that is not JSON: " + json, e);
    }
  }
}
