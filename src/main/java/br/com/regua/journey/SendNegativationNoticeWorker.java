package br.com.regua.journey;

import br.com.regua.contact.Channel;
import br.com.regua.contact.ContactService;
import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtRepository;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code send-negativation-notice}: the prior written notice the CDC (art. 43 §2) requires before a
 * debt is reported to a credit bureau. It names the last day to pay (today plus the wait of the
 * debtor's state, decided by the {@code negativation-wait-days} table) and returns {@code
 * noticeSentAt}, from which the model's timer counts. A redelivered job returns the first notice's
 * time, so the wait never restarts.
 */
@Component
public class SendNegativationNoticeWorker {

  static final String STEP = "Aviso prévio de negativação";
  private static final DateTimeFormatter BR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final ContactService contacts;
  private final DebtRepository debts;
  private final Clock clock;

  SendNegativationNoticeWorker(ContactService contacts, DebtRepository debts, Clock clock) {
    this.contacts = contacts;
    this.debts = debts;
    this.clock = clock;
  }

  public record Output(String noticeSentAt) {}

  @JobWorker(type = JourneyModel.SEND_NEGATIVATION_NOTICE)
  public Output sendNotice(@Variable String debtId, @Variable int negativationWaitDays) {
    Instant sentAt =
        debts
            .firstEvent(debtId, DebtEventType.NEGATIVATION_NOTICE_SENT)
            .orElseGet(() -> send(debtId, negativationWaitDays));
    return new Output(OffsetDateTime.ofInstant(sentAt, clock.getZone()).toString());
  }

  private Instant send(String debtId, int waitDays) {
    Instant now = clock.instant();
    LocalDate lastDay = LocalDate.ofInstant(now, clock.getZone()).plusDays(waitDays);
    contacts.remind(
        debtId,
        STEP,
        Channel.EMAIL,
        "negativation-notice",
        Map.of("dataLimite", BR_DATE.format(lastDay)));
    debts.addEvent(
        debtId,
        DebtEventType.NEGATIVATION_NOTICE_SENT,
        "Prazo para pagar antes da negativação: " + BR_DATE.format(lastDay),
        now);
    return now;
  }
}
