package br.com.regua.tasks;

import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtRepository;
import br.com.regua.money.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The debt behind each task of the queue, so an agent can triage it before opening it: whose it is,
 * how much, in what state, due when and how late, on the service's clock (the engine's in embedded
 * mode). Read in one query from the debts whose current journey holds the tasks.
 */
@Component
class TaskDebts {

  /**
   * @param amount the original amount, a decimal string in reais
   * @param openBalance what is still owed, a decimal string in reais
   * @param daysPastDue days since the due date (São Paulo): 0 on the day, negative before it
   */
  record Summary(
      String debtId,
      String debtorName,
      String debtorDocument,
      String amount,
      String openBalance,
      String status,
      LocalDate dueDate,
      long daysPastDue) {}

  /** Tasks remembered before the memory is cleared: far more than a queue holds. */
  private static final int REMEMBERED = 20_000;

  private final AgentTasks tasks;
  private final DebtRepository debts;
  private final Clock clock;
  private final ZoneId zone;
  private final Map<Long, String> debtOfTask = new ConcurrentHashMap<>();

  TaskDebts(
      AgentTasks tasks,
      DebtRepository debts,
      Clock clock,
      @Value("${regua.zone:America/Sao_Paulo}") ZoneId zone) {
    this.tasks = tasks;
    this.debts = debts;
    this.clock = clock;
    this.zone = zone;
  }

  /** Each task's debt by task key; a task without a {@code debtId} variable has none. */
  Map<Long, Summary> of(Collection<AgentTask> queue) {
    if (debtOfTask.size() > REMEMBERED) {
      debtOfTask.clear();
    }
    Map<Long, String> debtIds = new HashMap<>();
    for (AgentTask task : queue) {
      String debtId = debtOfTask.computeIfAbsent(task.key(), key -> debtIdOf(task));
      if (!debtId.isEmpty()) {
        debtIds.put(task.key(), debtId);
      }
    }
    Map<String, Debt> found = debts.findAll(Set.copyOf(debtIds.values()));
    LocalDate today = LocalDate.now(clock.withZone(zone));
    Map<Long, Summary> summaries = new HashMap<>();
    debtIds.forEach(
        (key, debtId) -> {
          Debt debt = found.get(debtId);
          if (debt != null) {
            summaries.put(key, summary(debt, today));
          }
        });
    return summaries;
  }

  /** The task's debtId variable, or "" (remembered too: asking again would not change it). */
  private String debtIdOf(AgentTask task) {
    Map<String, Object> variables = task.variables();
    if (variables.isEmpty()) {
      try {
        variables = tasks.get(task.key()).variables();
      } catch (AgentTaskNotFoundException gone) {
        return ""; // completed meanwhile: it leaves the queue at the next refresh
      }
    }
    return variables.get("debtId") instanceof String debtId ? debtId : "";
  }

  private static Summary summary(Debt debt, LocalDate today) {
    return new Summary(
        debt.debtId(),
        debt.debtor().name(),
        debt.debtor().document(),
        Money.toDecimal(debt.amountCents()),
        Money.toDecimal(debt.openBalanceCents()),
        debt.status().name(),
        debt.dueDate(),
        ChronoUnit.DAYS.between(debt.dueDate(), today));
  }
}
