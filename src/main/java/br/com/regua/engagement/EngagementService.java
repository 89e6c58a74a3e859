package br.com.regua.engagement;

import br.com.regua.api.ConflictException;
import br.com.regua.api.NotFoundException;
import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtRepository;
import br.com.regua.engine.JourneyModel;
import br.com.regua.engine.Journeys;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Engagement events (email opened, portal visited): stored once per event id, put on the timeline,
 * and told to the journey, whose model decides what follows (a follow-up after a wait, once per
 * debt per stage). Events about a closed debt are stored but change nothing.
 */
@Service
public class EngagementService {

  private final DebtRepository debts;
  private final JdbcClient jdbc;
  private final Journeys journeys;
  private final TransactionTemplate tx;
  private final Clock clock;

  EngagementService(
      DebtRepository debts,
      JdbcClient jdbc,
      Journeys journeys,
      TransactionTemplate tx,
      Clock clock) {
    this.debts = debts;
    this.jdbc = jdbc;
    this.journeys = journeys;
    this.tx = tx;
    this.clock = clock;
  }

  public record Outcome(EngagementEvent event, boolean created) {}

  public Outcome emailOpened(EmailOpenedRequest request) {
    EngagementEvent event =
        new EngagementEvent(
            request.eventId(),
            request.debtId(),
            EngagementEvent.Type.EMAIL_OPENED,
            request.openedAt().toInstant(),
            null);
    return receive(event, DebtEventType.EMAIL_OPENED, JourneyModel.EMAIL_OPENED, Map.of());
  }

  public Outcome portalVisited(PortalVisitRequest request) {
    String detail =
        "boleto baixado: "
            + (request.downloadedBoleto() ? "sim" : "não")
            + "; renegociação iniciada: "
            + (request.startedRenegotiation() ? "sim" : "não");
    EngagementEvent event =
        new EngagementEvent(
            request.eventId(),
            request.debtId(),
            EngagementEvent.Type.PORTAL_VISITED,
            request.visitedAt().toInstant(),
            detail);
    return receive(
        event,
        DebtEventType.PORTAL_VISITED,
        JourneyModel.PORTAL_VISITED,
        Map.of(
            "downloadedBoleto", request.downloadedBoleto(),
            "startedRenegotiation", request.startedRenegotiation()));
  }

  private Outcome receive(
      EngagementEvent event,
      DebtEventType timelineType,
      String message,
      Map<String, Object> variables) {
    Outcome outcome =
        tx.execute(
            status -> {
              debts.lock(event.debtId()).orElseThrow(() -> NotFoundException.debt(event.debtId()));
              Optional<EngagementEvent> existing = find(event.eventId());
              if (existing.isPresent()) {
                if (!existing.get().equals(event)) {
                  throw new ConflictException(
                      "eventId",
                      "event " + event.eventId() + " was already received with other content");
                }
              } else {
                Instant now = clock.instant();
                insert(event, now);
                debts.addEvent(event.debtId(), timelineType, event.detail(), event.occurredAt());
              }
              // stored with the event, published once it commits (saved first)
              journeys.publish(message, event.debtId(), "event:" + event.eventId(), variables);
              return new Outcome(event, existing.isEmpty());
            });
    return outcome;
  }

  private Optional<EngagementEvent> find(String eventId) {
    return jdbc.sql(
            "select event_id, debt_id, type, occurred_at, detail from engagement_event"
                + " where event_id = :id")
        .param("id", eventId)
        .query(
            (rs, row) ->
                new EngagementEvent(
                    rs.getString("event_id"),
                    rs.getString("debt_id"),
                    EngagementEvent.Type.valueOf(rs.getString("type")),
                    rs.getTimestamp("occurred_at").toInstant(),
                    rs.getString("detail")))
        .optional();
  }

  private void insert(EngagementEvent event, Instant now) {
    jdbc.sql(
            """
            insert into engagement_event (event_id, debt_id, type, occurred_at, detail, received_at)
            values (:id, :debtId, :type, :at, :detail, :now)
            """)
        .param("id", event.eventId())
        .param("debtId", event.debtId())
        .param("type", event.type().name())
        .param("at", Timestamp.from(event.occurredAt()))
        .param("detail", event.detail())
        .param("now", Timestamp.from(now))
        .update();
  }
}
