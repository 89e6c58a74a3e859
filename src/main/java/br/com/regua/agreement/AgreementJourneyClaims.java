package br.com.regua.agreement;

import br.com.regua.agreement.AgreementRepository.Stored;
import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtRepository;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One journey per agreement, as {@code journey/JourneyClaims} keeps one per debt: {@code
 * AgreementSigning.startJourney} locks the agreement's row, creates the journey and stores its key
 * in one transaction, and a signing repeated after a starter died between the engine and its commit
 * starts another. Each agreement journey claims its agreement first ({@code claim-agreement}, the
 * process's start listener) under the same row lock, which waits for a starter still between the
 * engine and its commit: its own key, it goes on; no key (the starter died), it takes the
 * agreement; another journey's key, it ends before its first installment.
 */
@Component
class AgreementJourneyClaims {

  private static final Logger log = LoggerFactory.getLogger(AgreementJourneyClaims.class);

  private final AgreementRepository agreements;
  private final DebtRepository debts;
  private final TransactionTemplate tx;
  private final Clock clock;

  AgreementJourneyClaims(
      AgreementRepository agreements, DebtRepository debts, TransactionTemplate tx, Clock clock) {
    this.agreements = agreements;
    this.debts = debts;
    this.tx = tx;
    this.clock = clock;
  }

  /** Whether the journey holds the agreement now; {@code false}: it is to end. Idempotent. */
  boolean claim(String agreementId, long key) {
    Boolean held =
        tx.execute(
            s -> {
              Stored agreement = agreements.lock(agreementId).orElseThrow();
              Long holder = agreement.processInstanceKey();
              if (holder != null && holder == key) {
                return true;
              }
              if (holder == null && agreement.active()) {
                agreements.setProcessInstanceKey(agreementId, key);
                log.warn(
                    "Agreement journey {} claimed agreement {}: its starter did not store it",
                    key,
                    agreementId);
                return true;
              }
              debts.addEvent(
                  agreement.debtId(),
                  DebtEventType.JOURNEY_DUPLICATE_ENDED,
                  "instância "
                      + key
                      + " do acordo "
                      + agreementId
                      + " encerrada ao iniciar: "
                      + (holder == null
                          ? "o acordo já não está ativo"
                          : "a jornada do acordo é a instância " + holder),
                  clock.instant());
              log.warn(
                  "Agreement journey {} of {} ended at its start: held by {}",
                  key,
                  agreementId,
                  holder);
              return false;
            });
    return Boolean.TRUE.equals(held);
  }
}
