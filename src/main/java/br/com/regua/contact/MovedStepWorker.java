package br.com.regua.contact;

import br.com.regua.consent.Channel;
import br.com.regua.engine.JourneyModel;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * {@code record-moved-step}, in {@code contact-step} where the previous step of the régua went out
 * on this step's day or later (it was postponed, and its {@code postponementPolicy} is {@code
 * both}): this step waits for {@code notBefore}, the day after, and the contact log says so ({@link
 * ContactOutcome#POSTPONED}, naming the previous step).
 */
@Component
public class MovedStepWorker {

  private final StepCollisions collisions;

  MovedStepWorker(StepCollisions collisions) {
    this.collisions = collisions;
  }

  /**
   * @param stepDate the step's own day
   * @param notBefore the day after the previous step went out: the step's new day
   * @param previousStep the previous step's name, as the contact log has it
   * @param contactMinuteOffset the debt's minute after 09:00, as the step's timer adds it
   */
  public record Input(
      String debtId,
      String step,
      Channel channel,
      String template,
      LocalDate stepDate,
      LocalDate notBefore,
      String previousStep,
      Integer contactMinuteOffset) {}

  @JobWorker(type = JourneyModel.RECORD_MOVED_STEP)
  public void record(@VariablesAsType Input input) {
    collisions.moved(
        ContactRequest.of(input.debtId(), input.step(), input.channel(), input.template()),
        input.stepDate(),
        input.previousStep(),
        input.notBefore(),
        input.contactMinuteOffset() == null ? 0 : input.contactMinuteOffset());
  }
}
