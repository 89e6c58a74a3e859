package br.com.regua.dispute;

import br.com.regua.api.ConflictException;
import br.com.regua.api.NotFoundException;
import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtLifecycle;
import br.com.regua.debt.DebtRepository;
import br.com.regua.debt.DebtStatus;
import br.com.regua.engine.JourneyModel;
import br.com.regua.engine.Journeys;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Disputes (contestações): while one is open, nothing reaches the debtor and nothing firm happens.
 * Opening one makes the debt {@code DISPUTED} at once and tells the journey, which opens a review
 * task for an agent. The decision comes from that task (Tasklist) or from the API; either way the
 * journey's workers {@link #resume} or cancel the debt.
 */
@Service
public class DisputeService {

  private final DebtRepository debts;
  private final DebtLifecycle lifecycle;
  private final JdbcClient jdbc;
  private final Journeys journeys;
  private final TransactionTemplate tx;
  private final Clock clock;

  DisputeService(
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

  public record Outcome(DisputeView dispute, boolean created) {}

  /** Opens a dispute once per {@code disputeId}; 409 if the debt is closed or already disputed. */
  public Outcome open(String debtId, String disputeId, String reason) {
    return open(debtId, disputeId, reason, null);
  }

  /**
   * {@link #open(String, String, String)} from a named source (e.g. {@code PORTAL}), which the
   * timeline shows; null for the API.
   */
  public Outcome open(String debtId, String disputeId, String reason, String source) {
    Outcome outcome =
        tx.execute(
            status -> {
              Debt debt = debts.lock(debtId).orElseThrow(() -> NotFoundException.debt(debtId));
              Optional<DisputeView> existing = find(disputeId);
              if (existing.isPresent()) {
                DisputeView stored = existing.get();
                if (!stored.debtId().equals(debtId) || !stored.reason().equals(reason.strip())) {
                  throw new ConflictException(
                      "disputeId",
                      "dispute " + disputeId + " was already opened with other content");
                }
                return announce(new Outcome(stored, false));
              }
              if (!debt.status().isOpen()) {
                throw new ConflictException(
                    "debtId", "debt " + debtId + " is " + debt.status() + ": nothing to dispute");
              }
              openDispute(debtId)
                  .ifPresent(
                      open -> {
                        throw new ConflictException(
                            "disputeId",
                            "debt " + debtId + " already has open dispute " + open.disputeId());
                      });
              Instant now = clock.instant();
              jdbc.sql(
                      """
                      insert into dispute (dispute_id, debt_id, reason, status, opened_at)
                      values (:id, :debtId, :reason, 'OPEN', :now)
                      """)
                  .param("id", disputeId)
                  .param("debtId", debtId)
                  .param("reason", reason.strip())
                  .param("now", Timestamp.from(now))
                  .update();
              lifecycle.move(
                  debt,
                  DebtStatus.DISPUTED,
                  DebtEventType.DISPUTE_OPENED,
                  "Contestação "
                      + disputeId
                      + (source == null ? "" : " (" + source + ")")
                      + ": "
                      + reason,
                  now);
              return announce(new Outcome(find(disputeId).orElseThrow(), true));
            });
    return outcome;
  }

  /** Tells the journey of an open dispute, in the transaction that stores it (saved first). */
  private Outcome announce(Outcome outcome) {
    DisputeView dispute = outcome.dispute();
    if (dispute.status() == DisputeView.Status.OPEN) {
      tellJourney(dispute, "dispute:" + dispute.disputeId());
    }
    return outcome;
  }

  /**
   * Tells a journey started again for the debt (its earlier one was lost) of the open dispute, if
   * any, so that its review opens again. The message id names the new instance.
   */
  public void tellNewJourney(String debtId, long journeyKey) {
    openDispute(debtId)
        .ifPresent(
            dispute ->
                tellJourney(dispute, "dispute:" + dispute.disputeId() + ":journey:" + journeyKey));
  }

  private void tellJourney(DisputeView dispute, String messageId) {
    journeys.publish(
        JourneyModel.DISPUTE_OPENED,
        dispute.debtId(),
        messageId,
        Map.of("disputeId", dispute.disputeId(), "disputeReason", dispute.reason()));
  }

  /**
   * Decides an open dispute from the API and tells the journey, which resumes or cancels the debt.
   * The same decision again is accepted (and told again); another decision is a conflict.
   *
   * @return the dispute as decided: its new status, the notes, and the time of the decision
   */
  public DisputeView decide(
      String debtId, String disputeId, ResolutionRequest.Resolution resolution, String notes) {
    DisputeView dispute =
        find(disputeId)
            .filter(d -> d.debtId().equals(debtId))
            .orElseThrow(
                () -> new NotFoundException("dispute " + disputeId + " not found for " + debtId));
    DisputeView.Status decided = statusOf(resolution);
    if (dispute.status() != DisputeView.Status.OPEN && dispute.status() != decided) {
      throw new ConflictException(
          "resolution", "dispute " + disputeId + " was already resolved as " + dispute.status());
    }
    journeys.publish(
        JourneyModel.DISPUTE_RESOLVED,
        debtId,
        "dispute-resolution:" + disputeId,
        Map.of("disputeResolution", resolution.name(), "resolutionNotes", notes));
    if (dispute.status() != DisputeView.Status.OPEN) {
      return dispute; // the same decision again: as the journey recorded it
    }
    // the dispute as the decision leaves it, which the journey records in a moment; answering the
    // stored row said "OPEN" to the call that had just closed it
    return new DisputeView(
        dispute.disputeId(),
        dispute.debtId(),
        dispute.reason(),
        decided,
        notes,
        dispute.openedAt(),
        clock.instant());
  }

  /**
   * The dispute did not hold: the open dispute (if any) is closed as resumed and the debt goes back
   * to where it stood. Idempotent; run by the journey.
   */
  public void resume(String debtId, String notes) {
    tx.executeWithoutResult(
        status -> {
          Debt debt = debts.lock(debtId).orElseThrow(() -> NotFoundException.debt(debtId));
          Instant now = clock.instant();
          openDispute(debtId)
              .ifPresent(
                  open -> {
                    resolve(open.disputeId(), DisputeView.Status.RESUMED, notes, now);
                    debts.addEvent(
                        debtId,
                        DebtEventType.DISPUTE_RESOLVED,
                        "Contestação " + open.disputeId() + " improcedente: cobrança retomada",
                        now);
                  });
          lifecycle.endPause(debt, DebtStatus.DISPUTED, null, null, now);
        });
  }

  /**
   * The dispute held: closes it as cancelled and the debt as {@code CANCELLED}. Idempotent; run by
   * the journey.
   */
  public void cancelDebt(String debtId, String notes) {
    tx.executeWithoutResult(
        status -> {
          debts.lock(debtId).orElseThrow(() -> NotFoundException.debt(debtId));
          Instant now = clock.instant();
          closeAsCancelled(debtId, notes, now);
          lifecycle.close(debtId, DebtStatus.CANCELLED, notes, now);
        });
  }

  private void closeAsCancelled(String debtId, String notes, Instant at) {
    openDispute(debtId)
        .ifPresent(
            open -> {
              resolve(open.disputeId(), DisputeView.Status.CANCELLED, notes, at);
              debts.addEvent(
                  debtId,
                  DebtEventType.DISPUTE_RESOLVED,
                  "Contestação " + open.disputeId() + " procedente: dívida cancelada",
                  at);
            });
  }

  public Optional<DisputeView> openDispute(String debtId) {
    return jdbc.sql(SELECT + " where debt_id = :debtId and status = 'OPEN'")
        .param("debtId", debtId)
        .query(DisputeService::map)
        .optional();
  }

  private Optional<DisputeView> find(String disputeId) {
    return jdbc.sql(SELECT + " where dispute_id = :id")
        .param("id", disputeId)
        .query(DisputeService::map)
        .optional();
  }

  private void resolve(String disputeId, DisputeView.Status status, String notes, Instant at) {
    jdbc.sql(
            """
            update dispute set status = :status, resolution_notes = :notes, resolved_at = :at
             where dispute_id = :id
            """)
        .param("status", status.name())
        .param("notes", notes)
        .param("at", Timestamp.from(at))
        .param("id", disputeId)
        .update();
  }

  private static DisputeView.Status statusOf(ResolutionRequest.Resolution resolution) {
    return switch (resolution) {
      case RESUME -> DisputeView.Status.RESUMED;
      case CANCEL -> DisputeView.Status.CANCELLED;
    };
  }

  private static final String SELECT =
      "select dispute_id, debt_id, reason, status, resolution_notes, opened_at, resolved_at"
          + " from dispute";

  private static DisputeView map(ResultSet rs, int row) throws SQLException {
    Timestamp resolvedAt = rs.getTimestamp("resolved_at");
    return new DisputeView(
        rs.getString("dispute_id"),
        rs.getString("debt_id"),
        rs.getString("reason"),
        DisputeView.Status.valueOf(rs.getString("status")),
        rs.getString("resolution_notes"),
        rs.getTimestamp("opened_at").toInstant(),
        resolvedAt == null ? null : resolvedAt.toInstant());
  }
}
