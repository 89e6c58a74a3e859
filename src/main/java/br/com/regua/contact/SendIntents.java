package br.com.regua.contact;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes the window between a provider taking a message and our commit of the contact row, for
 * providers that cannot deduplicate by our key (SMTP, the WhatsApp Cloud API): an intent is
 * committed on its own before the call, and the contact row's transaction deletes it. An intent
 * found on a later attempt means the process died in that window: the provider may have delivered,
 * so the message is not sent again (at most once). A provider that answered with an error clears
 * its intent, so the retry sends.
 */
@Component
class SendIntents {

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  SendIntents(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Whether an earlier attempt of this contact died after asking the provider. */
  boolean interrupted(String contactKey) {
    return jdbc.sql("select count(*) from contact_send_intent where idempotency_key = :key")
            .param("key", contactKey)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Committed now, before the provider is called, whatever becomes of the caller's transaction. */
  void begin(Contact contact, Instant at) {
    ownTransaction.executeWithoutResult(
        s ->
            jdbc.sql(
                    """
                    insert into contact_send_intent (idempotency_key, debt_id, channel, started_at)
                    values (:key, :debtId, :channel, :at)
                    on conflict (idempotency_key) do nothing
                    """)
                .param("key", contact.key())
                .param("debtId", contact.debtId())
                .param("channel", contact.channel().name())
                .param("at", Timestamp.from(at))
                .update());
  }

  /** The provider refused or failed: nothing went out, a retry may send. */
  void abandon(String contactKey) {
    ownTransaction.executeWithoutResult(s -> delete(contactKey));
  }

  /** In the transaction that records the contact: sent and recorded together. */
  void done(String contactKey) {
    delete(contactKey);
  }

  private void delete(String contactKey) {
    jdbc.sql("delete from contact_send_intent where idempotency_key = :key")
        .param("key", contactKey)
        .update();
  }
}
