package br.com.regua.journey;

import br.com.regua.contact.Channel;
import br.com.regua.contact.ContactAttempt;
import br.com.regua.contact.ContactOutcome;
import br.com.regua.contact.ContactRequest;
import br.com.regua.contact.ContactService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import java.time.Clock;
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
   * @param followUp set for follow-ups to engagement: the step is then named after the régua's
   *     current stage, so there is one follow-up per stage
   * @param promisedDate shown by the promise's encouragement
   * @param negativationWaitDays the notice names the last day to pay: today plus this wait
   */
  public record Input(
      String debtId,
      String step,
      Channel channel,
      String template,
      List<Channel> fallbackChannels,
      String followUp,
      LocalDate promisedDate,
      Integer negativationWaitDays) {}

  public record Output(String contactOutcome, String contactedAt, String postponedUntil) {}

  @JobWorker(type = JourneyModel.SEND_REMINDER)
  public Output sendReminder(@VariablesAsType Input input) {
    String step =
        input.followUp() == null
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
                input.fallbackChannels()));
    boolean postponed = attempt.outcome() == ContactOutcome.POSTPONED;
    return new Output(
        attempt.outcome().name(),
        postponed ? null : OffsetDateTime.ofInstant(attempt.at(), clock.getZone()).toString(),
        postponed
            ? OffsetDateTime.ofInstant(attempt.postponedUntil(), clock.getZone()).toString()
            : null);
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
