package br.com.regua.negativation;

import br.com.regua.brazil.BusinessDays;
import br.com.regua.creditor.CreditorProperties;
import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtLifecycle;
import br.com.regua.debt.DebtRepository;
import br.com.regua.debt.DebtStatus;
import br.com.regua.hold.HoldService;
import br.com.regua.money.Money;
import br.com.regua.negativation.CreditBureauClient.BureauNegativation;
import br.com.regua.negativation.CreditBureauClient.BureauStatus;
import br.com.regua.negativation.CreditBureauClient.NegativationRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reports debts to the credit bureau and has them removed once they are settled.
 *
 * <p>Each operation runs under the debt's row lock, the bureau call included. A payment, promise or
 * dispute that arrives meanwhile waits for the call (at most the bureau's timeouts) and then finds
 * the debt NEGATIVATED, so the journey goes on to remove it: a debt is never reported after its
 * payment was acknowledged. The {@code negativation} table makes a redelivered job a no-op, and the
 * bureau's Idempotency-Key covers a call whose answer was lost before we could store it.
 */
@Service
public class NegativationService {

  private static final Logger log = LoggerFactory.getLogger(NegativationService.class);

  /**
   * STJ Súmula 548: the creditor has the negativation removed within five business days of the full
   * payment.
   */
  public static final int REMOVAL_BUSINESS_DAYS = 5;

  private static final DateTimeFormatter BR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final DebtRepository debts;
  private final DebtLifecycle lifecycle;
  private final NegativationRepository negativations;
  private final CreditBureauClient bureau;
  private final CreditorProperties creditor;
  private final BusinessDays businessDays;
  private final NoticeProofs noticeProofs;
  private final HoldService holds;
  private final TransactionTemplate tx;
  private final Clock clock;

  NegativationService(
      DebtRepository debts,
      DebtLifecycle lifecycle,
      NegativationRepository negativations,
      CreditBureauClient bureau,
      CreditorProperties creditor,
      BusinessDays businessDays,
      NoticeProofs noticeProofs,
      HoldService holds,
      TransactionTemplate tx,
      Clock clock) {
    this.holds = holds;
    this.debts = debts;
    this.lifecycle = lifecycle;
    this.negativations = negativations;
    this.bureau = bureau;
    this.creditor = creditor;
    this.businessDays = businessDays;
    this.noticeProofs = noticeProofs;
    this.tx = tx;
    this.clock = clock;
  }

  /** What {@link #negativate} did. */
  public enum Outcome {
    NEGATIVATED,
    /** Negativated before: a redelivered job, nothing sent. */
    ALREADY_NEGATIVATED,
    /** Not negativated; the timeline says why. */
    SKIPPED
  }

  /**
   * Reports the debt if it is still open and unpaid with no promise, agreement or dispute pending:
   * status ACTIVE with an open balance. Otherwise records in the timeline why it was not reported.
   *
   * @throws CreditBureauException when the bureau did not negativate it; nothing is stored
   */
  public Outcome negativate(String debtId) {
    return tx.execute(
        status -> {
          Debt debt = lock(debtId);
          // a hold is placed under the debtor's lock: a negativation either precedes it or sees it
          debts.lockDebtor(debt.debtor().document());
          Instant now = clock.instant();
          Optional<Negativation> existing = negativations.find(debtId);
          if (existing.isPresent() && existing.get().status() != NegativationStatus.REMOVED) {
            log.info("Debt {} already negativated; redelivered job ignored", debtId);
            return Outcome.ALREADY_NEGATIVATED;
          }
          Optional<String> reason =
              existing.isPresent()
                  // one negativation per debt: the bureau's Idempotency-Key is the debt id
                  ? Optional.of(
                      "negativação " + existing.get().protocol() + " já removida; não se repete")
                  : reasonNotToNegativate(debt)
                      .or(() -> heldReason(debt))
                      .or(
                          () ->
                              noticeProofs.isProven(debtId)
                                  ? Optional.empty()
                                  : Optional.of(
                                      "sem aviso prévio comprovado: nem carta postada, nem"
                                          + " confirmação de entrega (CDC art. 43 §2º; STJ Tema"
                                          + " 1.315)"));
          if (reason.isPresent()) {
            debts.addEvent(debtId, DebtEventType.NEGATIVATION_SKIPPED, reason.get(), now);
            log.info("Debt {} not negativated: {}", debtId, reason.get());
            return Outcome.SKIPPED;
          }
          BureauNegativation answer =
              bureau.negativate(
                  new NegativationRequest(
                      debtId,
                      debt.debtor().document(),
                      debt.debtor().name(),
                      Money.toDecimal(debt.openBalanceCents()),
                      debt.dueDate(),
                      creditor.name(),
                      creditor.document()));
          negativations.insert(debtId, answer.protocol(), now);
          lifecycle.move(
              debt,
              DebtStatus.NEGATIVATED,
              DebtEventType.NEGATIVATED,
              "Protocolo "
                  + answer.protocol()
                  + "; valor negativado "
                  + Money.toReais(debt.openBalanceCents()),
              now);
          log.info("Debt {} negativated, protocol {}", debtId, answer.protocol());
          return Outcome.NEGATIVATED;
        });
  }

  /**
   * Asks the bureau to remove the debt's negativation and records the legal deadline: {@value
   * #REMOVAL_BUSINESS_DAYS} business days after the payment that settled the debt, or after today
   * when the debt ends another way (cancelled, renegotiated). Asking again returns the same
   * deadline without calling the bureau.
   *
   * @return the deadline, or empty when the debt has no negativation to remove
   * @throws CreditBureauException when the bureau did not take the request; nothing is stored
   */
  public Optional<LocalDate> requestRemoval(String debtId) {
    return tx.execute(
        status -> {
          Debt debt = lock(debtId);
          Optional<Negativation> found = negativations.find(debtId);
          if (found.isEmpty()) {
            return Optional.empty();
          }
          Negativation negativation = found.get();
          if (negativation.status() != NegativationStatus.NEGATIVATED) {
            log.info("Removal for debt {} already requested; redelivered job ignored", debtId);
            return Optional.ofNullable(negativation.removalDeadline());
          }
          Instant now = clock.instant();
          Optional<Instant> paidAt =
              debt.status() == DebtStatus.PAID ? debts.lastPaymentAt(debtId) : Optional.empty();
          LocalDate from = LocalDate.ofInstant(paidAt.orElse(now), clock.getZone());
          LocalDate deadline = businessDays.plusBusinessDays(from, REMOVAL_BUSINESS_DAYS);

          BureauNegativation answer = bureau.requestRemoval(negativation.protocol(), debtId);
          negativations.markRemovalRequested(debtId, now, deadline);
          debts.addEvent(
              debtId,
              DebtEventType.DENEGATIVATION_REQUESTED,
              "Protocolo %s; prazo legal %s (%d dias úteis após %s em %s)"
                  .formatted(
                      negativation.protocol(),
                      deadline.format(BR_DATE),
                      REMOVAL_BUSINESS_DAYS,
                      paidAt.isPresent() ? "o pagamento" : "o pedido",
                      from.format(BR_DATE)),
              now);
          if (answer.status() == BureauStatus.REMOVED) {
            recordRemoved(debtId, negativation.protocol(), deadline, now);
          }
          return Optional.of(deadline);
        });
  }

  /**
   * Asks the bureau whether the requested removal is done, and records it when it is.
   *
   * @throws IllegalStateException when no removal was requested for the debt: a modelling error
   * @throws CreditBureauException when the bureau did not answer
   */
  public boolean confirmRemoval(String debtId) {
    return tx.execute(
        status -> {
          lock(debtId);
          Negativation negativation =
              negativations
                  .find(debtId)
                  .filter(n -> n.status() != NegativationStatus.NEGATIVATED)
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              "no removal of a negativation was requested for debt " + debtId));
          if (negativation.status() == NegativationStatus.REMOVED) {
            return true;
          }
          BureauStatus atBureau = bureau.status(negativation.protocol()).status();
          if (atBureau != BureauStatus.REMOVED) {
            if (atBureau == BureauStatus.ACTIVE) {
              log.warn(
                  "Bureau shows negativation {} of debt {} active after our removal request",
                  negativation.protocol(),
                  debtId);
            }
            return false;
          }
          recordRemoved(
              debtId, negativation.protocol(), negativation.removalDeadline(), clock.instant());
          return true;
        });
  }

  private void recordRemoved(String debtId, String protocol, LocalDate deadline, Instant now) {
    negativations.markRemoved(debtId, now);
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    debts.addEvent(
        debtId,
        DebtEventType.DENEGATIVATED,
        "Protocolo %s removido em %s, %s do prazo legal (%s)"
            .formatted(
                protocol,
                today.format(BR_DATE),
                today.isAfter(deadline) ? "fora" : "dentro",
                deadline.format(BR_DATE)),
        now);
    log.info("Negativation {} of debt {} removed", protocol, debtId);
  }

  /**
   * The model waits on {@code debtor-hold-gate} before the negativation; a hold placed after the
   * gate opened is caught here (the debt is then not negativated, as for any other reason).
   */
  private Optional<String> heldReason(Debt debt) {
    return holds.standing(debt.debtor().document()).stream()
        .findFirst()
        .map(hold -> "devedor com suspensão (held): " + hold.describe());
  }

  /** Why the debt must not be reported now, in the timeline's words; empty when it may. */
  private static Optional<String> reasonNotToNegativate(Debt debt) {
    String reason =
        switch (debt.status()) {
          case ACTIVE -> debt.openBalanceCents() == 0 ? "nada em aberto" : null;
          case PROMISED -> "promessa de pagamento pendente";
          case DISPUTED -> "dívida em contestação";
          case RENEGOTIATED -> "acordo de renegociação assinado";
          case PAID -> "dívida paga";
          case NEGATIVATED -> "dívida já consta como negativada";
          default -> "dívida encerrada (" + debt.status() + ")";
        };
    return Optional.ofNullable(reason);
  }

  private Debt lock(String debtId) {
    return debts
        .lock(debtId)
        .orElseThrow(() -> new IllegalStateException("unknown debt " + debtId));
  }
}
