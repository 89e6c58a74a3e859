package br.com.regua.negativation;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.negativation.NoticeProofs.Proof;
import br.com.regua.negativation.NoticeProofs.Status;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * When the prior notice of negativation counts as given (STJ Súmula 404 for letters, Tema 1.315 for
 * e-mail and SMS), judged from the contact log in PostgreSQL as the journey's {@code
 * check-notice-proof} job asks for it.
 */
class NoticeProofsTest extends IntegrationTest {

  private static final Duration RECEIPT_WAIT = Duration.ofDays(3);
  private static final AtomicInteger KEYS = new AtomicInteger();

  @Autowired private NoticeProofs proofs;
  @Autowired private JdbcClient jdbc;

  @Test
  void anEmailNoticeIsProvenByItsDeliveryReceiptFromTheTimeOfDelivery() {
    // given an e-mail notice sent two days ago and read (opened) yesterday
    String debtId = registered("proof-read");
    Instant now = engine.now().truncatedTo(ChronoUnit.MILLIS);
    notice(
        debtId,
        "EMAIL",
        "SENT",
        now.minus(Duration.ofDays(2)),
        "READ",
        now.minus(Duration.ofDays(1)));

    // when the journey asks, twice (a job may be delivered again)
    Proof first = proofs.check(debtId, RECEIPT_WAIT);
    Proof again = proofs.check(debtId, RECEIPT_WAIT);

    // then it is proven from the delivery, and the timeline says so once
    assertThat(first).isEqualTo(new Proof(Status.PROVEN, now.minus(Duration.ofDays(1))));
    assertThat(again).isEqualTo(first);
    assertThat(events(debtId, "NOTICE_PROVEN"))
        .singleElement()
        .asString()
        .contains("EMAIL enviado em")
        .contains("entrega confirmada em")
        .contains("id do provedor msg-");
  }

  @Test
  void anEmailNoticeWithoutAReceiptWaitsForItUntilTheWaitEndsThenCallsForALetter() {
    // given an e-mail notice sent a day ago, never confirmed
    String debtId = registered("proof-pending");
    Instant now = engine.now();
    notice(debtId, "EMAIL", "SENT", now.minus(Duration.ofDays(1)), null, null);

    // then within the three days' wait it is pending, after it a letter is needed
    assertThat(proofs.check(debtId, RECEIPT_WAIT).status()).isEqualTo(Status.PENDING);
    assertThat(proofs.check(debtId, Duration.ofHours(12)).status()).isEqualTo(Status.LETTER_NEEDED);
    assertThat(events(debtId, "NOTICE_PROVEN")).isEmpty();
  }

  @Test
  void aLetterIsProvenByItsMailingEvenWhenTheEmailNeverArrived() {
    // given an unconfirmed e-mail notice, then a letter mailed today
    String debtId = registered("proof-letter");
    Instant now = engine.now().truncatedTo(ChronoUnit.MILLIS);
    notice(debtId, "EMAIL", "SENT", now.minus(Duration.ofDays(4)), null, null);
    notice(debtId, "LETTER", "SENT", now, null, null);

    // then the wait counts from the letter's mailing
    assertThat(proofs.check(debtId, RECEIPT_WAIT)).isEqualTo(new Proof(Status.PROVEN, now));
    assertThat(proofs.isProven(debtId)).isTrue();
    assertThat(events(debtId, "NOTICE_PROVEN"))
        .singleElement()
        .asString()
        .contains("carta postada");
  }

  @Test
  void aNoticeNeitherDeliveredNorMailedIsUnprovableAndTheTimelineSaysWhy() {
    // given an unconfirmed e-mail notice and a letter the print provider refused (no address)
    String debtId = registered("proof-none");
    Instant now = engine.now();
    notice(debtId, "EMAIL", "SENT", now.minus(Duration.ofDays(4)), null, null);
    notice(debtId, "LETTER", "FAILED", now, null, null);

    // then there is no proof to be had: no negativation, once on the timeline
    assertThat(proofs.check(debtId, RECEIPT_WAIT).status()).isEqualTo(Status.UNPROVABLE);
    assertThat(proofs.check(debtId, RECEIPT_WAIT).status()).isEqualTo(Status.UNPROVABLE);
    assertThat(proofs.isProven(debtId)).isFalse();
    assertThat(events(debtId, "NEGATIVATION_SKIPPED"))
        .singleElement()
        .asString()
        .contains("aviso prévio sem comprovação");
  }

  @Test
  void anSmsReceiptThatReportsAFailureProvesNothing() {
    String debtId = registered("proof-failed");
    Instant now = engine.now();
    notice(
        debtId,
        "SMS",
        "SENT",
        now.minus(Duration.ofDays(4)),
        "FAILED",
        now.minus(Duration.ofDays(3)));

    assertThat(proofs.check(debtId, RECEIPT_WAIT).status()).isEqualTo(Status.LETTER_NEEDED);
  }

  /** A debt whose journey waits for its first reminder: the notices are the ones written here. */
  private String registered(String prefix) {
    String debtId = TestDebtors.uniqueId(prefix);
    LocalDate today = LocalDate.ofInstant(engine.now(), SAO_PAULO);
    assertThat(
            api.post("/api/debts", api.debt(debtId, "450.00", today.plusDays(30)))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    return debtId;
  }

  private void notice(
      String debtId,
      String channel,
      String outcome,
      Instant at,
      String deliveryStatus,
      Instant deliveredAt) {
    int key = KEYS.incrementAndGet();
    jdbc.sql(
            """
            insert into contact (debt_id, idempotency_key, step, channel, template, outcome,
                                 detail, occurred_at, provider_message_id, delivery_status,
                                 delivery_updated_at)
            values (:debtId, :key, 'Aviso prévio de negativação', :channel, :template, :outcome,
                    'aviso', :at, :messageId, :status, :deliveredAt)
            """)
        .param("debtId", debtId)
        .param("key", debtId + ":notice:" + key)
        .param("channel", channel)
        .param("template", NegativationModel.NOTICE_TEMPLATE)
        .param("outcome", outcome)
        .param("at", Timestamp.from(at))
        .param("messageId", outcome.equals("SENT") ? "msg-" + debtId + "-" + key : null)
        .param("status", deliveryStatus)
        .param("deliveredAt", deliveredAt == null ? null : Timestamp.from(deliveredAt))
        .update();
  }

  private List<String> events(String debtId, String type) {
    return jdbc.sql("select detail from debt_event where debt_id = :id and type = :type")
        .param("id", debtId)
        .param("type", type)
        .query(String.class)
        .list();
  }
}
