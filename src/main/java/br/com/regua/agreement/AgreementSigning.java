package br.com.regua.agreement;

import br.com.regua.agreement.AgreementRepository.JoinedDebt;
import br.com.regua.agreement.AgreementRepository.Stored;
import br.com.regua.api.ConflictException;
import br.com.regua.api.RuleViolationException;
import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtLifecycle;
import br.com.regua.debt.DebtRepository;
import br.com.regua.debt.DebtStatus;
import br.com.regua.engine.JourneyModel;
import br.com.regua.engine.Journeys;
import br.com.regua.money.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs an agreement: an accepted offer or an agent's deal joins one or more debts of one debtor.
 * It takes effect in PostgreSQL first, under the joined debts' row locks; in the same transaction
 * each debt's dunning journey is told {@code agreement-signed} (it ends {@code RENEGOTIATED}),
 * through the outbox, so a crash after the commit loses no message. Then the agreement's own
 * journey ({@code agreement-journey}) starts and runs the installments' régua.
 */
@Service
public class AgreementSigning {

  private static final Logger log = LoggerFactory.getLogger(AgreementSigning.class);

  private final DebtRepository debts;
  private final DebtLifecycle lifecycle;
  private final AgreementRepository agreements;
  private final AgreementDebts parties;
  private final OfferCalculator calculator;
  private final HeldDebtorTerms held;
  private final AgreementViews views;
  private final Journeys journeys;
  private final TransactionTemplate tx;
  private final Clock clock;

  AgreementSigning(
      DebtRepository debts,
      DebtLifecycle lifecycle,
      AgreementRepository agreements,
      AgreementDebts parties,
      OfferCalculator calculator,
      AgreementViews views,
      Journeys journeys,
      TransactionTemplate tx,
      Clock clock,
      HeldDebtorTerms held) {
    this.held = held;
    this.debts = debts;
    this.lifecycle = lifecycle;
    this.agreements = agreements;
    this.parties = parties;
    this.calculator = calculator;
    this.views = views;
    this.journeys = journeys;
    this.tx = tx;
    this.clock = clock;
  }

  public record Outcome(AgreementView agreement, boolean created) {}

  /**
   * Records the agreement once per id (201, then 200 for the same request; 409 for the same id with
   * other content), ends the joined debts' journeys and starts the agreement's.
   */
  public Outcome sign(String debtId, AgreementRequest request) {
    return sign(debtId, request, null);
  }

  /**
   * {@link #sign(String, AgreementRequest)} from a named channel (e.g. {@code PORTAL}), which the
   * timeline shows; null for the API and the agents.
   */
  public Outcome sign(String debtId, AgreementRequest request, String via) {
    request.checkShape();
    List<String> ids = AgreementDebts.debtIds(debtId, request.joinDebtIds());
    boolean created =
        tx.execute(
            status -> {
              boolean stored = store(debtId, ids, request, via);
              // a repeat announces again: the outbox publishes what is still pending, once
              for (String id : ids) {
                journeys.publish(
                    JourneyModel.AGREEMENT_SIGNED,
                    id,
                    "agreement:" + request.agreementId(),
                    Map.of(JourneyModel.AGREEMENT_ID, request.agreementId()));
              }
              return stored;
            });
    startJourney(request.agreementId());
    return new Outcome(views.view(request.agreementId()), created);
  }

  /** An agent's deal from the negotiation task, for {@link SignAgentDealWorker}. */
  Outcome signDeal(String debtId, String agreementId, AgreementRequest.Deal deal) {
    return sign(debtId, new AgreementRequest(agreementId, null, deal, List.of(), null, null));
  }

  /** Stores a new agreement and renegotiates its debts; false when it was signed before. */
  private boolean store(String debtId, List<String> ids, AgreementRequest request, String via) {
    String fingerprint = request.fingerprint(ids);
    List<Debt> locked = parties.lockAll(ids);
    Optional<Stored> existing = agreements.lock(request.agreementId());
    if (existing.isPresent()) {
      if (!fingerprint.equals(existing.get().fingerprint())) {
        throw new ConflictException(
            "agreementId",
            "agreement " + request.agreementId() + " was already signed with other content");
      }
      return false;
    }
    List<Debt> joined = AgreementDebts.checkNegotiable(locked, ids, "joinDebtIds", true);
    boolean offer = request.offerId() != null;
    AgreementTerms terms =
        offer ? offered(debtId, joined, request.offerId()) : dealt(joined, request);
    String source = offer ? "OFFER" : "AGENT";
    Instant now = clock.instant();
    agreements.insert(
        request.agreementId(),
        joined.getFirst().debtor().document(),
        source,
        request.offerId(),
        request.deal() == null ? null : request.deal().agent(),
        terms,
        request.signedAt() == null ? now : request.signedAt().toInstant(),
        fingerprint,
        ids,
        joined.stream().map(Debt::openBalanceCents).toList());
    String detail =
        AgreementTimeline.signed(request.agreementId(), source, terms, ids)
            + (via == null ? "" : " (" + via + ")");
    for (Debt debt : joined) {
      debts.addEvent(debt.debtId(), DebtEventType.AGREEMENT_SIGNED, detail, now);
      lifecycle.close(debt.debtId(), DebtStatus.RENEGOTIATED, null, now);
    }
    return true;
  }

  /** The offer's terms, recomputed now: an offer whose day or balances changed is not found. */
  private AgreementTerms offered(String debtId, List<Debt> joined, String offerId) {
    Optional<Long> cap = held.installmentCap(joined);
    return calculator.quote(joined, LocalDate.now(clock)).offers().stream()
        .filter(offer -> HeldDebtorTerms.within(offer.terms(), cap))
        .filter(offer -> offer.offerId().equals(offerId))
        .findFirst()
        .orElseThrow(
            () ->
                new RuleViolationException(
                    "offerId",
                    "no offer "
                        + offerId
                        + " for these debts now: offers last until the end of"
                        + " their day and change with the balance; ask GET"
                        + " /api/debts/"
                        + debtId
                        + "/offers again"))
        .terms();
  }

  private AgreementTerms dealt(List<Debt> joined, AgreementRequest request) {
    Optional<Long> cap = held.installmentCap(joined);
    AgreementTerms terms = calculator.deal(joined, request.deal(), LocalDate.now(clock));
    HeldDebtorTerms.requireWithin(terms, cap);
    return terms;
  }

  /** Starts the agreement's journey once, under its row lock; heals a start that failed before. */
  private void startJourney(String agreementId) {
    tx.executeWithoutResult(
        status -> {
          Stored agreement = agreements.lock(agreementId).orElseThrow();
          if (agreement.processInstanceKey() != null || !agreement.active()) {
            return;
          }
          List<String> ids =
              agreements.debts(agreementId).stream().map(JoinedDebt::debtId).toList();
          List<Journeys.InstallmentVariable> installments =
              agreements.installments(agreementId).stream()
                  .map(
                      i ->
                          new Journeys.InstallmentVariable(
                              i.number(), i.dueDate().toString(), Money.toDecimal(i.amountCents())))
                  .toList();
          long key = journeys.startAgreement(agreementId, ids.getFirst(), ids, installments);
          agreements.setProcessInstanceKey(agreementId, key);
          log.info("Agreement journey {} started for agreement {}", key, agreementId);
        });
  }
}
