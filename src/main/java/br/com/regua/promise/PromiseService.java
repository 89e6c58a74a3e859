package br.com.regua.promise;

import br.com.regua.api.ConflictException;
import br.com.regua.api.NotFoundException;
import br.com.regua.api.RuleViolationException;
import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtLifecycle;
import br.com.regua.debt.DebtRepository;
import br.com.regua.debt.DebtStatus;
import br.com.regua.engine.JourneyModel;
import br.com.regua.engine.Journeys;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Promises to pay, from the API or from an agent's call. A promise suspends the firm actions until
 * its date: the debt becomes {@code PROMISED} at once (under the row lock, like payments) and the
 * journey hears {@code promise-made}. The journey decides when a promise is broken (its date plus
 * the grace in the model); a full payment keeps it.
 */
@Service
public class PromiseService {

  static final String API_SOURCE = "API";
  private static final DateTimeFormatter BR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final DebtRepository debts;
  private final DebtLifecycle lifecycle;
  private final JdbcClient jdbc;
  private final Journeys journeys;
  private final TransactionTemplate tx;
  private final Clock clock;

  PromiseService(
      DebtRepository debts,
      DebtLifecycle lifecycle,
      JdbcClient jdbc,
      Journeys journeys,
      TransactionTemplate tx,
      Clock clock) {
    this.debts = debts;
    this.lifecycle = lifecycle;
    this.jdbc = jdbc;
    this.journeys = journeys;
    this.tx = tx;
    this.clock = clock;
  }

  /** What a promise request did: stored it now, or found it stored before. */
  public record Outcome(PromiseView promise, boolean created) {}

  /**
   * Records a promise once per {@code promiseId} and tells the journey. The same promise again
   * returns the stored one and publishes again (the engine drops the duplicate by message id).
   * Refused when the debt cannot take a promise (closed, disputed, already promised: 409) or when
   * the date is in the past or beyond the strategy's limit (422).
   */
  public Outcome make(String debtId, String promiseId, LocalDate promisedDate, String source) {
    // the journey's message is stored in the promise's transaction (saved first)
    return tx.execute(
        status -> {
          Outcome outcome = record(debtId, promiseId, promisedDate, source);
          announce(outcome);
          return outcome;
        });
  }

  /** Stores the promise (the first half of {@link #make}), without telling the journey yet. */
  public Outcome record(String debtId, String promiseId, LocalDate promisedDate, String source) {
    return tx.execute(
        status -> {
          Debt debt = debts.lock(debtId).orElseThrow(() -> NotFoundException.debt(debtId));
          Optional<PromiseView> existing = find(promiseId);
          if (existing.isPresent()) {
            PromiseView stored = existing.get();
            if (!stored.debtId().equals(debtId) || !stored.promisedDate().equals(promisedDate)) {
              throw new ConflictException(
                  "promiseId", "promise " + promiseId + " was already made with other content");
            }
            return new Outcome(stored, false);
          }
          checkCanPromise(debt, promisedDate);
          Instant now = clock.instant();
          insert(promiseId, debtId, promisedDate, source, now);
          lifecycle.move(
              debt,
              DebtStatus.PROMISED,
              DebtEventType.PROMISE_MADE,
              "Promessa "
                  + promiseId
                  + " para "
                  + BR_DATE.format(promisedDate)
                  + " ("
                  + source
                  + ")",
              now);
          return new Outcome(find(promiseId).orElseThrow(), true);
        });
  }

  /** Tells the journey of a stored promise, if it is still active. Safe to repeat. */
  public void announce(Outcome outcome) {
    PromiseView promise = outcome.promise();
    if (promise.status() == PromiseView.Status.ACTIVE) {
      tellJourney(promise, "promise:" + promise.promiseId());
    }
  }

  /**
   * Tells a journey started again for the debt (its earlier one was lost) of the active promise, if
   * any. The message id names the new instance: the promise's own id was the lost one's.
   */
  public void tellNewJourney(String debtId, long journeyKey) {
    activePromise(debtId)
        .ifPresent(
            promise ->
                tellJourney(promise, "promise:" + promise.promiseId() + ":journey:" + journeyKey));
  }

  private void tellJourney(PromiseView promise, String messageId) {
    journeys.publish(
        JourneyModel.PROMISE_MADE,
        promise.debtId(),
        messageId,
        Map.of(
            "promiseId", promise.promiseId(), "promisedDate", promise.promisedDate().toString()));
  }

  private void checkCanPromise(Debt debt, LocalDate promisedDate) {
    if (!debt.status().isOpen()) {
      throw new ConflictException(
          "debtId", "debt " + debt.debtId() + " is " + debt.status() + ": nothing to promise");
    }
    if (debt.status() == DebtStatus.DISPUTED) {
      throw new ConflictException(
          "debtId", "debt " + debt.debtId() + " is disputed: collection is paused");
    }
    activePromise(debt.debtId())
        .ifPresent(
            active -> {
              throw new ConflictException(
                  "promiseId",
                  "debt "
                      + debt.debtId()
                      + " already has promise "
                      + active.promiseId()
                      + " until "
                      + active.promisedDate());
            });
    LocalDate today = LocalDate.now(clock);
    if (promisedDate.isBefore(today)) {
      throw new RuleViolationException("promisedDate", "must not be in the past");
    }
    Debt.Strategy strategy = debt.strategy();
    if (strategy != null && promisedDate.isAfter(today.plusDays(strategy.promiseMaxDays()))) {
      throw new RuleViolationException(
          "promisedDate",
          "must be at most "
              + strategy.promiseMaxDays()
              + " days ahead (strategy "
              + strategy.name()
              + "), i.e. on or before "
              + today.plusDays(strategy.promiseMaxDays()));
    }
  }

  /**
   * The promised date passed with the grace and the debt is still unpaid: the promise is broken and
   * the debt goes back to where it stood before. Idempotent.
   */
  public void breakActive(String debtId) {
    tx.executeWithoutResult(
        status -> {
          Debt debt = debts.lock(debtId).orElseThrow(() -> NotFoundException.debt(debtId));
          Optional<PromiseView> active = activePromise(debtId);
          if (active.isEmpty()) {
            return;
          }
          Instant now = clock.instant();
          resolve(active.get().promiseId(), PromiseView.Status.BROKEN, now);
          lifecycle.endPause(
              debt,
              DebtStatus.PROMISED,
              DebtEventType.PROMISE_BROKEN,
              "Promessa " + active.get().promiseId() + " não cumprida; a régua retoma",
              now);
        });
  }

  /** A full payment keeps the active promise, if any. Runs in the payment's transaction. */
  public void keepActive(String debtId, Instant at) {
    activePromise(debtId)
        .ifPresent(
            active -> {
              resolve(active.promiseId(), PromiseView.Status.KEPT, at);
              debts.addEvent(
                  debtId,
                  DebtEventType.PROMISE_KEPT,
                  "Promessa " + active.promiseId() + " cumprida",
                  at);
            });
  }

  public Optional<PromiseView> activePromise(String debtId) {
    return jdbc.sql(SELECT + " where debt_id = :debtId and status = 'ACTIVE'")
        .param("debtId", debtId)
        .query(PromiseService::map)
        .optional();
  }

  private Optional<PromiseView> find(String promiseId) {
    return jdbc.sql(SELECT + " where promise_id = :id")
        .param("id", promiseId)
        .query(PromiseService::map)
        .optional();
  }

  private static final String SELECT =
      "select promise_id, debt_id, promised_date, source, status, created_at from promise";

  private static PromiseView map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new PromiseView(
        rs.getString("promise_id"),
        rs.getString("debt_id"),
        rs.getObject("promised_date", LocalDate.class),
        rs.getString("source"),
        PromiseView.Status.valueOf(rs.getString("status")),
        rs.getTimestamp("created_at").toInstant());
  }

  private void insert(
      String promiseId, String debtId, LocalDate promisedDate, String source, Instant now) {
    jdbc.sql(
            """
            insert into promise (promise_id, debt_id, promised_date, source, status, created_at)
            values (:id, :debtId, :date, :source, 'ACTIVE', :now)
            """)
        .param("id", promiseId)
        .param("debtId", debtId)
        .param("date", promisedDate)
        .param("source", source)
        .param("now", Timestamp.from(now))
        .update();
  }

  private void resolve(String promiseId, PromiseView.Status status, Instant at) {
    jdbc.sql("update promise set status = :status, resolved_at = :at where promise_id = :id")
        .param("status", status.name())
        .param("at", Timestamp.from(at))
        .param("id", promiseId)
        .update();
  }
}
