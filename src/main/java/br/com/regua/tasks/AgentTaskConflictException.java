package br.com.regua.tasks;

import br.com.regua.api.ConflictException;

/**
 * The task cannot take this command in its current state: already completed or cancelled, or held
 * by another agent. 409.
 */
public class AgentTaskConflictException extends ConflictException {

  public AgentTaskConflictException(String field, String message) {
    super(field, message);
  }
}
