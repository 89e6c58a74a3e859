package br.com.regua.contact;

import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtRepository;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reaches debtors, once per step. Each attempt runs under the debt's row lock: the status and open
 * balance are read right before sending (a paid or disputed debt is never charged), and the contact
 * log's idempotency key turns a redelivered job into a no-op. Email goes out over SMTP, SMS and
 * WhatsApp through their providers' HTTP APIs when those are configured; a channel without a sender
 * (letters, or SMS/WhatsApp without a provider) is rendered and recorded with its payload.
 *
 * <p>A sender that cannot reach the debtor on its channel throws {@link UndeliverableException} (it
 * propagates, like any failure, until the contact policy falls back to another channel); a sent
 * message that later fails is announced by {@link DeliveryReceipts} as {@link ContactFailed}.
 */
@Service
public class ContactService {

  private static final Logger log = LoggerFactory.getLogger(ContactService.class);

  private final DebtRepository debts;
  private final ContactRepository contacts;
  private final Map<Channel, ChannelSender> senders;
  private final MessageTemplates templates;
  private final TransactionTemplate tx;
  private final Clock clock;

  ContactService(
      DebtRepository debts,
      ContactRepository contacts,
      List<ChannelSender> senders,
      MessageTemplates templates,
      TransactionTemplate tx,
      Clock clock) {
    this.debts = debts;
    this.contacts = contacts;
    this.senders = new EnumMap<>(Channel.class);
    senders.forEach(sender -> this.senders.put(sender.channel(), sender));
    this.templates = templates;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * Sends the message of a journey step, unless it was sent already or the debt may not be
   * contacted now (paid, closed, disputed). A delivery failure throws: the job retries and, when
   * retries run out, becomes an incident; nothing is recorded as sent.
   */
  public ContactOutcome remind(String debtId, String step, Channel channel, String template) {
    return remind(debtId, step, channel, template, Map.of());
  }

  /** As {@link #remind(String, String, Channel, String)}, with more values for the template. */
  public ContactOutcome remind(
      String debtId, String step, Channel channel, String template, Map<String, ?> values) {
    String key = debtId + ":" + step + ":" + channel;
    return tx.execute(
        status -> {
          Debt debt =
              debts
                  .lock(debtId)
                  .orElseThrow(() -> new IllegalStateException("unknown debt " + debtId));
          if (contacts.exists(key)) {
            log.info("Reminder {} already handled; redelivered job ignored", key);
            return contacts.outcome(key);
          }
          Contact contact = new Contact(debtId, key, step, channel, template, clock.instant());
          if (!debt.status().allowsContact() || debt.openBalanceCents() == 0) {
            contacts.record(
                contact,
                ContactOutcome.SUPPRESSED,
                "dívida " + debt.status() + ": nenhum contato agora",
                null,
                null);
            return ContactOutcome.SUPPRESSED;
          }
          ChannelSender sender = senders.get(channel);
          if (sender == null) {
            contacts.record(
                contact,
                ContactOutcome.RECORDED,
                channel + " sem provedor integrado: mensagem registrada",
                templates.render(channel, template, debt, values).body(),
                null);
            return ContactOutcome.RECORDED;
          }
          ChannelSender.Delivery delivery = sender.send(debt, template, values, key);
          contacts.record(
              contact,
              ContactOutcome.SENT,
              channel + " " + template,
              delivery.payload(),
              delivery.providerMessageId());
          return ContactOutcome.SENT;
        });
  }

  /** How the contact log names follow-ups; they answer a stage, they never start one. */
  static final String FOLLOW_UP = "Acompanhamento ";

  /**
   * Sends a follow-up to the debtor's engagement ({@code email-opened}, {@code portal-visit}) at
   * most once per debt per stage of the régua: the stage is the last step that reached the debtor
   * (follow-ups aside), so ten opens of the D+7 email give one follow-up, and the D+15 SMS opens a
   * new stage.
   */
  public ContactOutcome followUp(String debtId, String followUp, Channel channel, String template) {
    String stage = contacts.lastDeliveredStep(debtId).orElse("registro");
    return remind(debtId, FOLLOW_UP + followUp + " após " + stage, channel, template);
  }

  /** The newest contacts of a debt, one line each, for the agent who is about to call. */
  public List<String> history(String debtId, int limit) {
    return contacts.history(debtId, limit);
  }
}
