package br.com.regua.tasks;

import br.com.regua.api.InvalidFieldException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The agents' rules over the engine's tasks: a task held by one agent is not another's to release
 * or complete, and a finished task is finished for everyone. The engine enforces the last one too
 * (it refuses completing a completed task), which covers two agents submitting at once.
 */
@Service
public class AgentTaskService {

  private final AgentTasks tasks;

  public AgentTaskService(AgentTasks tasks) {
    this.tasks = tasks;
  }

  public List<AgentTask> queue(AgentTaskFilter filter) {
    return tasks.open(filter);
  }

  public AgentTask task(long key) {
    return tasks.get(key);
  }

  public AgentTask claim(long key, String assignee) {
    requireAssignee(assignee);
    AgentTask task = openTask(key);
    if (task.assignee() != null && !task.assignee().equals(assignee)) {
      throw heldByAnother(task);
    }
    tasks.claim(key, assignee);
    return tasks.get(key);
  }

  /** A claim names its agent: checked before anything about the task is looked up. */
  static void requireAssignee(String assignee) {
    if (assignee == null || assignee.isBlank()) {
      throw new InvalidFieldException("assignee", "must name the agent who claims the task");
    }
  }

  public AgentTask unclaim(long key) {
    openTask(key);
    tasks.unclaim(key);
    return tasks.get(key);
  }

  /**
   * Completes the task for the agent. A task nobody claimed may be completed by any agent; a
   * claimed one only by its assignee.
   */
  public void complete(long key, String agent, Map<String, Object> variables) {
    AgentTask task = openTask(key);
    if (task.assignee() != null && !task.assignee().equals(agent)) {
      throw heldByAnother(task);
    }
    tasks.complete(key, variables == null ? Map.of() : variables);
  }

  private AgentTask openTask(long key) {
    AgentTask task = tasks.get(key);
    if (!task.isOpen()) {
      throw new AgentTaskConflictException(
          "key", "user task " + key + " is already " + task.state().name().toLowerCase());
    }
    return task;
  }

  private static AgentTaskConflictException heldByAnother(AgentTask task) {
    return new AgentTaskConflictException(
        "assignee", "user task " + task.key() + " is claimed by " + task.assignee());
  }
}
