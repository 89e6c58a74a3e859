package br.com.regua.tasks;

import br.com.regua.brazil.Uf;
import br.com.regua.contact.policy.ContactWindows;
import br.com.regua.debt.DebtRepository;
import br.com.regua.engine.JourneyModel;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code call-deadline}: until when an agent's call may be made. An agent may call only while the
 * debtor may be contacted, so the call's deadline is the close of the first contact window on or
 * after its day, in the debtor's state: its hours, time zone, Sundays and holidays ({@link
 * ContactWindows}). The D+1 call of {@code dunning-collection} uses it; when it passes unworked,
 * the same offer goes by e-mail on the next day.
 *
 * <p>The answer, {@code callDeadline}, is an ISO date-time with the state's offset, so that the
 * model's {@code date(date and time(callDeadline))} is the debtor's own day.
 */
@Component
public class CallDeadlineWorker {

  private final DebtRepository debts;
  private final ContactWindows windows;

  CallDeadlineWorker(DebtRepository debts, ContactWindows windows) {
    this.debts = debts;
    this.windows = windows;
  }

  @JobWorker(type = JourneyModel.CALL_DEADLINE)
  public Map<String, String> deadline(@Variable String debtId, @Variable String callDay) {
    Uf state = debts.find(debtId).orElseThrow().debtor().state();
    return Map.of(
        "callDeadline",
        windows
            .firstWindowCloseFrom(state, LocalDate.parse(callDay))
            .atZone(state.zone())
            .toOffsetDateTime()
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
  }
}
