package br.com.regua.journey;

import br.com.regua.contact.Channel;
import br.com.regua.contact.ContactService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import org.springframework.stereotype.Component;

/**
 * {@code send-follow-up}: a message prompted by the debtor's engagement (email opened, portal
 * visited). At most once per debt per stage of the régua: the stage is the last step that reached
 * the debtor, so ten opens of the D+7 email give one follow-up, and the D+15 SMS opens a new stage.
 */
@Component
public class SendFollowUpWorker {

  private final ContactService contacts;

  SendFollowUpWorker(ContactService contacts) {
    this.contacts = contacts;
  }

  public record Input(String debtId, String followUp, Channel channel, String template) {}

  @JobWorker(type = JourneyModel.SEND_FOLLOW_UP)
  public void sendFollowUp(@VariablesAsType Input input) {
    String stage = contacts.currentStage(input.debtId());
    contacts.remind(
        input.debtId(), input.followUp() + " após " + stage, input.channel(), input.template());
  }
}
