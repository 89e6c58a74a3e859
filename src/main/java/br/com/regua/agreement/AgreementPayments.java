package br.com.regua.agreement;

import br.com.regua.agreement.AgreementRepository.JoinedDebt;
import br.com.regua.agreement.AgreementRepository.Stored;
import br.com.regua.agreement.AgreementRepository.StoredInstallment;
import br.com.regua.agreement.AgreementRepository.StoredPayment;
import br.com.regua.api.ConflictException;
import br.com.regua.api.RuleViolationException;
import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtLifecycle;
import br.com.regua.debt.DebtRepository;
import br.com.regua.engine.JourneyModel;
import br.com.regua.engine.Journeys;
import br.com.regua.money.Money;
import br.com.regua.payment.AgreementRail;
import br.com.regua.payment.PaymentRequest;
import br.com.regua.payment.Reconciliation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payments to an agreement: each goes to the installments in order; the one that completes the last
 * installment fulfils the agreement ({@link AgreementFulfilment}). Like a payment to a debt ({@code
 * PaymentService}), it takes effect under the joined debts' row locks, and the agreement's journey
 * hears of each paid installment through the outbox, in the same transaction.
 */
@Service
public class AgreementPayments {

  private final DebtRepository debts;
  private final DebtLifecycle lifecycle;
  private final AgreementRepository agreements;
  private final AgreementDebts parties;
  private final AgreementFulfilment fulfilment;
  private final AgreementViews views;
  private final Journeys journeys;
  private final TransactionTemplate tx;
  private final Clock clock;

  AgreementPayments(
      DebtRepository debts,
      DebtLifecycle lifecycle,
      AgreementRepository agreements,
      AgreementDebts parties,
      AgreementFulfilment fulfilment,
      AgreementViews views,
      Journeys journeys,
      TransactionTemplate tx,
      Clock clock) {
    this.debts = debts;
    this.lifecycle = lifecycle;
    this.agreements = agreements;
    this.parties = parties;
    this.fulfilment = fulfilment;
    this.views = views;
    this.journeys = journeys;
    this.tx = tx;
    this.clock = clock;
  }

  public record PaymentOutcome(AgreementView agreement, boolean created) {}

  /**
   * Applies a payment to the agreement's installments in order, once per {@code paymentId}; the
   * payment that completes the last installment fulfils the agreement.
   */
  public PaymentOutcome pay(String agreementId, PaymentRequest request) {
    request.checkMadeBy(clock.instant());
    long cents = Money.parseCents(request.amount());
    Instant paidAt = request.paidAt().toInstant();
    boolean created =
        tx.execute(
            status -> {
              boolean applied = apply(agreementId, request.paymentId(), cents, paidAt);
              announcePaidInstallments(agreementId);
              return applied;
            });
    return new PaymentOutcome(views.view(agreementId), created);
  }

  /**
   * A payment a rail reported for the agreement (a Pix of its BR Code), in the caller's
   * transaction: applied up to what is still owed, the rest left for the caller to refund; a repeat
   * changes nothing; an agreement no longer active takes nothing.
   */
  AgreementRail.Taken takeFromRail(String agreementId, Reconciliation.Incoming payment) {
    Stored agreement =
        agreements.find(agreementId).orElseThrow(() -> AgreementDebts.notFound(agreementId));
    if (agreements.findPayment(payment.paymentId()).isPresent()) {
      return new AgreementRail.Taken(agreementId, agreement.debtId(), true, false, 0);
    }
    if (!agreement.active() || agreement.totalCents() == null) {
      return new AgreementRail.Taken(agreementId, agreement.debtId(), false, true, 0);
    }
    long open = agreement.totalCents() - agreements.paidCents(agreementId);
    long taken = Math.min(open, payment.cents());
    if (taken > 0) {
      apply(agreementId, payment.paymentId(), taken, payment.paidAt());
      announcePaidInstallments(agreementId);
    }
    return new AgreementRail.Taken(
        agreementId, agreement.debtId(), false, false, payment.cents() - taken);
  }

  /**
   * Tells each paid installment's journey; a repeat announces again: the outbox publishes what is
   * still pending, once.
   */
  private void announcePaidInstallments(String agreementId) {
    for (StoredInstallment installment : agreements.installments(agreementId)) {
      if (installment.openCents() == 0) {
        String key = installmentKey(agreementId, installment.number());
        journeys.publish(
            JourneyModel.AGREEMENT_INSTALLMENT_PAID, key, "installment:" + key, Map.of());
      }
    }
  }

  /** The correlation key of an installment's payment: {@code <agreementId>#<number>}. */
  public static String installmentKey(String agreementId, int number) {
    return agreementId + "#" + number;
  }

  /** Whether the installment is paid in full (the journey skips its régua then). */
  boolean installmentPaid(String agreementId, int number) {
    return agreements.installments(agreementId).stream()
        .filter(i -> i.number() == number)
        .findFirst()
        .map(i -> i.openCents() == 0)
        .orElseThrow(
            () -> new IllegalStateException("no installment " + number + " in " + agreementId));
  }

  /** Stores the payment and pays installments with it; false when it was received before. */
  private boolean apply(String agreementId, String paymentId, long cents, Instant paidAt) {
    Stored found =
        agreements.find(agreementId).orElseThrow(() -> AgreementDebts.notFound(agreementId));
    List<JoinedDebt> joined = parties.lockJoined(agreementId);
    Stored agreement = agreements.lock(agreementId).orElseThrow();
    Optional<StoredPayment> existing = agreements.findPayment(paymentId);
    if (existing.isPresent()) {
      StoredPayment stored = existing.get();
      if (!stored.agreementId().equals(agreementId)
          || stored.amountCents() != cents
          || !stored.paidAt().equals(paidAt)) {
        throw new ConflictException(
            "paymentId", "payment " + paymentId + " was already received with other content");
      }
      return false;
    }
    if (!agreement.active()) {
      throw new ConflictException(
          "agreementId",
          "agreement " + agreementId + " is " + found.status() + ": it takes no payment");
    }
    long open = agreement.totalCents() - agreements.paidCents(agreementId);
    if (cents > open) {
      throw new RuleViolationException(
          "amount",
          "exceeds what is still owed under agreement "
              + agreementId
              + ": "
              + Money.toDecimal(open));
    }
    Instant now = clock.instant();
    agreements.insertPayment(new StoredPayment(paymentId, agreementId, cents, paidAt), now);
    List<StoredInstallment> installments = agreements.installments(agreementId);
    List<Integer> paidInFull = payInstallments(agreementId, installments, cents, paidAt);
    String detail =
        AgreementTimeline.paid(
            paymentId, cents, agreementId, paidInFull, installments.size(), open - cents);
    for (JoinedDebt debt : joined) {
      debts.addEvent(debt.debtId(), DebtEventType.AGREEMENT_PAYMENT_RECEIVED, detail, now);
    }
    creditDebts(joined, agreement.totalCents() - open + cents, now);
    if (open == cents) {
      fulfilment.fulfilLocked(agreementId, joined, now);
    }
    return true;
  }

  /**
   * What the agreement received so far lowers the debts' open balances, in their order, as a broken
   * agreement would count it ({@link AgreementBreaking}): the first debt's balance at signing
   * first, then the next. The fine and interest the agreement adds are owed to the agreement, not
   * to a debt, so a balance never goes below zero.
   */
  private void creditDebts(List<JoinedDebt> joined, long paidCents, Instant now) {
    long rest = paidCents;
    for (JoinedDebt debt : joined) {
      long applied = Math.min(rest, debt.balanceCents());
      rest -= applied;
      lifecycle.creditAgreementPayment(debt.debtId(), debt.balanceCents() - applied, now);
    }
  }

  /** Pays the installments in order with the amount; returns those it completed. */
  private List<Integer> payInstallments(
      String agreementId, List<StoredInstallment> installments, long cents, Instant paidAt) {
    List<Integer> paidInFull = new ArrayList<>();
    long rest = cents;
    for (StoredInstallment installment : installments) {
      if (rest == 0) {
        break;
      }
      long take = Math.min(rest, installment.openCents());
      if (take == 0) {
        continue;
      }
      rest -= take;
      boolean full = take == installment.openCents();
      agreements.payInstallment(
          agreementId, installment.number(), installment.paidCents() + take, full ? paidAt : null);
      if (full) {
        paidInFull.add(installment.number());
      }
    }
    return paidInFull;
  }
}
