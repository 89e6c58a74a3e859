package br.com.regua.contact;

import br.com.regua.debt.DebtRepository;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A sent message the provider later reports failed (a bounced email, a number that turned out
 * invalid) makes its channel unreachable for the debtor: the next steps fall back to their next
 * channel instead of failing again. Runs in the receipt's transaction. The failed step itself is
 * not re-sent: it has ended in the journey.
 */
@Component
class UnreachableChannels {

  private static final Logger log = LoggerFactory.getLogger(UnreachableChannels.class);

  private final DebtRepository debts;
  private final ChannelConsents consents;
  private final Clock clock;

  UnreachableChannels(DebtRepository debts, ChannelConsents consents, Clock clock) {
    this.debts = debts;
    this.consents = consents;
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
}
