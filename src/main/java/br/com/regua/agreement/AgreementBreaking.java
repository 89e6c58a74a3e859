package br.com.regua.agreement;

import br.com.regua.agreement.AgreementRepository.JoinedDebt;
import br.com.regua.agreement.AgreementRepository.Stored;
import br.com.regua.agreement.AgreementRepository.StoredInstallment;
import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtLifecycle;
import br.com.regua.debt.DebtRepository;
import br.com.regua.engine.Journeys;
import br.com.regua.journey.JourneyStarts;
import br.com.regua.money.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A broken agreement: an installment stayed unpaid past the model's limit. Each debt gets back what
 * is still owed on it (its balance at signing less the payments, which go to the debts in order;
 * the agreement's discount is lost) and a new dunning journey takes it from the stage its age calls
 * for.
 */
@Service
public class AgreementBreaking {

  private static final Logger log = LoggerFactory.getLogger(AgreementBreaking.class);
  static final String BROKEN = "BROKEN";

  private final DebtRepository debts;
  private final DebtLifecycle lifecycle;
  private final AgreementRepository agreements;
  private final AgreementDebts parties;
  private final Journeys journeys;
  private final JourneyStarts starts;
  private final TransactionTemplate tx;
  private final Clock clock;

  AgreementBreaking(
      DebtRepository debts,
      DebtLifecycle lifecycle,
      AgreementRepository agreements,
      AgreementDebts parties,
      Journeys journeys,
      JourneyStarts starts,
      TransactionTemplate tx,
      Clock clock) {
    this.debts = debts;
    this.lifecycle = lifecycle;
    this.agreements = agreements;
    this.parties = parties;
    this.journeys = journeys;
    this.starts = starts;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * The installment is late beyond the model's limit: the agreement ends {@code BROKEN}; what is
   * still owed on each debt returns to collection in a new dunning journey. Idempotent.
   */
  void breakAgreement(String agreementId, int lateInstallment) {
    List<String> returned = tx.execute(status -> breakLocked(agreementId, lateInstallment));
    // a redelivered job finds the agreement BROKEN: restart any journey a failure left unstarted
    List<String> pending =
        returned.isEmpty()
            ? agreements.debts(agreementId).stream().map(JoinedDebt::debtId).toList()
            : returned;
    pending.forEach(debtId -> returnToCollection(debtId, agreementId));
  }

  /** Closes the agreement and settles or reopens each debt; returns the debts reopened. */
  private List<String> breakLocked(String agreementId, int lateInstallment) {
    List<JoinedDebt> joined = parties.lockJoined(agreementId);
    Stored agreement =
        agreements.lock(agreementId).orElseThrow(() -> AgreementDebts.notFound(agreementId));
    if (!agreement.active()) {
      return List.of();
    }
    Instant now = clock.instant();
    StoredInstallment late =
        agreements.installments(agreementId).stream()
            .filter(i -> i.number() == lateInstallment)
            .findFirst()
            .orElseThrow();
    long paid = agreements.paidCents(agreementId);
    agreements.close(agreementId, BROKEN, now);
    String detail = AgreementTimeline.broken(agreementId, late, paid, agreement.totalCents());
    List<String> toCollection = new ArrayList<>();
    long rest = paid;
    for (JoinedDebt debt : joined) {
      long applied = Math.min(rest, debt.balanceCents());
      rest -= applied;
      long remaining = debt.balanceCents() - applied;
      debts.addEvent(debt.debtId(), DebtEventType.AGREEMENT_BROKEN, detail, now);
      if (remaining == 0) {
        lifecycle.settleByAgreement(
            debt.debtId(), "pelos pagamentos do acordo " + agreementId, now);
      } else {
        lifecycle.returnToCollection(
            debt.debtId(),
            remaining,
            "Saldo de "
                + Money.toReais(remaining)
                + " volta à cobrança (o desconto do acordo se perde)",
            now);
        toCollection.add(debt.debtId());
      }
    }
    log.info("Agreement {} broken on installment {}", agreementId, lateInstallment);
    return toCollection;
  }

  /**
   * A new dunning journey for the debt, once: its steps already past are skipped, and it is
   * recorded and told where the debt stands as any journey's start ({@link
   * JourneyStarts#recordStarted}).
   */
  private void returnToCollection(String debtId, String agreementId) {
    tx.executeWithoutResult(
        status -> {
          Debt debt = debts.lock(debtId).orElseThrow();
          if (debt.processInstanceKey() != null || !debt.status().isOpen()) {
            return;
          }
          Journeys.Started journey = journeys.begin(debt.journeyStart(LocalDate.now(clock)));
          starts.recordStarted(
              debt,
              journey,
              "instância "
                  + journey.processInstanceKey()
                  + " (acordo "
                  + agreementId
                  + " rompido)");
        });
  }
}
