package br.com.regua.devkit.providers;

import br.com.regua.devkit.engine.EmbeddedEngine;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the development providers received, kept in the service's PostgreSQL so that a restart of
 * embedded mode (whose engine replays its journeys from disk) finds the mails, SMS, WhatsApp
 * messages, letters and negativations of those journeys too. One table for all of them: each record
 * is the provider's own JSON ({@code payload}), beside the few columns it is found by.
 *
 * <p>The table is created here, not by a Flyway migration: migrations run in every mode, so a
 * migration would put a development table in every production database, where nothing ever writes
 * it, and every change of a stand-in's record would be one more migration that production carries
 * forever. This bean exists only in embedded mode, like the providers; the JSON payload lets a
 * record change shape without changing the table. Flyway leaves the table alone ({@code bin/test}'s
 * clean drops it with the rest of the schema).
 */
@Component
@ConditionalOnBean(EmbeddedEngine.class)
@DependsOnDatabaseInitialization // after Flyway: the test schema is dropped and created by it
class DevProviderRecords {

  /** The stand-ins, by the name their records carry. */
  enum Provider {
    MAIL("DEV-MAIL-"),
    SMS("DEV-SMS-"),
    WHATSAPP("wamid.DEV-"),
    PRINT("DEV-L-"),
    CREDIT_BUREAU("DEV-");

    private final String idPrefix;

    Provider(String idPrefix) {
      this.idPrefix = idPrefix;
    }
  }

  /** A record and whether this call created it (false: an earlier one had the same key). */
  record Kept<T>(T record, boolean created) {}

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  DevProviderRecords(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
    createTable();
  }

  private void createTable() {
    // The numbers in the providers' ids: a sequence carries on across restarts, where a counter in
    // memory would start again (DevRun).
    jdbc.sql("create sequence if not exists dev_provider_number start with 1001").update();
    jdbc.sql(
            """
            create table if not exists dev_provider_record (
                number          bigint      primary key,
                provider        text        not null,
                id              text        not null,
                idempotency_key text,
                recipient       text,
                payload         jsonb       not null,
                received_at     timestamptz not null,
                unique (provider, id),
                unique (provider, idempotency_key)
            )
            """)
        .update();
  }

  /**
   * Keeps the record that {@code create} makes with a new id; with a key, only the first record of
   * that key, which a later call gets back, as from a real provider.
   */
  <T> Kept<T> keep(
      Provider provider,
      String idempotencyKey,
      String recipient,
      Instant receivedAt,
      Class<T> type,
      Function<String, T> create) {
    if (idempotencyKey != null) {
      Optional<T> existing = byKey(provider, idempotencyKey, type);
      if (existing.isPresent()) {
        return new Kept<>(existing.get(), false);
      }
    }
    long number = jdbc.sql("select nextval('dev_provider_number')").query(Long.class).single();
    // unique across restarts: the number from PostgreSQL, and the start's token besides (DevRun)
    String id = provider.idPrefix + DevRun.TOKEN + "-" + number;
    T record = create.apply(id);
    int inserted =
        jdbc.sql(
                """
                insert into dev_provider_record
                    (number, provider, id, idempotency_key, recipient, payload, received_at)
                values (:number, :provider, :id, :key, :recipient, cast(:payload as jsonb), :at)
                on conflict do nothing
                """)
            .param("number", number)
            .param("provider", provider.name())
            .param("id", id)
            .param("key", idempotencyKey)
            .param("recipient", recipient)
            .param("payload", write(record))
            .param("at", Timestamp.from(receivedAt))
            .update();
    if (inserted == 0) { // the same key, at the same time
      return new Kept<>(byKey(provider, idempotencyKey, type).orElseThrow(), false);
    }
    return new Kept<>(record, true);
  }

  /** Replaces the payload of the record with that id; false if there is none. */
  boolean replace(Provider provider, String id, Object record) {
    return jdbc.sql(
                """
                update dev_provider_record set payload = cast(:payload as jsonb)
                where provider = :provider and id = :id
                """)
            .param("payload", write(record))
            .param("provider", provider.name())
            .param("id", id)
            .update()
        == 1;
  }

  <T> Optional<T> byId(Provider provider, String id, Class<T> type) {
    return jdbc.sql(
            "select payload from dev_provider_record where provider = :provider and id = :id")
        .param("provider", provider.name())
        .param("id", id)
        .query(String.class)
        .optional()
        .map(payload -> read(payload, type));
  }

  <T> Optional<T> byKey(Provider provider, String idempotencyKey, Class<T> type) {
    return jdbc.sql(
            """
            select payload from dev_provider_record
            where provider = :provider and idempotency_key = :key
            """)
        .param("provider", provider.name())
        .param("key", idempotencyKey)
        .query(String.class)
        .optional()
        .map(payload -> read(payload, type));
  }

  /** In the order received; with a recipient part, only records whose recipient contains it. */
  <T> List<T> list(Provider provider, String recipientPart, Class<T> type) {
    return jdbc
        .sql(
            """
            select payload from dev_provider_record
            where provider = :provider and strpos(coalesce(recipient, ''), :part) > 0
            order by received_at, number
            """)
        .param("provider", provider.name())
        .param("part", recipientPart == null ? "" : recipientPart)
        .query(String.class)
        .list()
        .stream()
        .map(payload -> read(payload, type))
        .toList();
  }

  private String write(Object record) {
    try {
      return json.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a development record that is not JSON", e);
    }
  }

  private <T> T read(String payload, Class<T> type) {
    try {
      return json.readValue(payload, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a development record of another shape: " + payload, e);
    }
  }
}
