package br.com.regua.journey;

import br.com.regua.contact.Channel;
import br.com.regua.contact.ContactService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import org.springframework.stereotype.Component;

/**
 * {@code send-follow-up}: a message prompted by the debtor's engagement (email opened, portal
 * visited), once per debt per stage of the régua (see {@link ContactService#followUp}).
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
    contacts.followUp(input.debtId(), input.followUp(), input.channel(), input.template());
  }
}
