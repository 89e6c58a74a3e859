package br.com.regua.tasks;

import java.util.Comparator;

/**
 * Which open tasks an agent wants to see.
 *
 * @param kind an element id or a form id, or null for every kind
 * @param assignment whether claimed or not, or null for both
 * @param assignee only the tasks this agent claimed, or null
 */
public record AgentTaskFilter(String kind, Assignment assignment, String assignee) {

  public enum Assignment {
    ASSIGNED,
    UNASSIGNED
  }

  public static final AgentTaskFilter ALL = new AgentTaskFilter(null, null, null);

  /** The queue order: the oldest due date first, tasks without one after, then by age. */
  public static final Comparator<AgentTask> QUEUE_ORDER =
      Comparator.comparing(AgentTask::due, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(AgentTask::created, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparingLong(AgentTask::key);

  public boolean accepts(AgentTask task) {
    if (kind != null && !task.isOfKind(kind)) {
      return false;
    }
    if (assignee != null && !assignee.equals(task.assignee())) {
      return false;
    }
    if (assignment == Assignment.ASSIGNED) {
      return task.assignee() != null;
    }
    if (assignment == Assignment.UNASSIGNED) {
      return task.assignee() == null;
    }
    return true;
  }
}
