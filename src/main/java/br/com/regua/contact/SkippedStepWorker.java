package br.com.regua.contact;

import br.com.regua.consent.Channel;
import br.com.regua.engine.JourneyModel;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * {@code record-skipped-step}, in {@code contact-step} where a step's day has ended before it
 * began: the step leaves its outcome in the contact log ({@link ContactOutcome#SKIPPED}, with the
 * day), so the timeline says why nothing went out for it.
 */
@Component
public class SkippedStepWorker {

  private final ContactService contacts;

  SkippedStepWorker(ContactService contacts) {
    this.contacts = contacts;
  }

  public record Input(
      String debtId, String step, Channel channel, String template, LocalDate stepDate) {}

  public record Output(String contactOutcome) {}

  @JobWorker(type = JourneyModel.RECORD_SKIPPED_STEP)
  public Output record(@VariablesAsType Input input) {
    contacts.skipped(
        input.debtId(), input.step(), input.channel(), input.template(), input.stepDate());
    return new Output(ContactOutcome.SKIPPED.name());
  }
}
