package br.com.regua.agreement;

import br.com.regua.agreement.AgreementRepository.JoinedDebt;
import br.com.regua.agreement.AgreementRepository.Stored;
import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtLifecycle;
import br.com.regua.debt.DebtRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every installment paid: the agreement ends {@code FULFILLED} and its debts {@code PAID}. The
 * payment that pays the last installment does it in its own transaction; the journey's {@code
 * fulfil-agreement} task makes sure of it.
 */
@Service
public class AgreementFulfilment {

  private static final Logger log = LoggerFactory.getLogger(AgreementFulfilment.class);
  static final String FULFILLED = "FULFILLED";

  private final DebtRepository debts;
  private final DebtLifecycle lifecycle;
  private final AgreementRepository agreements;
  private final AgreementDebts parties;
  private final TransactionTemplate tx;
  private final Clock clock;

  AgreementFulfilment(
      DebtRepository debts,
      DebtLifecycle lifecycle,
      AgreementRepository agreements,
      AgreementDebts parties,
      TransactionTemplate tx,
      Clock clock) {
    this.debts = debts;
    this.lifecycle = lifecycle;
    this.agreements = agreements;
    this.parties = parties;
    this.tx = tx;
    this.clock = clock;
  }

  /** Every installment paid: FULFILLED and the debts PAID. Idempotent. */
  void fulfil(String agreementId) {
    tx.executeWithoutResult(
        status -> {
          List<JoinedDebt> joined = parties.lockJoined(agreementId);
          Stored agreement =
              agreements.lock(agreementId).orElseThrow(() -> AgreementDebts.notFound(agreementId));
          if (!agreement.active()) {
            return;
          }
          long open = agreement.totalCents() - agreements.paidCents(agreementId);
          if (open != 0) {
            throw new IllegalStateException(
                "agreement " + agreementId + " still owes " + open + " cents: not fulfilled");
          }
          fulfilLocked(agreementId, joined, clock.instant());
        });
  }

  /** Fulfils the agreement; the caller's transaction holds the locks of its debts and its row. */
  void fulfilLocked(String agreementId, List<JoinedDebt> joined, Instant now) {
    agreements.close(agreementId, FULFILLED, now);
    for (JoinedDebt debt : joined) {
      debts.addEvent(
          debt.debtId(),
          DebtEventType.AGREEMENT_FULFILLED,
          "Acordo " + agreementId + " cumprido: todas as parcelas pagas",
          now);
      lifecycle.settleByAgreement(debt.debtId(), "pela via do acordo " + agreementId, now);
    }
    log.info("Agreement {} fulfilled", agreementId);
  }
}
