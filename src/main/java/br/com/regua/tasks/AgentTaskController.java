package br.com.regua.tasks;

import br.com.regua.api.ForbiddenException;
import br.com.regua.api.InvalidFieldException;
import br.com.regua.security.Caller;
import br.com.regua.security.Role;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agents' user tasks over HTTP, on either engine: the queue, claiming and completing. Keys are
 * strings, as in Camunda's REST API: they exceed what a JavaScript number holds exactly.
 *
 * <p>A person signed in to the desk works in their own name and, when they have teams, sees only
 * the tasks whose candidate groups (set in the model) include one of them; a supervisor sees every
 * queue. An API client with the agent role names the assignee in the body.
 */
@RestController
@RequestMapping("/api/tasks")
class AgentTaskController {

  private final AgentTaskService service;
  private final TaskDebts debts;
  private final Clock clock;

  AgentTaskController(AgentTaskService service, TaskDebts debts, Clock clock) {
    this.service = service;
    this.debts = debts;
    this.clock = clock;
  }

  /**
   * The open tasks, oldest due first, each with its debt (debtor, amounts, state, due date, days
   * late) so the queue can be triaged at a glance.
   *
   * @param kind an element id ({@code PreventiveCallUserTask}) or a form id
   * @param state {@code unassigned} or {@code assigned}; both when absent
   * @param assignee only the tasks this agent holds
   */
  @GetMapping
  List<TaskView> queue(
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String assignee) {
    AgentTaskFilter filter = new AgentTaskFilter(blankToNull(kind), assignment(state), assignee);
    Caller caller = Caller.current();
    List<AgentTask> visible =
        service.queue(filter).stream().filter(task -> caller.sees(task.candidateGroups())).toList();
    Map<Long, TaskDebts.Summary> summaries = debts.of(visible);
    return visible.stream()
        .map(task -> TaskView.of(task, false).with(summaries.get(task.key()), clock.instant()))
        .toList();
  }

  @GetMapping("/{key}")
  TaskView task(@PathVariable long key) {
    AgentTask task = visible(key, Caller.current());
    return TaskView.of(task, true).with(debts.of(List.of(task)).get(task.key()), clock.instant());
  }

  @PostMapping("/{key}/claim")
  TaskView claim(@PathVariable long key, @RequestBody ClaimRequest request) {
    Caller caller = Caller.current();
    String assignee = assignee(caller, request.assignee());
    AgentTaskService.requireAssignee(assignee);
    visible(key, caller);
    return TaskView.of(service.claim(key, assignee), false);
  }

  @PostMapping("/{key}/unclaim")
  TaskView unclaim(@PathVariable long key) {
    Caller caller = Caller.current();
    AgentTask task = visible(key, caller);
    if (caller.person()
        && !caller.is(Role.SUPERVISOR)
        && task.assignee() != null
        && !task.assignee().equals(caller.name())) {
      throw new ForbiddenException("task " + key + " is " + task.assignee() + "'s to give back");
    }
    return TaskView.of(service.unclaim(key), false);
  }

  /** Completes the task with the form's values; {@code assignee} is the agent submitting it. */
  @PostMapping("/{key}/complete")
  ResponseEntity<Void> complete(@PathVariable long key, @RequestBody CompleteRequest request) {
    Caller caller = Caller.current();
    String assignee = assignee(caller, request.assignee());
    visible(key, caller);
    service.complete(key, assignee, request.variables());
    return ResponseEntity.noContent().build();
  }

  /** The task, when the caller's teams may see it. */
  private AgentTask visible(long key, Caller caller) {
    AgentTask task = service.task(key);
    if (!caller.sees(task.candidateGroups())) {
      throw new ForbiddenException(
          "task " + key + " is in another team's queue " + task.candidateGroups());
    }
    return task;
  }

  /** A person works in their own name (a supervisor may name another); a client names one. */
  private static String assignee(Caller caller, String requested) {
    String named = blankToNull(requested);
    if (!caller.person()) {
      return named;
    }
    if (named != null && !named.equals(caller.name()) && !caller.is(Role.SUPERVISOR)) {
      throw new ForbiddenException("you work tasks as " + caller.name() + ", not as " + named);
    }
    return named == null ? caller.name() : named;
  }

  record ClaimRequest(String assignee) {}

  record CompleteRequest(String assignee, Map<String, Object> variables) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record TaskView(
      String key,
      String elementId,
      String formId,
      String processInstanceKey,
      String state,
      String assignee,
      Instant created,
      Instant due,
      List<String> candidateGroups,
      Map<String, Object> variables,
      TaskDebts.Summary debt,
      Boolean overdue) {

    static TaskView of(AgentTask task, boolean withVariables) {
      return new TaskView(
          Long.toString(task.key()),
          task.elementId(),
          task.formId(),
          Long.toString(task.processInstanceKey()),
          task.state().name(),
          task.assignee(),
          task.created(),
          task.due(),
          task.candidateGroups(),
          withVariables ? task.variables() : null,
          null,
          null);
    }

    /**
     * With its debt, and whether its deadline has passed on the service's clock (the engine's in
     * embedded mode, which the browser's clock does not know).
     */
    TaskView with(TaskDebts.Summary summary, Instant now) {
      return new TaskView(
          key,
          elementId,
          formId,
          processInstanceKey,
          state,
          assignee,
          created,
          due,
          candidateGroups,
          variables,
          summary,
          due != null && due.isBefore(now));
    }
  }

  private static AgentTaskFilter.Assignment assignment(String state) {
    if (state == null || state.isBlank()) {
      return null;
    }
    try {
      return AgentTaskFilter.Assignment.valueOf(state.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException("state", "must be one of assigned, unassigned");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
