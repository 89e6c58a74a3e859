package br.com.regua.journey;

import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtRepository;
import br.com.regua.engine.Journeys;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One journey per debt, even when a starter dies between the engine and PostgreSQL. Camunda has no
 * unique business key, so each dunning journey claims its debt itself, first thing ({@code
 * claim-debt}, the process's start listener), with a compare-and-set on the debt's row:
 *
 * <ul>
 *   <li>the row names this journey: its starter stored the key, nothing more to do;
 *   <li>the row names no journey: the starter created this journey and died (or timed out waiting
 *       for the engine's answer) before its commit; this journey takes the debt, as the starter
 *       would have ({@link JourneyStarts#recordStarted}), and no later start makes a second one;
 *   <li>the row names another journey: a later start took the debt; this one ends before its first
 *       step, and the timeline says so ({@code JOURNEY_DUPLICATE_ENDED}).
 * </ul>
 *
 * <p>Why the compare-and-set is enough: every start ({@link JourneyStarts#start}, an agreement's
 * return to collection) locks the debt's row, creates the journey in the engine and stores its key
 * before it commits. The claim locks the same row, so it waits for a starter that is still between
 * the engine and its commit, and then reads what the starter left: its own key (the starter
 * committed) or none (it rolled back, its connection closed by the crash). A start that comes after
 * the claim finds the key and starts nothing. No deadlock: the starter waits only for the engine's
 * answer to the creation, which the engine gives without waiting for the listener's job; it never
 * waits for the claim.
 */
@Component
class JourneyClaims {

  private static final Logger log = LoggerFactory.getLogger(JourneyClaims.class);

  private final DebtRepository debts;
  private final JourneyStarts starts;
  private final TransactionTemplate tx;
  private final Clock clock;

  JourneyClaims(DebtRepository debts, JourneyStarts starts, TransactionTemplate tx, Clock clock) {
    this.debts = debts;
    this.starts = starts;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * Whether the journey holds the debt, now that it has claimed it; {@code false}: another journey
   * does, or the debt ended before any journey held it, and this one is to end. Idempotent: a
   * redelivered claim finds its own key.
   */
  boolean claim(String debtId, Journeys.Started journey) {
    long key = journey.processInstanceKey();
    Boolean held =
        tx.execute(
            s -> {
              Debt debt = debts.lock(debtId).orElseThrow();
              Long holder = debt.processInstanceKey();
              if (holder != null && holder == key) {
                return true;
              }
              if (holder == null && debt.status().isOpen()) {
                starts.recordStarted(
                    debt,
                    journey,
                    "instância "
                        + key
                        + " (assumiu a dívida: quem a iniciou parou antes de gravar)");
                log.warn("Journey {} claimed debt {}: its starter did not store it", key, debtId);
                return true;
              }
              debts.addEvent(
                  debtId,
                  DebtEventType.JOURNEY_DUPLICATE_ENDED,
                  "instância "
                      + key
                      + " encerrada ao iniciar: "
                      + (holder == null
                          ? "a dívida já não está em cobrança"
                          : "a jornada da dívida é a instância " + holder),
                  clock.instant());
              log.warn(
                  "Journey {} of debt {} ended at its start: debt held by {}", key, debtId, holder);
              return false;
            });
    return Boolean.TRUE.equals(held);
  }
}
