package br.com.regua.tasks;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Camunda user task ({@code zeebe:userTask}) as an agent sees it, whichever engine runs it.
 *
 * @param elementId the task's id in the model ({@code PreventiveCallUserTask}): its kind
 * @param formKey the deployed form's key, or null without a linked form
 * @param formId the linked form's id ({@code zeebe:formDefinition formId}), or null
 * @param assignee the agent who claimed it, or null
 * @param created when the engine created it (engine time)
 * @param due its due date, or null when the model sets none
 * @param variables what the task sees: its own over those of the enclosing scopes, as plain Java
 *     values; filled by {@link AgentTasks#get}, empty in {@link AgentTasks#open} results
 */
public record AgentTask(
    long key,
    String elementId,
    long processInstanceKey,
    Long formKey,
    String formId,
    String assignee,
    State state,
    Instant created,
    Instant due,
    List<String> candidateGroups,
    Map<String, Object> variables) {

  public enum State {
    OPEN,
    COMPLETED,
    CANCELED
  }

  public boolean isOpen() {
    return state == State.OPEN;
  }

  /** The kind of work: the element id, or the id of the form it shows. */
  boolean isOfKind(String kind) {
    return kind.equals(elementId) || kind.equals(formId);
  }

  public AgentTask withoutVariables() {
    return new AgentTask(
        key,
        elementId,
        processInstanceKey,
        formKey,
        formId,
        assignee,
        state,
        created,
        due,
        candidateGroups,
        Map.of());
  }
}
