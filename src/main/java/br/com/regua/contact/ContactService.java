package br.com.regua.contact;

import br.com.regua.consent.Channel;
import br.com.regua.consent.ChannelConsents;
import br.com.regua.contact.delivery.DeliveryReceipts;
import br.com.regua.contact.policy.ContactPolicyProperties;
import br.com.regua.contact.policy.ContactWindows;
import br.com.regua.contact.policy.InstallmentDues;
import br.com.regua.contact.template.MessageTemplates;
import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtRepository;
import br.com.regua.hold.DebtorHold;
import br.com.regua.hold.HoldService;
import br.com.regua.money.Money;
import br.com.regua.ops.ReguaMetrics;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reaches debtors, once per step, under the contact policy (docs/journey.md), applied here and
 * nowhere else, right before every contact:
 *
 * <ul>
 *   <li>a debt that is paid, closed or disputed is never charged: status and balance are read under
 *       the debt's row lock, which payments take too;
 *   <li>a channel the debtor opted out of is never used, WhatsApp only with an opt-in: the step
 *       falls back to the next channel the model names;
 *   <li>outside the hours of the debtor's state, on Sundays, national holidays and the state's
 *       holidays, or beyond the daily limit of contacts per debtor (across all their debts), the
 *       contact is postponed to the next window: the journey waits on a timer and asks again;
 *   <li>the contact log's idempotency key turns a redelivered job into a no-op.
 * </ul>
 *
 * Every decision is in the contact log, with the reason. A delivery failure throws: the job retries
 * and, when retries run out, becomes an incident; nothing is logged as sent.
 *
 * <p>A sender that cannot reach the debtor on its channel (invalid number, no phone) throws {@link
 * UndeliverableException}: the attempt is logged as failed and the step falls back to its next
 * channel. A sent message that later fails is announced by {@link DeliveryReceipts} as {@link
 * ContactFailed}.
 */
@Service
public class ContactService {

  private static final Logger log = LoggerFactory.getLogger(ContactService.class);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  /**
   * Where a step goes when its channel is unavailable and the model names no fallback (and where a
   * failed message is made again): {@code templates/email} and {@code templates/sms} hold the same
   * templates (TemplatesTest).
   */
  private static final List<Channel> DEFAULT_FALLBACK = List.of(Channel.EMAIL, Channel.SMS);

  /** How the contact log names follow-ups; they answer a stage, they never start one. */
  static final String FOLLOW_UP = "Acompanhamento ";

  private final DebtRepository debts;
  private final ContactRepository contacts;
  private final ChannelConsents consents;
  private final ContactWindows windows;
  private final ContactPolicyProperties policy;
  private final Map<Channel, ChannelSender> senders;
  private final MessageTemplates templates;
  private final ProviderCircuit circuit;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final ReguaMetrics metrics;
  private final InstallmentDues installmentDues;
  private final SendIntents intents;
  private final HoldService holds;

  /** The zone of a step's day, as {@code contact-step} reads it. */
  static final ZoneId STEP_ZONE = ZoneId.of("America/Sao_Paulo");

  ContactService(
      DebtRepository debts,
      ContactRepository contacts,
      ChannelConsents consents,
      ContactWindows windows,
      ContactPolicyProperties policy,
      List<ChannelSender> senders,
      MessageTemplates templates,
      ProviderCircuit circuit,
      TransactionTemplate tx,
      Clock clock,
      ReguaMetrics metrics,
      InstallmentDues installmentDues,
      SendIntents intents,
      HoldService holds) {
    this.holds = holds;
    this.installmentDues = installmentDues;
    this.intents = intents;
    this.circuit = circuit;
    this.debts = debts;
    this.contacts = contacts;
    this.consents = consents;
    this.windows = windows;
    this.policy = policy;
    this.senders = new EnumMap<>(Channel.class);
    senders.forEach(sender -> this.senders.put(sender.channel(), sender));
    this.templates = templates;
    this.tx = tx;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Contacts the debtor for a step of the journey, if and when the policy allows. */
  public ContactAttempt contact(ContactRequest asked) {
    return contact(asked, null);
  }

  /**
   * {@link #contact(ContactRequest)} for a step of a day ({@code stepDate}, null for a contact made
   * at once): a step that waited on a hold on the debtor and whose day ended meanwhile is not sent
   * when the hold lifts; the régua goes on at the stage the debt's age calls for.
   */
  public ContactAttempt contact(ContactRequest asked, LocalDate stepDate) {
    return tx.execute(
        status -> {
          Debt debt =
              debts
                  .lock(asked.debtId())
                  .orElseThrow(() -> new IllegalStateException("unknown debt " + asked.debtId()));
          // serializes the daily limit across the debtor's debts
          debts.lockDebtor(debt.debtor().document());
          Optional<InstallmentDues.Due> due =
              asked.installment() == null
                  ? Optional.empty()
                  : installmentDues.owed(
                      asked.installment().agreementId(), asked.installment().number());
          ContactRequest request =
              due.map(d -> asked.withValues(installmentValues(d))).orElse(asked);
          Optional<ContactAttempt> done = contacts.made(request.debtId(), request.step());
          if (done.isPresent()) {
            log.info(
                "Contact {}:{} already made; redelivered job ignored",
                debt.debtId(),
                request.step());
            return done.get();
          }
          // PostgreSQL keeps microseconds: a repeated job then reports the very instant stored
          Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
          List<DebtorHold> standing = holds.standing(debt.debtor().document());
          if (!standing.isEmpty()) {
            return hold(request, now, standing.getFirst());
          }
          if (stepDate != null
              && stepDate.isBefore(LocalDate.ofInstant(now, STEP_ZONE))
              && contacts.wasHeld(request.debtId(), request.step())) {
            return suppress(
                request,
                request.channel(),
                now,
                "etapa de "
                    + WHEN_DAY.format(stepDate)
                    + " superada durante a suspensão do devedor: a régua segue na etapa da"
                    + " idade da dívida");
          }
          if (request.installment() != null) {
            if (due.isEmpty()) {
              return suppress(
                  request,
                  request.channel(),
                  now,
                  "parcela "
                      + request.installment().number()
                      + " do acordo "
                      + request.installment().agreementId()
                      + " paga ou acordo encerrado: nenhum contato");
            }
          } else if (!debt.status().allowsContact() || debt.openBalanceCents() == 0) {
            return suppress(
                request,
                request.channel(),
                now,
                "dívida " + debt.status() + ": nenhum contato agora");
          }
          List<Channel> channels = availableChannels(debt, request);
          if (channels.isEmpty()) {
            return suppress(
                request,
                request.channel(),
                now,
                "nenhum canal disponível (opt-out, sem opt-in de WhatsApp ou destino inválido)");
          }
          Optional<ContactAttempt> postponed =
              postponeIfNeeded(debt, request, channels.getFirst(), now);
          if (postponed.isPresent()) {
            return postponed.get();
          }
          return deliverOnFirstReachable(debt, request, channels, now);
        });
  }

  /** What an installment's reminder shows: the installment, not the debt's balance. */
  private static Map<String, Object> installmentValues(InstallmentDues.Due due) {
    Map<String, Object> values = new HashMap<>();
    values.put("acordo", due.agreementId());
    values.put("numeroParcela", due.number());
    values.put("totalParcelas", due.count());
    values.put("valorParcela", Money.toReais(due.openCents()));
    values.put("vencimentoParcela", WHEN_DAY.format(due.dueDate()));
    if (due.pix() != null) {
      values.put("pixParcela", due.pix());
    }
    return values;
  }

  private static final DateTimeFormatter WHEN_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /**
   * The step's channel and its fallbacks, in order, that the debtor can be reached on: no opt-out,
   * WhatsApp only with an opt-in, and not already refused by the provider for this step.
   */
  private List<Channel> availableChannels(Debt debt, ContactRequest request) {
    Set<Channel> candidates = new LinkedHashSet<>();
    candidates.add(request.channel());
    candidates.addAll(
        request.fallbackChannels().isEmpty() ? DEFAULT_FALLBACK : request.fallbackChannels());
    Map<Channel, ChannelConsents.Consent> choices = consents.of(debt.debtor().document());
    return candidates.stream()
        .filter(channel -> ChannelConsents.allows(choices, channel))
        .filter(channel -> !contacts.exists(request.key(channel)))
        .toList();
  }

  /**
   * Delivers on the first channel whose provider accepts the debtor: one that refuses them (an
   * invalid number, a missing phone) is logged as failed, with its reason, and the next is tried.
   */
  private ContactAttempt deliverOnFirstReachable(
      Debt debt, ContactRequest request, List<Channel> channels, Instant now) {
    for (Channel channel : channels) {
      try {
        return deliver(debt, request, channel, now);
      } catch (UndeliverableException refused) {
        Contact failed = request.on(channel, now);
        contacts.record(
            failed, ContactOutcome.FAILED, channel + ": " + refused.reason(), null, null);
        log.info("Contact {} refused on {}: {}", failed.key(), channel, refused.reason());
      }
    }
    return new ContactAttempt(ContactOutcome.FAILED, channels.getLast(), now, null);
  }

  private Optional<ContactAttempt> postponeIfNeeded(
      Debt debt, ContactRequest request, Channel channel, Instant now) {
    var state = debt.debtor().state();
    String reason;
    String metricReason;
    Instant until;
    LocalDate today = LocalDate.ofInstant(now, state.zone());
    if (!windows.allows(state, now)) {
      until = windows.nextAllowed(state, now);
      reason = "fora do horário permitido em " + state;
      metricReason = "hours";
    } else if (contacts.madeOn(debt.debtor().document(), today, state.zone())
        >= policy.maxContactsPerDay()) {
      until = windows.firstWindowAfter(state, today);
      reason = "limite de " + policy.maxContactsPerDay() + " contato(s) por dia atingido";
      metricReason = "daily-limit";
    } else {
      return Optional.empty();
    }
    recordPostponed(
        request,
        channel,
        now,
        until,
        reason + "; adiado para " + WHEN.format(until.atZone(state.zone())),
        metricReason);
    return Optional.of(new ContactAttempt(ContactOutcome.POSTPONED, channel, now, until));
  }

  /**
   * Records the step {@link ContactOutcome#POSTPONED} until {@code until}, with why, once per
   * postponement (its key names the instant: a redelivered job records nothing twice), and counts
   * it in {@code regua_contact_postponements_total} by {@code metricReason}.
   */
  void recordPostponed(
      ContactRequest request,
      Channel channel,
      Instant now,
      Instant until,
      String detail,
      String metricReason) {
    Contact contact = request.on(channel, now).withKeySuffix("@" + until);
    if (!contacts.exists(contact.key())) {
      contacts.record(contact, ContactOutcome.POSTPONED, detail, null, null);
      metrics.contactPostponed(metricReason);
    }
  }

  private ContactAttempt deliver(Debt debt, ContactRequest request, Channel channel, Instant now) {
    Contact contact = request.on(channel, now);
    String fallback =
        channel == request.channel() ? "" : " (canal " + request.channel() + " indisponível)";
    ChannelSender sender = senders.get(channel);
    if (sender == null) {
      contacts.record(
          contact,
          ContactOutcome.RECORDED,
          channel + " sem provedor integrado: mensagem registrada" + fallback,
          templates.render(channel, request.template(), debt, request.values()).body(),
          null);
      return new ContactAttempt(ContactOutcome.RECORDED, channel, now, null);
    }
    boolean mayRepeat = !sender.deduplicatesByKey();
    if (mayRepeat && intents.interrupted(contact.key())) {
      contacts.record(
          contact,
          ContactOutcome.SUPPRESSED,
          channel
              + ": um envio anterior foi interrompido depois do pedido ao provedor, que pode"
              + " tê-lo aceito; não reenviado, para não duplicar",
          null,
          null);
      intents.done(contact.key());
      log.warn("Contact {} not sent again: an earlier attempt died mid-send", contact.key());
      return new ContactAttempt(ContactOutcome.SUPPRESSED, channel, now, null);
    }
    circuit.beforeCall(channel);
    if (mayRepeat) {
      intents.begin(contact, now);
    }
    ChannelSender.Delivery delivery;
    try {
      delivery = sender.send(debt, request.template(), request.values(), contact.key());
    } catch (RuntimeException e) {
      if (mayRepeat) {
        intents.abandon(contact.key());
      }
      if (ProviderCircuit.isProviderFailure(e)) {
        circuit.failure(channel, e);
      } else {
        circuit.success(channel); // the provider answered: the recipient or the message is at fault
      }
      throw e;
    }
    circuit.success(channel);
    if (mayRepeat) {
      intents.done(contact.key());
    }
    contacts.record(
        contact,
        ContactOutcome.SENT,
        channel + " " + request.template() + fallback,
        delivery.payload(),
        delivery.providerMessageId());
    return new ContactAttempt(ContactOutcome.SENT, channel, now, null);
  }

  /**
   * A hold stands on the debtor: nothing is sent, and the step waits for its lifting. Logged once
   * per step and hold, however often the step asks again.
   */
  private ContactAttempt hold(ContactRequest request, Instant now, DebtorHold hold) {
    Contact contact = request.on(request.channel(), now).withKeySuffix("@hold:" + hold.holdId());
    if (!contacts.exists(contact.key())) {
      contacts.record(
          contact,
          ContactOutcome.HELD,
          "held: " + hold.describe() + "; a etapa aguarda o levantamento",
          null,
          null);
    }
    return new ContactAttempt(ContactOutcome.HELD, request.channel(), now, null);
  }

  private ContactAttempt suppress(
      ContactRequest request, Channel channel, Instant now, String why) {
    Contact contact = request.on(channel, now);
    contacts.record(contact, ContactOutcome.SUPPRESSED, why, null, null);
    return new ContactAttempt(ContactOutcome.SUPPRESSED, channel, now, null);
  }

  /**
   * Records that the step was not attempted because its day had ended when it began: one entry in
   * the contact log (and so the timeline), once, whatever the job's redeliveries.
   */
  public void skipped(
      String debtId, String step, Channel channel, String template, LocalDate stepDate) {
    recordSkipped(
        ContactRequest.of(debtId, step, channel, template),
        "o dia da etapa ("
            + WHEN_DAY.format(stepDate)
            + ") já tinha terminado quando ela começou: dívida registrada depois dele,"
            + " ou régua retomada depois dele; não se envia atrasado");
  }

  /**
   * Records the step {@link ContactOutcome#SKIPPED}, with why, unless it already has its outcome: a
   * redelivered job records nothing twice.
   */
  void recordSkipped(ContactRequest request, String why) {
    tx.executeWithoutResult(
        status -> {
          if (contacts.made(request.debtId(), request.step()).isPresent()) {
            return;
          }
          contacts.record(
              request.on(request.channel(), clock.instant()),
              ContactOutcome.SKIPPED,
              why,
              null,
              null);
        });
  }

  /** Convenience for a step without template values or fallbacks. */
  public ContactOutcome remind(String debtId, String step, Channel channel, String template) {
    return contact(ContactRequest.of(debtId, step, channel, template)).outcome();
  }

  /** Convenience for a step with template values and no fallbacks. */
  public ContactOutcome remind(
      String debtId, String step, Channel channel, String template, Map<String, ?> values) {
    return contact(new ContactRequest(debtId, step, channel, template, values, List.of()))
        .outcome();
  }

  /**
   * A follow-up to the debtor's engagement ({@code email-opened}, {@code portal-visit}) is made at
   * most once per debt per stage of the régua: the stage is the last step that reached the debtor
   * (follow-ups aside), so ten opens of the D+7 email give one follow-up, and the D+15 SMS opens a
   * new stage. Returns the step name to contact under.
   */
  public String followUpStep(String debtId, String followUp) {
    String stage = contacts.lastDeliveredStep(debtId).orElse("registro");
    return FOLLOW_UP + followUp + " após " + stage;
  }

  /**
   * One attempt at a message, as the contact log keeps it: the channel, what came of it and, for a
   * message sent, the provider's delivery receipt (status and time) and id.
   */
  public record Attempt(
      Channel channel,
      ContactOutcome outcome,
      Instant at,
      String deliveryStatus,
      Instant deliveryAt,
      String providerMessageId) {}

  /** Every attempt at a template's message for the debt, oldest first, postponements aside. */
  public List<Attempt> attempts(String debtId, String template) {
    return contacts.attempts(debtId, template);
  }
}
