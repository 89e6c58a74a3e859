package br.com.regua.contact;

import br.com.regua.consent.Channel;
import br.com.regua.contact.delivery.DeliveryStatus;
import br.com.regua.ops.ReguaMetrics;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The contact log: every attempt, its outcome, and the key that makes it happen once. */
@Repository
public class ContactRepository {

  private final JdbcClient jdbc;
  private final ReguaMetrics metrics;

  ContactRepository(JdbcClient jdbc, ReguaMetrics metrics) {
    this.jdbc = jdbc;
    this.metrics = metrics;
  }

  boolean exists(String idempotencyKey) {
    return jdbc.sql("select count(*) from contact where idempotency_key = :key")
            .param("key", idempotencyKey)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Whether the step waited on a hold on the debtor at some attempt. */
  boolean wasHeld(String debtId, String step) {
    return jdbc.sql(
            "select exists (select 1 from contact where debt_id = :debtId and step = :step"
                + " and outcome = 'HELD')")
        .param("debtId", debtId)
        .param("step", step)
        .query(Boolean.class)
        .single();
  }

  /** The step's contact if it was made (sent, recorded or suppressed; postponements aside). */
  Optional<ContactAttempt> made(String debtId, String step) {
    return jdbc.sql(
            """
            select outcome, channel, occurred_at from contact
             where debt_id = :debtId and step = :step and outcome not in ('POSTPONED', 'FAILED', 'HELD')
             order by occurred_at, id limit 1
            """)
        .param("debtId", debtId)
        .param("step", step)
        .query(
            (rs, n) ->
                new ContactAttempt(
                    ContactOutcome.valueOf(rs.getString("outcome")),
                    Channel.valueOf(rs.getString("channel")),
                    rs.getTimestamp("occurred_at").toInstant(),
                    null))
        .optional();
  }

  /** The attempts of a template for the debt (postponements aside), oldest first. */
  List<ContactService.Attempt> attempts(String debtId, String template) {
    return jdbc.sql(
            """
            select channel, outcome, occurred_at, delivery_status, delivery_updated_at,
                   provider_message_id
              from contact
             where debt_id = :debtId and template = :template and outcome not in ('POSTPONED', 'HELD')
             order by occurred_at, id
            """)
        .param("debtId", debtId)
        .param("template", template)
        .query(
            (rs, n) ->
                new ContactService.Attempt(
                    Channel.valueOf(rs.getString("channel")),
                    ContactOutcome.valueOf(rs.getString("outcome")),
                    rs.getTimestamp("occurred_at").toInstant(),
                    rs.getString("delivery_status"),
                    rs.getTimestamp("delivery_updated_at") == null
                        ? null
                        : rs.getTimestamp("delivery_updated_at").toInstant(),
                    rs.getString("provider_message_id")))
        .list();
  }

  /** How many contacts reached the debtor on the day, across all their debts. */
  long madeOn(String document, LocalDate day, ZoneId zone) {
    return jdbc.sql(
            """
            select count(*) from contact c join debt d on d.debt_id = c.debt_id
             where d.debtor_document = :document and c.outcome in ('SENT', 'RECORDED')
               and c.occurred_at >= :from and c.occurred_at < :to
            """)
        .param("document", document)
        .param("from", Timestamp.from(day.atStartOfDay(zone).toInstant()))
        .param("to", Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()))
        .query(Long.class)
        .single();
  }

  /**
   * Logs the attempt. {@code providerMessageId} is the provider's id of a SENT message (null
   * otherwise, or when the provider gives none): delivery receipts find the contact by it.
   */
  void record(
      Contact contact,
      ContactOutcome outcome,
      String detail,
      String payload,
      String providerMessageId) {
    jdbc.sql(
            """
            insert into contact (debt_id, idempotency_key, step, channel, template, outcome,
                                 detail, payload, provider_message_id, occurred_at)
            values (:debtId, :key, :step, :channel, :template, :outcome, :detail, :payload,
                    :providerMessageId, :at)
            """)
        .param("debtId", contact.debtId())
        .param("key", contact.key())
        .param("step", contact.step())
        .param("channel", contact.channel().name())
        .param("template", contact.template())
        .param("outcome", outcome.name())
        .param("detail", detail)
        .param("payload", payload)
        .param("providerMessageId", providerMessageId)
        .param("at", Timestamp.from(contact.at()))
        .update();
    metrics.contactRecorded(contact.channel().name(), outcome.name());
  }

  /** A sent contact as delivery receipts see it. */
  public record Delivered(
      long id,
      String debtId,
      String key,
      String step,
      Channel channel,
      String template,
      DeliveryStatus status,
      Instant statusAt) {}

  /**
   * The contact a receipt is about, locked until the transaction ends so that two receipts for one
   * message apply one after the other: by the provider's message id, or else by our contact key
   * (which providers echo back as the message's reference).
   */
  public Optional<Delivered> lockDelivered(Channel channel, String providerMessageId, String key) {
    Optional<Delivered> byId =
        providerMessageId == null
            ? Optional.empty()
            : lockDeliveredWhere("provider_message_id = :ref", channel, providerMessageId);
    return byId.isPresent() || key == null
        ? byId
        : lockDeliveredWhere("idempotency_key = :ref", channel, key);
  }

  private Optional<Delivered> lockDeliveredWhere(String condition, Channel channel, String ref) {
    return jdbc.sql(
            """
            select id, debt_id, idempotency_key, step, channel, template, delivery_status,
                   delivery_updated_at
              from contact
             where channel = :channel and outcome = 'SENT' and %s
               for update
            """
                .formatted(condition))
        .param("channel", channel.name())
        .param("ref", ref)
        .query(
            (rs, n) ->
                new Delivered(
                    rs.getLong("id"),
                    rs.getString("debt_id"),
                    rs.getString("idempotency_key"),
                    rs.getString("step"),
                    Channel.valueOf(rs.getString("channel")),
                    rs.getString("template"),
                    rs.getString("delivery_status") == null
                        ? null
                        : DeliveryStatus.valueOf(rs.getString("delivery_status")),
                    rs.getTimestamp("delivery_updated_at") == null
                        ? null
                        : rs.getTimestamp("delivery_updated_at").toInstant()))
        .optional();
  }

  public void updateDelivery(
      long contactId, DeliveryStatus status, Instant at, String failureReason) {
    jdbc.sql(
            """
            update contact
               set delivery_status = :status, delivery_updated_at = :at, failure_reason = :reason
             where id = :id
            """)
        .param("id", contactId)
        .param("status", status.name())
        .param("at", Timestamp.from(at))
        .param("reason", failureReason)
        .update();
  }

  Optional<String> lastDeliveredStep(String debtId) {
    return jdbc.sql(
            """
            select step from contact
            where debt_id = :debtId and outcome in ('SENT', 'RECORDED')
              and step not like :followUps
            order by occurred_at desc, id desc limit 1
            """)
        .param("debtId", debtId)
        .param("followUps", ContactService.FOLLOW_UP + "%")
        .query(String.class)
        .optional();
  }
}
