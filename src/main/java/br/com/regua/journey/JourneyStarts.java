package br.com.regua.journey;

import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtRepository;
import br.com.regua.dispute.DisputeService;
import br.com.regua.engine.Journeys;
import br.com.regua.hold.HoldService;
import br.com.regua.promise.PromiseService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts each debt's dunning journey, once, and starts it again where the debt stood when the
 * engine lost it: an active promise and an open dispute are told to the new journey.
 */
@Component
public class JourneyStarts {

  private static final Logger log = LoggerFactory.getLogger(JourneyStarts.class);

  private final DebtRepository debts;
  private final Journeys journeys;
  private final PromiseService promises;
  private final DisputeService disputes;
  private final HoldService holds;
  private final TransactionTemplate tx;
  private final Clock clock;

  JourneyStarts(
      DebtRepository debts,
      Journeys journeys,
      PromiseService promises,
      DisputeService disputes,
      HoldService holds,
      TransactionTemplate tx,
      Clock clock) {
    this.holds = holds;
    this.debts = debts;
    this.journeys = journeys;
    this.promises = promises;
    this.disputes = disputes;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * Starts the journeys of open debts that were stored but whose journey did not start (the engine
   * was unreachable, or the service stopped between the two), registered before {@code before}.
   * Stops at the first failure: the engine is likely still down. Returns how many started.
   */
  public int startPending(Instant before, int limit) {
    int started = 0;
    int failedInARow = 0;
    for (String debtId : debts.withoutJourney(before, limit)) {
      try {
        start(debtId);
        started++;
        failedInARow = 0;
      } catch (RuntimeException e) {
        log.warn("Journey of debt {} still not started: {}", debtId, e.getMessage());
        // one debt the engine refuses must not hold back the others; several in a row mean the
        // engine is away, and the next round tries again
        if (++failedInARow == FAILURES_MEANING_ENGINE_AWAY) {
          break;
        }
      }
    }
    return started;
  }

  private static final int FAILURES_MEANING_ENGINE_AWAY = 3;

  /**
   * Starts the journey under the debt's row lock, so two identical registrations racing each other
   * start one journey, not two.
   */
  void start(String debtId) {
    tx.executeWithoutResult(
        s -> {
          Debt debt = debts.lock(debtId).orElseThrow();
          if (debt.processInstanceKey() != null) {
            return;
          }
          // The row lock is held while the engine creates the journey: the journey's claim
          // (JourneyClaims) waits for it, and so sees the key stored here or, if this replica dies
          // before the commit, no key at all, and takes the debt itself.
          Journeys.Started journey = journeys.begin(debt.journeyStart(LocalDate.now(clock)));
          recordStarted(debt, journey, "instância " + journey.processInstanceKey());
          log.info("Journey {} started for debt {}", journey.processInstanceKey(), debtId);
        });
  }

  /**
   * The debt's journey is this one, from now: its key and model version stored, {@code
   * JOURNEY_STARTED} on the timeline, and the journey told where the debt stands. Called under the
   * debt's row lock.
   */
  public void recordStarted(Debt debt, Journeys.Started journey, String detail) {
    long key = journey.processInstanceKey();
    debts.setProcessInstanceKey(debt.debtId(), key);
    debts.setJourneyVersion(debt.debtId(), journey.processDefinitionKey(), journey.version());
    debts.addEvent(debt.debtId(), DebtEventType.JOURNEY_STARTED, detail, clock.instant());
    resumeWhereItStood(debt, key);
  }

  /**
   * A journey started again for a debt that had one (see {@link #forgetLost}) is told what holds
   * now: an active promise suspends it, an open dispute opens the review again, a death ends it (a
   * debt registered after its debtor's death, too). Steps whose day has passed are skipped by the
   * model, and a step already made today is not made twice (contacts and negativations are
   * idempotent by debt and step).
   */
  private void resumeWhereItStood(Debt debt, long key) {
    promises.tellNewJourney(debt.debtId(), key);
    disputes.tellNewJourney(debt.debtId(), key);
    holds.tellNewJourney(debt.debtId(), debt.debtor().document(), key);
  }

  /**
   * Forgets the journey of every open debt whose journey the engine no longer runs, so that {@link
   * PendingJourneys} starts a new one where the debt stood. In embedded mode the engine keeps its
   * state in memory: after a restart no journey survives, and PostgreSQL (the system of record)
   * says where each debt stood. Returns the debts concerned.
   */
  public List<String> forgetLost(Set<Long> liveInstances) {
    List<String> lost = new ArrayList<>();
    for (DebtRepository.JourneyRef journey : debts.openWithJourney()) {
      if (liveInstances.contains(journey.processInstanceKey())) {
        continue;
      }
      tx.executeWithoutResult(
          s -> {
            debts.clearProcessInstanceKey(journey.debtId(), journey.processInstanceKey());
            debts.addEvent(
                journey.debtId(),
                DebtEventType.JOURNEY_LOST,
                "instância " + journey.processInstanceKey() + " não existe mais no motor",
                clock.instant());
          });
      lost.add(journey.debtId());
    }
    return lost;
  }
}
