package br.com.regua.tasks;

import br.com.regua.api.NotFoundException;

/** The engine knows no user task with this key: 404. */
public class AgentTaskNotFoundException extends NotFoundException {

  public AgentTaskNotFoundException(String message) {
    super(message);
  }

  public static AgentTaskNotFoundException of(long key) {
    return new AgentTaskNotFoundException("user task " + key + " does not exist");
  }
}
