package br.com.regua.contact;

import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtRepository;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reaches debtors, once per step. Each attempt runs under the debt's row lock: the open balance is
 * read right before sending (a paid debt is never charged), and the contact log's idempotency key
 * turns a redelivered job into a no-op.
 */
@Service
public class ContactService {

  private static final Logger log = LoggerFactory.getLogger(ContactService.class);

  private final DebtRepository debts;
  private final ContactRepository contacts;
  private final EmailChannel email;
  private final TransactionTemplate tx;
  private final Clock clock;

  ContactService(
      DebtRepository debts,
      ContactRepository contacts,
      EmailChannel email,
      TransactionTemplate tx,
      Clock clock) {
    this.debts = debts;
    this.contacts = contacts;
    this.email = email;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * Sends the reminder of a journey step, unless it was sent already or the debt is no longer open.
   * A delivery failure throws: the job retries and, when retries run out, becomes an incident;
   * nothing is recorded as sent.
   */
  public ContactOutcome remind(String debtId, String step, Channel channel, String template) {
    String key = debtId + ":" + step + ":" + channel;
    return tx.execute(
        status -> {
          Debt debt =
              debts
                  .lock(debtId)
                  .orElseThrow(() -> new IllegalStateException("unknown debt " + debtId));
          if (contacts.exists(key)) {
            log.info("Reminder {} already handled; redelivered job ignored", key);
            return ContactOutcome.SENT;
          }
          Instant now = clock.instant();
          if (!debt.status().isOpen() || debt.openBalanceCents() == 0) {
            contacts.record(
                debtId,
                key,
                step,
                channel,
                template,
                ContactOutcome.SUPPRESSED,
                "dívida " + debt.status() + ": nada a cobrar",
                now);
            return ContactOutcome.SUPPRESSED;
          }
          String detail =
              switch (channel) {
                case EMAIL -> email.send(debt, template);
                case SMS, WHATSAPP, LETTER ->
                    throw new UnsupportedOperationException(channel + " is not available yet");
              };
          contacts.record(debtId, key, step, channel, template, ContactOutcome.SENT, detail, now);
          return ContactOutcome.SENT;
        });
  }
}
