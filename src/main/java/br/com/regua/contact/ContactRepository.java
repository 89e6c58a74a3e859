package br.com.regua.contact;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The contact log: every attempt, its outcome, and the key that makes it happen once. */
@Repository
class ContactRepository {

  private final JdbcClient jdbc;

  ContactRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean exists(String idempotencyKey) {
    return jdbc.sql("select count(*) from contact where idempotency_key = :key")
            .param("key", idempotencyKey)
            .query(Long.class)
            .single()
        > 0;
  }

  void record(
      String debtId,
      String idempotencyKey,
      String step,
      Channel channel,
      String template,
      ContactOutcome outcome,
      String detail,
      Instant at) {
    jdbc.sql(
            """
            insert into contact (debt_id, idempotency_key, step, channel, template, outcome,
                                 detail, occurred_at)
            values (:debtId, :key, :step, :channel, :template, :outcome, :detail, :at)
            """)
        .param("debtId", debtId)
        .param("key", idempotencyKey)
        .param("step", step)
        .param("channel", channel.name())
        .param("template", template)
        .param("outcome", outcome.name())
        .param("detail", detail)
        .param("at", Timestamp.from(at))
        .update();
  }
}
