package br.com.regua.support;

import static org.awaitility.Awaitility.await;

import br.com.regua.devkit.engine.EmbeddedEngine;
import br.com.regua.devkit.tasks.EmbeddedAgentTasks;
import br.com.regua.tasks.AgentTask;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Camunda user tasks ({@code zeebe:userTask}) on the in-JVM engine, for tests: lists the open ones,
 * waits for one, completes it as an agent would in Tasklist. The mechanism, and why it reaches into
 * the engine, is the application's {@link EmbeddedAgentTasks}; this class adds the waiting and the
 * per-instance view tests want.
 *
 * <p>Works with any {@code InMemoryEngine}: the shared one of {@link ProcessTestEngine} and the one
 * in the Spring context ({@code new UserTasks(embeddedEngine)}).
 */
public final class UserTasks {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

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
      Map<String, Object> variables) {

    static UserTask of(AgentTask task) {
      return new UserTask(
          task.key(),
          task.elementId(),
          task.processInstanceKey(),
          task.formKey() == null ? -1 : task.formKey(),
          task.formId(),
          task.candidateGroups(),
          task.variables());
    }
  }

  /** The engine refused a command on a user task; the message is the engine's reason. */
  public static final class UserTaskRejectedException extends RuntimeException {
    UserTaskRejectedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final EmbeddedAgentTasks tasks;

  public UserTasks(EmbeddedEngine engine) {
    this.tasks = TASKS.computeIfAbsent(engine, EmbeddedAgentTasks::new);
  }

  /**
   * One reader of the tasks per engine: a new one reads the engine's whole log before it answers,
   * which in a long suite takes longer than the tests wait.
   */
  private static final Map<EmbeddedEngine, EmbeddedAgentTasks> TASKS = new ConcurrentHashMap<>();

  /**
   * The open user tasks of the process instance and of the instances it called (the journey's tasks
   * live in the called {@code dunning-collection}), oldest first.
   */
  public List<UserTask> open(long processInstanceKey) {
    return tasks.openWithin(processInstanceKey).stream().map(UserTask::of).toList();
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
  @SuppressWarnings("unchecked")
  public void complete(long userTaskKey, Map<String, ?> variables) {
    try {
      tasks.complete(userTaskKey, (Map<String, Object>) variables);
    } catch (br.com.regua.api.NotFoundException | br.com.regua.api.ConflictException e) {
      throw new UserTaskRejectedException(e.getMessage(), e);
    }
  }
}
