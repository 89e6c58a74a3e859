package br.com.regua.contact.delivery;

import br.com.regua.consent.Channel;
import br.com.regua.contact.ContactFailed;
import br.com.regua.contact.ContactRepository;
import br.com.regua.engagement.EmailOpenedRequest;
import br.com.regua.engagement.EngagementService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies providers' delivery receipts to the contact log. Receipts are repeated and arrive out of
 * order, so each is applied under the contact's row lock and only moves its status forward ({@link
 * DeliveryStatus#supersedes}); a repeat changes nothing. A failure is kept with its reason and
 * announced as {@link ContactFailed}, for the contact policy's fallback. An email read (opened) is
 * told to the journey as an {@code email-opened} event, whose branch offers another channel;
 * WhatsApp reads are only recorded, as the journey has no branch for them.
 */
@Service
public class DeliveryReceipts {

  private static final Logger log = LoggerFactory.getLogger(DeliveryReceipts.class);

  /** What a receipt did to the contact log. */
  public enum Result {
    UPDATED,
    /** A repeat, or older news than what the log holds. */
    UNCHANGED,
    /** No sent contact has this message id (or contact key), at least not yet. */
    UNKNOWN
  }

  /** One receipt's result, as the webhook answers it. */
  public record Applied(String messageId, DeliveryStatus status, Result result) {}

  private final ContactRepository contacts;
  private final EngagementService engagement;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;

  DeliveryReceipts(
      ContactRepository contacts,
      EngagementService engagement,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      Clock clock) {
    this.contacts = contacts;
    this.engagement = engagement;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
  }

  private record Outcome(Result result, ContactRepository.Delivered contact) {}

  Applied apply(DeliveryReceipt receipt) {
    Outcome outcome = tx.execute(status -> update(receipt));
    if (outcome.result() != Result.UNKNOWN
        && outcome.contact().channel() == Channel.EMAIL
        && outcome.contact().status() == DeliveryStatus.READ) {
      // also on a repeat: the event id and time are the stored ones, so the journey hears it once
      // even when an earlier attempt updated the log and then failed to reach the engine
      engagement.emailOpened(
          new EmailOpenedRequest(
              "email-read-" + outcome.contact().id(),
              outcome.contact().debtId(),
              outcome.contact().statusAt().atOffset(ZoneOffset.UTC)));
    }
    return new Applied(receipt.reference(), receipt.status(), outcome.result());
  }

  /** The contact as it stands after the receipt. */
  private Outcome update(DeliveryReceipt receipt) {
    var found =
        contacts.lockDelivered(receipt.channel(), receipt.messageId(), receipt.contactKey());
    if (found.isEmpty()) {
      log.info(
          "{} receipt {} for unknown message {}",
          receipt.channel(),
          receipt.status(),
          receipt.reference());
      return new Outcome(Result.UNKNOWN, null);
    }
    ContactRepository.Delivered contact = found.get();
    if (!receipt.status().supersedes(contact.status())) {
      return new Outcome(Result.UNCHANGED, contact);
    }
    Instant at = receipt.occurredAt() != null ? receipt.occurredAt() : now();
    contacts.updateDelivery(contact.id(), receipt.status(), at, receipt.failureReason());
    if (receipt.status() == DeliveryStatus.FAILED) {
      log.warn("Contact {} failed: {}", contact.key(), receipt.failureReason());
      events.publishEvent(
          new ContactFailed(
              contact.debtId(),
              contact.key(),
              contact.step(),
              contact.channel(),
              contact.template(),
              receipt.failureReason()));
    }
    return new Outcome(
        Result.UPDATED,
        new ContactRepository.Delivered(
            contact.id(),
            contact.debtId(),
            contact.key(),
            contact.step(),
            contact.channel(),
            contact.template(),
            receipt.status(),
            at));
  }

  private Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }
}
