package br.com.regua.contact;

import br.com.regua.consent.Channel;
import br.com.regua.engine.JourneyModel;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/**
 * {@code record-superseded-step}, in {@code contact-step} where a postponed step would go out on or
 * after the next step's day and the model's {@code postponementPolicy} is {@code supersede}: the
 * step is not sent, and the contact log says so ({@link ContactOutcome#SKIPPED}, "substituída por
 * D+1").
 */
@Component
public class SupersededStepWorker {

  private final StepCollisions collisions;

  SupersededStepWorker(StepCollisions collisions) {
    this.collisions = collisions;
  }

  /**
   * @param postponedUntil when the contact policy would have let the step go out (ISO date-time)
   */
  public record Input(
      String debtId,
      String step,
      Channel channel,
      String template,
      String nextStep,
      LocalDate nextStepDate,
      String postponedUntil) {}

  public record Output(String contactOutcome) {}

  @JobWorker(type = JourneyModel.RECORD_SUPERSEDED_STEP)
  public Output record(@VariablesAsType Input input) {
    collisions.superseded(
        ContactRequest.of(input.debtId(), input.step(), input.channel(), input.template()),
        input.nextStep(),
        input.nextStepDate(),
        OffsetDateTime.parse(input.postponedUntil()).toInstant());
    return new Output(ContactOutcome.SKIPPED.name());
  }
}
