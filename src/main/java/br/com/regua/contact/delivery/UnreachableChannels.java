package br.com.regua.contact.delivery;

import br.com.regua.consent.ChannelConsents;
import br.com.regua.contact.ContactFailed;
import br.com.regua.debt.DebtRepository;
import br.com.regua.engine.Journeys;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A sent message the provider later reports failed (a bounced email, a number that turned out
 * invalid) makes its channel unreachable for the debtor, in the receipt's transaction: the next
 * steps fall back to their next channel instead of failing again. Once that is committed, the
 * failed step itself is made again on the next channel, as a {@code contact-step} of its own (its
 * step in the journey has ended), under the same policy: a paid debt gets nothing, a contact
 * outside the hours waits for them.
 */
@Component
class UnreachableChannels {

  private static final Logger log = LoggerFactory.getLogger(UnreachableChannels.class);

  static final String RESEND = " (reenvio)";

  private final DebtRepository debts;
  private final ChannelConsents consents;
  private final Journeys journeys;
  private final Clock clock;

  UnreachableChannels(
      DebtRepository debts, ChannelConsents consents, Journeys journeys, Clock clock) {
    this.debts = debts;
    this.consents = consents;
    this.journeys = journeys;
    this.clock = clock;
  }

  @EventListener
  void contactFailed(ContactFailed failed) {
    debts
        .find(failed.debtId())
        .ifPresent(
            debt -> {
              consents.markUnreachable(
                  debt.debtor().document(), failed.channel(), failed.reason(), clock.instant());
              log.info(
                  "Channel {} unreachable for the debtor of {}: {}",
                  failed.channel(),
                  failed.debtId(),
                  failed.reason());
            });
  }

  @TransactionalEventListener
  void contactAgain(ContactFailed failed) {
    if (failed.step().endsWith(RESEND)) {
      return; // one more try at most
    }
    // on the policy's default fallbacks (email, then SMS): the failed channel is unreachable now
    journeys.contactAgain(
        failed.debtId(), failed.step() + RESEND, failed.channel().name(), failed.template());
  }
}
