package br.com.regua.journey;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.consent.Channel;
import br.com.regua.contact.SendReminderWorker;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A job delivered twice sends nothing twice. The engine redelivers a job whose completion it never
 * got: the worker crashed after sending and before completing, or the job timed out while the first
 * run was still sending. Both are the worker's handler running again with the same job's variables,
 * which is what these tests do (the real handler, PostgreSQL and SMTP server); the lost completion
 * is simply the first run's result not being sent to the engine.
 */
class RedeliveredJobTest extends IntegrationTest {

  @Autowired SendReminderWorker worker;
  @Autowired JdbcClient jdbc;

  @Test
  void aJobRunAgainAfterACrashBeforeCompletingSendsNoSecondEmail() {
    String debtId = registeredDebt();
    SendReminderWorker.Input job = job(debtId);

    SendReminderWorker.Output first = worker.sendReminder(job); // sent; completion lost
    SendReminderWorker.Output again = worker.sendReminder(job); // the engine redelivers

    assertThat(first.contactOutcome()).isEqualTo("SENT");
    assertThat(again.contactOutcome()).isEqualTo("SENT");
    assertThat(again.contactedAt()).isEqualTo(first.contactedAt());
    assertThat(mailsTo(debtId)).hasSize(1);
    assertThat(contactRows(debtId, job.step())).isOne();
  }

  @Test
  void aFollowUpTriedAgainKeepsTheNameItsFirstAttemptGaveIt() {
    // given a debt with one reminder made: its stage
    String debtId = registeredDebt();
    worker.sendReminder(job(debtId));

    // when a follow-up is tried with no name, then again with the name a first attempt gave it
    SendReminderWorker.Output named = worker.sendReminder(followUp(debtId, null));
    SendReminderWorker.Output renamed =
        worker.sendReminder(followUp(debtId, "Acompanhamento email-opened após D-3"));

    // then the first is named after the current stage, the second keeps its own name
    assertThat(named.step()).isEqualTo("Acompanhamento email-opened após Lembrete avulso");
    assertThat(contactRows(debtId, named.step())).isOne();
    assertThat(renamed.step()).isEqualTo("Acompanhamento email-opened após D-3");
    assertThat(contactRows(debtId, "Acompanhamento email-opened após D-3")).isOne();
  }

  @Test
  void twoRunsOfTheSameJobAtOnceSendOneEmail() {
    String debtId = registeredDebt();
    SendReminderWorker.Input job = job(debtId);

    CompletableFuture<SendReminderWorker.Output> a =
        CompletableFuture.supplyAsync(() -> worker.sendReminder(job));
    CompletableFuture<SendReminderWorker.Output> b =
        CompletableFuture.supplyAsync(() -> worker.sendReminder(job));

    assertThat(List.of(a.join().contactOutcome(), b.join().contactOutcome())).containsOnly("SENT");
    assertThat(mailsTo(debtId)).hasSize(1);
    assertThat(contactRows(debtId, job.step())).isOne();
  }

  @Test
  void aJobRunAgainAfterACrashBetweenTheProvidersAnswerAndTheCommitSendsNothingAgain() {
    String debtId = registeredDebt();
    SendReminderWorker.Input job = job(debtId);
    String key = debtId + ":" + job.step() + ":EMAIL";
    // what a process killed after SMTP took the message and before the contact row committed
    // leaves behind: its send intent, and no contact row (killing this JVM is not an option here;
    // bin/fault-injection kills real processes)
    jdbc.sql(
            """
            insert into contact_send_intent (idempotency_key, debt_id, channel, started_at)
            values (:key, :debtId, 'EMAIL', now())
            """)
        .param("key", key)
        .param("debtId", debtId)
        .update();

    SendReminderWorker.Output again = worker.sendReminder(job); // the engine redelivers

    // SMTP cannot deduplicate: the mail may have gone out, so it is not sent a second time
    assertThat(again.contactOutcome()).isEqualTo("SUPPRESSED");
    assertThat(mailsTo(debtId)).isEmpty();
    assertThat(
            jdbc.sql("select detail from contact where idempotency_key = :key")
                .param("key", key)
                .query(String.class)
                .single())
        .contains("interrompido", "não reenviado");
    assertThat(intents(key)).isZero();
  }

  @Test
  void aSendThatCommitsLeavesNoIntentBehind() {
    String debtId = registeredDebt();
    SendReminderWorker.Input job = job(debtId);

    assertThat(worker.sendReminder(job).contactOutcome()).isEqualTo("SENT");

    assertThat(intents(debtId + ":" + job.step() + ":EMAIL")).isZero();
    assertThat(mailsTo(debtId)).hasSize(1);
  }

  private long intents(String key) {
    return jdbc.sql("select count(*) from contact_send_intent where idempotency_key = :key")
        .param("key", key)
        .query(Long.class)
        .single();
  }

  private String registeredDebt() {
    moveToContactHours();
    String debtId = TestDebtors.uniqueId("redelivered");
    // due in 40 days: the journey's own first reminder is weeks away
    assertThat(
            api.post("/api/debts", api.debt(debtId, "420.00", today().plusDays(40)))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    return debtId;
  }

  private static SendReminderWorker.Input followUp(String debtId, String step) {
    return new SendReminderWorker.Input(
        debtId,
        step,
        Channel.SMS,
        "email-opened-follow-up",
        List.of(),
        "email-opened",
        null,
        null,
        null,
        null,
        null);
  }

  private static SendReminderWorker.Input job(String debtId) {
    return new SendReminderWorker.Input(
        debtId,
        "Lembrete avulso",
        Channel.EMAIL,
        "reminder-before-due",
        List.of(Channel.SMS),
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private long contactRows(String debtId, String step) {
    return jdbc.sql("select count(*) from contact where debt_id = :id and step = :step")
        .param("id", debtId)
        .param("step", step)
        .query(Long.class)
        .single();
  }

  private static List<? extends Message> mailsTo(String debtId) {
    String address = debtId.toLowerCase() + "@devedor.example.test";
    return Arrays.stream(SMTP.getReceivedMessages())
        .filter(message -> addressedTo(message, address))
        .toList();
  }

  private static boolean addressedTo(Message message, String address) {
    try {
      Address[] to = message.getRecipients(Message.RecipientType.TO);
      return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(address));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
