package br.com.regua.contact;

import br.com.regua.consent.Channel;
import br.com.regua.engine.JourneyModel;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code send-reminder}, the task of {@code contact-step}: every contact of the journey (the
 * régua's steps, the promise's encouragement, follow-ups, the negativation notice) asks the contact
 * policy through here. The step, channel, template and fallbacks come from the model's input
 * mappings, so analysts change them in Modeler.
 *
 * <p>It answers {@code contactOutcome}, {@code contactedAt} (when the contact was made, the first
 * time for a repeated job) and {@code postponedUntil}: set when the policy postpones the contact,
 * the model then waits on a timer until that instant and asks again.
 */
@Component
public class SendReminderWorker {

  private static final DateTimeFormatter BR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final ContactService contacts;
  private final Clock clock;

  SendReminderWorker(ContactService contacts, Clock clock) {
    this.contacts = contacts;
    this.clock = clock;
  }

  /**
   * @param step the step's name; for a follow-up, the name its first attempt gave it
   * @param followUp set for follow-ups to engagement: the step is then named after the régua's
   *     stage at its first attempt, so there is one follow-up per stage, and a postponed one keeps
   *     its name when it is tried again after the régua moved on
   * @param promisedDate shown by the promise's encouragement
   * @param negativationWaitDays the notice names the last day to pay: today plus this wait
   * @param agreementId with {@code installmentNumber}: a reminder of an agreement's installment,
   *     which the policy checks against the installment instead of the renegotiated debt
   */
  public record Input(
      String debtId,
      String step,
      Channel channel,
      String template,
      List<Channel> fallbackChannels,
      String followUp,
      LocalDate promisedDate,
      Integer negativationWaitDays,
      String agreementId,
      Integer installmentNumber,
      LocalDate stepDate) {}

  /**
   * @param step the step as the contact log names it: a postponed follow-up's next attempt reads it
   *     back from the contact step's variables, so it keeps the name of the stage it answered
   */
  public record Output(
      String contactOutcome, String contactedAt, String postponedUntil, String step) {}

  /** When the model's task sets no {@code retryBackoff} header. */
  static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMinutes(1);

  /**
   * A provider that is down, slow or refusing us fails the job with the backoff the model's task
   * header {@code retryBackoff} gives (ISO-8601, e.g. {@code PT5M}), doubled at each retry, and
   * with one retry fewer: when the model's retries run out the engine raises an incident, and the
   * journey goes on once the provider is back and the incident is resolved.
   */
  @JobWorker(type = JourneyModel.SEND_REMINDER)
  public Output sendReminder(ActivatedJob job, @VariablesAsType Input input) {
    try {
      return sendReminder(input);
    } catch (RuntimeException e) {
      if (!ProviderCircuit.isProviderFailure(e)) {
        throw e;
      }
      int retriesLeft = Math.max(0, job.getRetries() - 1);
      throw CamundaError.jobError(
          e.getMessage(), null, retriesLeft, retryBackoff(job, retriesLeft), e);
    }
  }

  /** The model's backoff, doubled for each retry already spent (3 retries: 1×, 2×, 4×). */
  static Duration retryBackoff(ActivatedJob job, int retriesLeft) {
    String header = job.getCustomHeaders().get("retryBackoff");
    Duration base = header == null ? DEFAULT_RETRY_BACKOFF : Duration.parse(header);
    int spent = Math.max(0, 2 - retriesLeft);
    return base.multipliedBy(1L << Math.min(spent, 10));
  }

  /** The contact itself, as a job's first delivery or its redelivery would make it. */
  public Output sendReminder(Input input) {
    String step =
        input.followUp() == null || input.step() != null
            ? input.step()
            : contacts.followUpStep(input.debtId(), input.followUp());
    ContactAttempt attempt =
        contacts.contact(
            new ContactRequest(
                input.debtId(),
                step,
                input.channel(),
                input.template(),
                templateValues(input),
                input.fallbackChannels(),
                input.agreementId() == null || input.installmentNumber() == null
                    ? null
                    : new ContactRequest.InstallmentRef(
                        input.agreementId(), input.installmentNumber())),
            input.stepDate());
    boolean postponed = attempt.outcome() == ContactOutcome.POSTPONED;
    boolean held = attempt.outcome() == ContactOutcome.HELD;
    return new Output(
        attempt.outcome().name(),
        postponed || held
            ? null
            : OffsetDateTime.ofInstant(attempt.at(), clock.getZone()).toString(),
        postponed
            ? OffsetDateTime.ofInstant(attempt.postponedUntil(), clock.getZone()).toString()
            : null,
        step);
  }

  private Map<String, Object> templateValues(Input input) {
    Map<String, Object> values = new HashMap<>();
    if (input.promisedDate() != null) {
      values.put("dataPrometida", BR_DATE.format(input.promisedDate()));
    }
    if (input.negativationWaitDays() != null) {
      values.put(
          "dataLimite",
          BR_DATE.format(LocalDate.now(clock).plusDays(input.negativationWaitDays())));
    }
    return values;
  }
}
