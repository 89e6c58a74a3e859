package br.com.regua.journey;

import br.com.regua.contact.Channel;
import br.com.regua.contact.ContactService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import org.springframework.stereotype.Component;

/**
 * {@code send-reminder}: one step of the régua reaches the debtor. The step, channel and template
 * come from the model (the call activity's input mappings), so analysts change them in Modeler.
 */
@Component
public class SendReminderWorker {

  private final ContactService contacts;

  SendReminderWorker(ContactService contacts) {
    this.contacts = contacts;
  }

  public record Input(String debtId, String step, Channel channel, String template) {}

  @JobWorker(type = JourneyModel.SEND_REMINDER)
  public void sendReminder(@VariablesAsType Input input) {
    contacts.remind(input.debtId(), input.step(), input.channel(), input.template());
  }
}
