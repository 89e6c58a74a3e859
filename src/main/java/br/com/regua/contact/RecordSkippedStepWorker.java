package br.com.regua.contact;

import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtRepository;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code record-skipped-step}: a step of {@code contact-step} whose day had ended when the journey
 * reached it is not made, and the timeline says so ({@code STEP_SKIPPED}) with why: the debt was
 * registered after that day, or the régua came back to it late (after a promise, a dispute, a hold
 * or a broken agreement). Idempotent: a redelivered job records nothing more.
 */
@Component
public class RecordSkippedStepWorker {

  /** The job type in {@code bpmn/contact-step.bpmn}. */
  public static final String RECORD_SKIPPED_STEP = "record-skipped-step";

  private static final ZoneId STEP_ZONE = ZoneId.of("America/Sao_Paulo");
  private static final DateTimeFormatter BR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final DebtRepository debts;
  private final JdbcClient jdbc;
  private final Clock clock;

  RecordSkippedStepWorker(DebtRepository debts, JdbcClient jdbc, Clock clock) {
    this.debts = debts;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public record Input(String debtId, String step, LocalDate stepDate) {}

  @JobWorker(type = RECORD_SKIPPED_STEP)
  public void record(@VariablesAsType Input input) {
    Debt debt =
        debts
            .find(input.debtId())
            .orElseThrow(() -> new IllegalStateException("unknown debt " + input.debtId()));
    boolean registeredLate =
        LocalDate.ofInstant(debt.registeredAt(), STEP_ZONE).isAfter(input.stepDate());
    String detail =
        "Etapa "
            + input.step()
            + " de "
            + BR_DATE.format(input.stepDate())
            + " pulada: "
            + (registeredLate
                ? "a dívida foi registrada depois do dia da etapa"
                : "a régua voltou a ela depois do seu dia (promessa, contestação, suspensão ou"
                    + " acordo rompido)")
            + "; nada é enviado em atraso";
    boolean recorded =
        jdbc.sql(
                "select exists (select 1 from debt_event where debt_id = :debtId and type = :type"
                    + " and detail = :detail)")
            .param("debtId", input.debtId())
            .param("type", DebtEventType.STEP_SKIPPED.name())
            .param("detail", detail)
            .query(Boolean.class)
            .single();
    if (!recorded) {
      debts.addEvent(input.debtId(), DebtEventType.STEP_SKIPPED, detail, clock.instant());
    }
  }
}
