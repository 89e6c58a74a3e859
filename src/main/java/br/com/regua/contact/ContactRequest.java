package br.com.regua.contact;

import br.com.regua.consent.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One contact the journey asks for.
 *
 * @param step the step's name in the contact log; once per debt, step and channel
 * @param channel the channel the model chose
 * @param template the template's name in {@code templates/<channel>/}
 * @param values extra template values from the model (e.g. {@code prazoDias})
 * @param fallbackChannels where to go, in order, when the debtor cannot be reached on {@code
 *     channel} (opted out, no WhatsApp opt-in); empty for the policy's default
 * @param installment set for a reminder of an agreement's installment: the policy then asks the
 *     installment, not the (renegotiated) debt, whether anything is owed
 */
public record ContactRequest(
    String debtId,
    String step,
    Channel channel,
    String template,
    Map<String, ?> values,
    List<Channel> fallbackChannels,
    InstallmentRef installment) {

  /** An agreement's installment, by agreement id and number. */
  public record InstallmentRef(String agreementId, int number) {}

  public ContactRequest {
    values = values == null ? Map.of() : values;
    fallbackChannels = fallbackChannels == null ? List.of() : List.copyOf(fallbackChannels);
  }

  public ContactRequest(
      String debtId,
      String step,
      Channel channel,
      String template,
      Map<String, ?> values,
      List<Channel> fallbackChannels) {
    this(debtId, step, channel, template, values, fallbackChannels, null);
  }

  /** The same request with more template values. */
  ContactRequest withValues(Map<String, ?> more) {
    Map<String, Object> merged = new java.util.HashMap<>(values);
    merged.putAll(more);
    return new ContactRequest(
        debtId, step, channel, template, merged, fallbackChannels, installment);
  }

  public static ContactRequest of(String debtId, String step, Channel channel, String template) {
    return new ContactRequest(debtId, step, channel, template, Map.of(), List.of());
  }

  /** The contact log's key of this step on the channel: once per debt, step and channel. */
  String key(Channel channel) {
    return debtId + ":" + step + ":" + channel;
  }

  /** This step on the channel, as an attempt to log now. */
  Contact on(Channel channel, Instant at) {
    return new Contact(debtId, key(channel), step, channel, template, at);
  }
}
