package br.com.regua.journey;

import br.com.regua.contact.Channel;
import br.com.regua.contact.ContactService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code send-reminder}: one step of the régua reaches the debtor. The step, channel and template
 * come from the model (input mappings), so analysts change them in Modeler. A promise's
 * encouragement also names the promised date.
 */
@Component
public class SendReminderWorker {

  private static final DateTimeFormatter BR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final ContactService contacts;

  SendReminderWorker(ContactService contacts) {
    this.contacts = contacts;
  }

  public record Input(
      String debtId, String step, Channel channel, String template, LocalDate promisedDate) {}

  @JobWorker(type = JourneyModel.SEND_REMINDER)
  public void sendReminder(@VariablesAsType Input input) {
    Map<String, String> values =
        input.promisedDate() == null
            ? Map.of()
            : Map.of("dataPrometida", BR_DATE.format(input.promisedDate()));
    contacts.remind(input.debtId(), input.step(), input.channel(), input.template(), values);
  }
}
