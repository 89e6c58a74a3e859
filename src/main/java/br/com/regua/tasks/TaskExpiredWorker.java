package br.com.regua.tasks;

import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtRepository;
import br.com.regua.engine.JourneyModel;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code record-task-expired}: the end listener of the deadline timers on the agents' tasks in
 * {@code dunning-collection}. A task nobody worked before its deadline leaves that on the timeline
 * ({@link DebtEventType#AGENT_TASK_EXPIRED}), with what the régua does instead, so an agent or a
 * supervisor reading the debt sees why no call happened. The model's timers are named by their
 * element ids; a timer this class does not know is described generically.
 */
@Component
public class TaskExpiredWorker {

  /**
   * What each deadline means, by the timer's element id in {@code bpmn/dunning-collection.bpmn}.
   */
  static final Map<String, String> INSTEAD =
      Map.of(
          "PreventiveCallExpiredTimer",
          "Ligação preventiva não feita até o prazo (D-3, 08:00): a régua segue com o lembrete"
              + " de D-3 por e-mail",
          "ExtraDayCallExpiredTimer",
          "Ligação D+1 não feita até o prazo (o fim da janela de contato do dia): a oferta de"
              + " mais um dia sem juros segue por e-mail no dia seguinte",
          "NegotiationCallExpiredTimer",
          "Negociação com o devedor não feita até o prazo (D+20, 08:00): a régua segue para o"
              + " aviso de negativação, se a estratégia negativa");

  private final DebtRepository debts;
  private final Clock clock;

  TaskExpiredWorker(DebtRepository debts, Clock clock) {
    this.debts = debts;
    this.clock = clock;
  }

  @JobWorker(type = JourneyModel.RECORD_TASK_EXPIRED)
  public void record(ActivatedJob job) {
    String debtId = String.valueOf(job.getVariablesAsMap().get(JourneyModel.DEBT_ID));
    String detail =
        INSTEAD.getOrDefault(
            job.getElementId(),
            "Tarefa do agente não feita até o prazo ("
                + job.getElementId()
                + "): a régua segue sem ela");
    // once, whatever the job's redeliveries: the listener of one deadline runs once per task
    debts.addEventOnce(debtId, DebtEventType.AGENT_TASK_EXPIRED, detail, clock.instant());
  }
}
