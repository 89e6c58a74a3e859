package br.com.regua.tasks;

import java.util.List;
import java.util.Map;

/**
 * The agents' user tasks, on whichever engine runs the journeys: {@code
 * devkit/tasks/EmbeddedAgentTasks} on the in-JVM engine, {@link RemoteAgentTasks} on a Camunda 8.8
 * cluster (its Orchestration Cluster REST API). In embedded mode the in-JVM engine's start
 * registers its own; {@link AgentTasksConfiguration} provides the remote one otherwise.
 *
 * <p>Commands the engine refuses throw {@link AgentTaskNotFoundException} (no such task) or {@link
 * AgentTaskConflictException} (completed, cancelled, or claimed by someone else), with the engine's
 * reason.
 */
public interface AgentTasks {

  /** The open tasks the filter accepts, in queue order (oldest due first), without variables. */
  List<AgentTask> open(AgentTaskFilter filter);

  /** The task, open or not, with its variables. */
  AgentTask get(long key);

  /** Assigns the task to the agent; refused when someone else holds it. */
  void claim(long key, String assignee);

  /** Releases the task to the queue. */
  void unclaim(long key);

  /** Completes the task, merging the variables into the process, as Tasklist does on submit. */
  void complete(long key, Map<String, Object> variables);
}
