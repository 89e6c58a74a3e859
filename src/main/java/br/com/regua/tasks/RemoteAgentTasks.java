package br.com.regua.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The agents' tasks on a Camunda 8.8 cluster, through its Orchestration Cluster REST API ({@code
 * /v2/user-tasks/...}), which the Camunda client speaks for user task commands and searches
 * whatever {@code prefer-rest-over-grpc} says. Searches read the cluster's secondary storage, so a
 * task created a moment ago may appear a moment later.
 */
public final class RemoteAgentTasks implements AgentTasks {

  /** More open tasks than a desk shows at once; the queue is worked from its head. */
  private static final int PAGE_LIMIT = 500;

  private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

  private final CamundaClient client;

  /** A deployed form never changes its id, so one lookup per form key is enough. */
  private final Map<Long, String> formIds = new ConcurrentHashMap<>();

  public RemoteAgentTasks(CamundaClient client) {
    this.client = client;
  }

  @Override
  public List<AgentTask> open(AgentTaskFilter filter) {
    List<UserTask> found =
        client
            .newUserTaskSearchRequest()
            .filter(
                f -> {
                  f.state(UserTaskState.CREATED);
                  if (filter.assignee() != null) {
                    f.assignee(filter.assignee());
                  }
                })
            .sort(s -> s.creationDate().asc())
            .page(p -> p.limit(PAGE_LIMIT))
            .send()
            .join()
            .items();
    return found.stream()
        .map(task -> toAgentTask(task, Map.of()))
        .filter(filter::accepts)
        .sorted(AgentTaskFilter.QUEUE_ORDER)
        .toList();
  }

  @Override
  public AgentTask get(long key) {
    UserTask task =
        read("reading user task " + key, () -> client.newUserTaskGetRequest(key).send().join());
    List<Variable> variables =
        read(
            "reading the variables of user task " + key,
            () ->
                client
                    .newUserTaskVariableSearchRequest(key)
                    .withFullValues()
                    .page(p -> p.limit(PAGE_LIMIT))
                    .send()
                    .join()
                    .items());
    Map<String, Object> values = new LinkedHashMap<>();
    variables.forEach(v -> values.put(v.getName(), parse(v.getValue())));
    return toAgentTask(task, values);
  }

  /** A claim, not an assignment: the cluster refuses it when another agent holds the task. */
  @Override
  public void claim(long key, String assignee) {
    command(
        "claiming",
        key,
        () ->
            client
                .newAssignUserTaskCommand(key)
                .assignee(assignee)
                .allowOverride(false)
                .send()
                .join());
  }

  @Override
  public void unclaim(long key) {
    command("unclaiming", key, () -> client.newUnassignUserTaskCommand(key).send().join());
  }

  @Override
  public void complete(long key, Map<String, Object> variables) {
    command(
        "completing",
        key,
        () -> client.newCompleteUserTaskCommand(key).variables(variables).send().join());
  }

  /**
   * Runs a command; the cluster answers 404 for a task that is not (or no longer) in the engine's
   * state and 409 for one in the wrong state. A completed task is gone from the engine's state but
   * still in the search: for the agent, that 404 is a conflict with whoever finished it first.
   */
  private void command(String verb, long key, Runnable command) {
    try {
      command.run();
    } catch (ClientException e) {
      String reason = "%s user task %d was rejected: %s".formatted(verb, key, describe(e));
      int status = e instanceof ProblemException problem ? problem.code() : 0;
      if (status == 404) {
        if (existsInSearch(key)) {
          throw new AgentTaskConflictException("key", reason);
        }
        throw new AgentTaskNotFoundException(reason);
      }
      if (status == 409 || status == 400) {
        throw new AgentTaskConflictException("key", reason);
      }
      throw e;
    }
  }

  private boolean existsInSearch(long key) {
    try {
      client.newUserTaskGetRequest(key).send().join();
      return true;
    } catch (ProblemException e) {
      if (e.code() == 404) {
        return false;
      }
      throw e;
    }
  }

  /** Runs a read of one task: a 404 means the cluster never had it. */
  private static <T> T read(String what, Supplier<T> request) {
    try {
      return request.get();
    } catch (ProblemException e) {
      if (e.code() == 404) {
        throw new AgentTaskNotFoundException(what + ": " + describe(e));
      }
      throw e;
    }
  }

  private AgentTask toAgentTask(UserTask task, Map<String, Object> variables) {
    Long formKey = task.getFormKey();
    return new AgentTask(
        task.getUserTaskKey(),
        task.getElementId(),
        task.getProcessInstanceKey(),
        formKey,
        formKey == null ? null : formIds.computeIfAbsent(formKey, k -> formId(task)),
        blankToNull(task.getAssignee()),
        state(task.getState()),
        instant(task.getCreationDate()),
        instant(task.getDueDate()),
        task.getCandidateGroups() == null ? List.of() : List.copyOf(task.getCandidateGroups()),
        variables);
  }

  private String formId(UserTask task) {
    return client.newUserTaskGetFormRequest(task.getUserTaskKey()).send().join().getFormId();
  }

  private static AgentTask.State state(UserTaskState state) {
    return switch (state) {
      case COMPLETED -> AgentTask.State.COMPLETED;
      case CANCELED -> AgentTask.State.CANCELED;
      case null, default -> AgentTask.State.OPEN;
    };
  }

  private static java.time.Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String describe(ClientException e) {
    if (e instanceof ProblemException problem && problem.details() != null) {
      return problem.details().getTitle() + ": " + problem.details().getDetail();
    }
    return e.getMessage();
  }

  private static Object parse(String json) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the cluster holds a variable that is not JSON: " + json, e);
    }
  }
}
