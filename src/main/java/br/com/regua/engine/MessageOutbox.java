package br.com.regua.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status.Code;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages for journeys, saved first and then published (the transactional outbox). {@link #add}
 * stores the message in the caller's transaction, the one that acknowledges the event, and
 * publishes it as soon as that transaction commits; if the engine cannot be reached the message
 * stays stored and {@link MessageRelay} publishes it later, with backoff, until the engine
 * confirms. The message id is the engine's messageId: the engine drops a message it has already
 * seen, and the table keeps one row per journey and id, so nothing is published twice within the
 * message's time to live and nothing acknowledged is lost.
 */
@Component
public class MessageOutbox {

  private static final Logger log = LoggerFactory.getLogger(MessageOutbox.class);

  /** A publish the engine does not answer in this time is retried later. */
  static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(5);

  /**
   * The first publish, made in the request that stored the event, waits at most this long: the
   * event is already stored and acknowledged, and an engine busy with a due-date storm must not
   * hold the integrator's call for seconds. The relay publishes it again (the message id keeps the
   * engine to one).
   */
  static final Duration IN_REQUEST_PUBLISH_TIMEOUT = Duration.ofSeconds(1);

  /** Retries wait 1 s, 2 s, 4 s, … up to this. */
  static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final CamundaClient client;
  private final TransactionTemplate tx;
  private final TransactionTemplate ownTx;
  private final ObjectMapper json;
  private final Clock clock;

  public MessageOutbox(
      JdbcClient jdbc,
      CamundaClient client,
      TransactionTemplate tx,
      ObjectMapper json,
      Clock clock) {
    this.jdbc = jdbc;
    this.client = client;
    this.tx = tx;
    // delivery runs after the caller's commit, where only a new transaction may write
    this.ownTx = new TransactionTemplate(tx.getTransactionManager());
    this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.json = json;
    this.clock = clock;
  }

  /** A message as stored: the engine's publish command, and how delivering it went. */
  public record Message(
      long id,
      String messageId,
      String messageName,
      String correlationKey,
      Map<String, Object> variables,
      Instant publishedAt,
      int attempts,
      String lastError) {}

  /**
   * Stores the message (once per id) and publishes it after the current transaction commits, or at
   * once outside a transaction. A failed publish is not the caller's failure: the event is
   * acknowledged and the relay will deliver it.
   */
  public void add(
      String messageName, String correlationKey, String messageId, Map<String, Object> variables) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      long id = insert(messageName, correlationKey, messageId, variables);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              deliver(id);
            }
          });
    } else {
      Long id = tx.execute(s -> insert(messageName, correlationKey, messageId, variables));
      deliver(id);
    }
  }

  /** Publishes the stored message if it is still pending; true when the engine has it. */
  boolean deliver(long id) {
    return deliver(id, IN_REQUEST_PUBLISH_TIMEOUT);
  }

  private boolean deliver(long id, Duration timeout) {
    Boolean delivered =
        ownTx.execute(
            s ->
                lockPending(
                        "select * from journey_message where id = :id"
                            + " and published_at is null for update skip locked",
                        Map.of("id", id))
                    .stream()
                    .findFirst()
                    .map(message -> publish(message, timeout))
                    .orElse(true));
    return Boolean.TRUE.equals(delivered);
  }

  /**
   * Publishes the pending messages whose next attempt is due, oldest first, at most {@code limit};
   * returns how many the engine took.
   */
  public int deliverDue(int limit) {
    Integer delivered =
        ownTx.execute(
            s -> {
              int published = 0;
              for (Message message :
                  lockPending(
                      """
                      select * from journey_message
                      where published_at is null and next_attempt_at <= :now
                      order by next_attempt_at, created_at
                      limit :limit for update skip locked
                      """,
                      Map.of("now", Timestamp.from(clock.instant()), "limit", limit))) {
                if (!publish(message, PUBLISH_TIMEOUT)) {
                  break; // the engine is likely down: the rest wait for their next attempt
                }
                published++;
              }
              return published;
            });
    return delivered == null ? 0 : delivered;
  }

  /** Messages stored and not yet published: the relay's lag. */
  public long pending() {
    return jdbc.sql("select count(*) from journey_message where published_at is null")
        .query(Long.class)
        .single();
  }

  /** The message stored for this journey (message name and correlation key) and id. */
  public Optional<Message> find(String messageName, String correlationKey, String messageId) {
    return jdbc.sql(
            """
            select * from journey_message
            where message_name = :name and correlation_key = :key and message_id = :id
            """)
        .param("name", messageName)
        .param("key", correlationKey)
        .param("id", messageId)
        .query(this::map)
        .optional();
  }

  /** Stores the message once and returns its row id (the existing row's for a repeat). */
  private long insert(
      String messageName, String correlationKey, String messageId, Map<String, Object> variables) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            insert into journey_message
              (message_id, message_name, correlation_key, variables, created_at, next_attempt_at)
            values (:id, :name, :key, cast(:variables as jsonb), :now, :now)
            on conflict (message_name, correlation_key, message_id) do nothing
            """)
        .param("id", messageId)
        .param("name", messageName)
        .param("key", correlationKey)
        .param("variables", toJson(variables))
        .param("now", now)
        .update();
    return jdbc.sql(
            """
            select id from journey_message
            where message_name = :name and correlation_key = :key and message_id = :id
            """)
        .param("id", messageId)
        .param("name", messageName)
        .param("key", correlationKey)
        .query(Long.class)
        .single();
  }

  private List<Message> lockPending(String sql, Map<String, ?> params) {
    return jdbc.sql(sql).params(params).query(this::map).list();
  }

  /** Publishes under the row's lock and records the outcome; true when the engine has it. */
  private boolean publish(Message message, Duration timeout) {
    Instant now = clock.instant();
    try {
      client
          .newPublishMessageCommand()
          .messageName(message.messageName())
          .correlationKey(message.correlationKey())
          .messageId(message.messageId())
          .timeToLive(Journeys.MESSAGE_TTL)
          .variables(message.variables())
          .requestTimeout(timeout)
          .send()
          .join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != Code.ALREADY_EXISTS) {
        return failed(message, now, e);
      }
    } catch (RuntimeException e) {
      return failed(message, now, e);
    }
    jdbc.sql(
            """
            update journey_message set published_at = :now, attempts = attempts + 1,
                   last_error = null
            where id = :id
            """)
        .param("now", Timestamp.from(now))
        .param("id", message.id())
        .update();
    return true;
  }

  private boolean failed(Message message, Instant now, RuntimeException e) {
    int attempts = message.attempts() + 1;
    Duration backoff = backoff(attempts);
    log.warn(
        "Message {} ({}) not published, attempt {}; next in {}: {}",
        message.messageId(),
        message.messageName(),
        attempts,
        backoff,
        e.getMessage());
    jdbc.sql(
            """
            update journey_message set attempts = :attempts, next_attempt_at = :next,
                   last_error = :error
            where id = :id
            """)
        .param("attempts", attempts)
        .param("next", Timestamp.from(now.plus(backoff)))
        .param("error", truncate(String.valueOf(e.getMessage()), 500))
        .param("id", message.id())
        .update();
    return false;
  }

  /** 1 s after the first failure, doubling, at most {@link #MAX_BACKOFF}. */
  static Duration backoff(int attempts) {
    Duration wait = Duration.ofSeconds(1L << Math.min(attempts - 1, 20));
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }

  private Message map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    Timestamp published = rs.getTimestamp("published_at");
    return new Message(
        rs.getLong("id"),
        rs.getString("message_id"),
        rs.getString("message_name"),
        rs.getString("correlation_key"),
        fromJson(rs.getString("variables")),
        published == null ? null : published.toInstant(),
        rs.getInt("attempts"),
        rs.getString("last_error"));
  }

  private String toJson(Map<String, Object> variables) {
    try {
      return json.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("message variables are not JSON", e);
    }
  }

  private Map<String, Object> fromJson(String text) {
    try {
      return json.readValue(text, VARIABLES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored message variables are not JSON", e);
    }
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
