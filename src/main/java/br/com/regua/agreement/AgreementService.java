package br.com.regua.agreement;

import br.com.regua.agreement.AgreementRepository.JoinedDebt;
import br.com.regua.agreement.AgreementRepository.Stored;
import br.com.regua.agreement.AgreementRepository.StoredInstallment;
import br.com.regua.agreement.AgreementRepository.StoredPayment;
import br.com.regua.api.ConflictException;
import br.com.regua.api.InvalidFieldException;
import br.com.regua.api.NotFoundException;
import br.com.regua.api.RuleViolationException;
import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtRepository;
import br.com.regua.debt.DebtStatus;
import br.com.regua.engine.JourneyModel;
import br.com.regua.engine.Journeys;
import br.com.regua.money.Money;
import br.com.regua.payment.PaymentRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Agreements (acordos): the offers a debtor may take, an accepted offer or an agent's deal joining
 * one or more debts of one debtor, payments to it, and how it ends. Like a payment, everything
 * takes effect in PostgreSQL first, under the row locks of the joined debts (which the contact
 * policy takes too, so no reminder leaves after a payment is acknowledged), then the engine hears
 * of it: each debt's dunning journey ends {@code RENEGOTIATED} on {@code agreement-signed}, and the
 * agreement's own journey ({@code agreement-journey}) runs the installments' régua.
 *
 * <p>Money: the total is the joined balances plus late charges less the discount ({@link
 * AgreementTerms}); payments go to the installments in order; the last one paid makes the agreement
 * {@code FULFILLED} and its debts {@code PAID}. A broken agreement returns to each debt what is
 * still owed on it (its balance at signing less the payments, which go to the debts in order; the
 * agreement's discount is lost) and a new dunning journey takes it from the stage its age calls
 * for.
 */
@Service
public class AgreementService {

  private static final Logger log = LoggerFactory.getLogger(AgreementService.class);
  private static final DateTimeFormatter BR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final String ACTIVE = "ACTIVE";
  static final String FULFILLED = "FULFILLED";
  static final String BROKEN = "BROKEN";

  private final DebtRepository debts;
  private final AgreementRepository agreements;
  private final OfferCalculator calculator;
  private final Journeys journeys;
  private final TransactionTemplate tx;
  private final Clock clock;

  AgreementService(
      DebtRepository debts,
      AgreementRepository agreements,
      OfferCalculator calculator,
      Journeys journeys,
      TransactionTemplate tx,
      Clock clock) {
    this.debts = debts;
    this.agreements = agreements;
    this.calculator = calculator;
    this.journeys = journeys;
    this.tx = tx;
    this.clock = clock;
  }

  public record Outcome(AgreementView agreement, boolean created) {}

  // ---------------------------------------------------------------- offers

  /** The offers for the debt and the debts joined to it, valid until the end of today. */
  public OffersView offers(String debtId, List<String> joinDebtIds) {
    List<String> ids = debtIds(debtId, joinDebtIds);
    LocalDate today = LocalDate.now(clock);
    OfferCalculator.Quote quote =
        tx.execute(status -> calculator.quote(negotiable(ids, "join", false), today));
    AgreementTerms charges = quote.charges();
    OffsetDateTime validUntil =
        today.plusDays(1).atStartOfDay(clock.getZone()).minusSeconds(1).toOffsetDateTime();
    return new OffersView(
        quote.debtIds(),
        Money.toDecimal(charges.principalCents()),
        Money.toDecimal(charges.fineCents()),
        Money.toDecimal(charges.interestCents()),
        Money.toDecimal(charges.updatedCents()),
        quote.maxDiscountPercent().stripTrailingZeros().toPlainString(),
        quote.maxInstallments(),
        validUntil,
        quote.offers().stream().map(AgreementService::offerView).toList());
  }

  private static OffersView.Offer offerView(OfferCalculator.Priced priced) {
    AgreementTerms terms = priced.terms();
    return new OffersView.Offer(
        priced.offerId(),
        priced.kind(),
        terms.installments().size(),
        priced.discountPercent().stripTrailingZeros().toPlainString(),
        Money.toDecimal(terms.discountCents()),
        Money.toDecimal(terms.totalCents()),
        terms.installments().getFirst().dueDate(),
        Money.toDecimal(terms.installments().getFirst().amountCents()),
        Money.toDecimal(terms.installments().getLast().amountCents()),
        terms.installments().stream()
            .map(
                i ->
                    new OffersView.ScheduledInstallment(
                        i.number(), i.dueDate(), Money.toDecimal(i.amountCents())))
            .toList());
  }

  // ---------------------------------------------------------------- signing

  /**
   * Records the agreement once per id (201, then 200 for the same request; 409 for the same id with
   * other content), ends the joined debts' journeys and starts the agreement's.
   */
  public Outcome sign(String debtId, AgreementRequest request) {
    checkShape(request);
    List<String> ids = debtIds(debtId, request.joinDebtIds());
    String fingerprint = fingerprint(ids, request);
    Instant signedAt = request.signedAt() == null ? null : request.signedAt().toInstant();
    boolean created =
        tx.execute(
            status -> {
              List<Debt> locked = lockAll(ids);
              Optional<Stored> existing = agreements.lock(request.agreementId());
              if (existing.isPresent()) {
                if (!fingerprint.equals(existing.get().fingerprint())) {
                  throw new ConflictException(
                      "agreementId",
                      "agreement "
                          + request.agreementId()
                          + " was already signed with other content");
                }
                return false;
              }
              List<Debt> parties = checkNegotiable(locked, ids, "joinDebtIds", true);
              LocalDate today = LocalDate.now(clock);
              AgreementTerms terms;
              String source;
              if (request.offerId() != null) {
                terms =
                    calculator.quote(parties, today).offers().stream()
                        .filter(offer -> offer.offerId().equals(request.offerId()))
                        .findFirst()
                        .orElseThrow(
                            () ->
                                new RuleViolationException(
                                    "offerId",
                                    "no offer "
                                        + request.offerId()
                                        + " for these debts now: offers last until the end of"
                                        + " their day and change with the balance; ask GET"
                                        + " /api/debts/"
                                        + debtId
                                        + "/offers again"))
                        .terms();
                source = "OFFER";
              } else {
                terms = calculator.deal(parties, request.deal(), today);
                source = "AGENT";
              }
              Instant now = clock.instant();
              agreements.insert(
                  request.agreementId(),
                  parties.getFirst().debtor().document(),
                  source,
                  request.offerId(),
                  request.deal() == null ? null : request.deal().agent(),
                  terms,
                  signedAt == null ? now : signedAt,
                  fingerprint,
                  ids,
                  parties.stream().map(Debt::openBalanceCents).toList());
              String detail = describe(request.agreementId(), source, terms, ids);
              for (Debt debt : parties) {
                debts.addEvent(debt.debtId(), DebtEventType.AGREEMENT_SIGNED, detail, now);
                debts.closeIfOpen(debt.debtId(), DebtStatus.RENEGOTIATED, now);
                debts.addEvent(debt.debtId(), DebtEventType.RENEGOTIATED, null, now);
              }
              return true;
            });
    for (String id : ids) {
      journeys.publish(
          JourneyModel.AGREEMENT_SIGNED,
          id,
          "agreement:" + request.agreementId(),
          Map.of(JourneyModel.AGREEMENT_ID, request.agreementId()));
    }
    startJourney(request.agreementId());
    return new Outcome(view(request.agreementId()), created);
  }

  /** An agent's deal from the negotiation task, for {@link SignAgentDealWorker}. */
  Outcome signDeal(String debtId, String agreementId, AgreementRequest.Deal deal) {
    return sign(debtId, new AgreementRequest(agreementId, null, deal, List.of(), null, null));
  }

  private static void checkShape(AgreementRequest request) {
    if (request.offerId() != null && request.deal() != null) {
      throw new InvalidFieldException("deal", "send either offerId or deal, not both");
    }
    if (request.offerId() == null && request.deal() == null) {
      throw new InvalidFieldException(
          "offerId",
          request.installments() != null
              ? "an installment count alone no longer makes an agreement: accept an offer of GET"
                  + " /api/debts/{debtId}/offers (offerId) or send an agent's deal (deal:"
                  + " installments, discountPercent, firstDueDate, agent)"
              : "send offerId (an offer of GET /api/debts/{debtId}/offers) or deal");
    }
  }

  private static String describe(
      String agreementId, String source, AgreementTerms terms, List<String> ids) {
    int count = terms.installments().size();
    StringBuilder detail =
        new StringBuilder("Acordo ")
            .append(agreementId)
            .append(source.equals("AGENT") ? " (negociado por agente)" : " (oferta aceita)")
            .append(": ")
            .append(Money.toReais(terms.totalCents()));
    if (count == 1) {
      detail.append(" à vista");
    } else {
      detail
          .append(" em ")
          .append(count)
          .append(" parcelas de ")
          .append(Money.toReais(terms.installments().getFirst().amountCents()));
    }
    detail
        .append(", 1º vencimento ")
        .append(BR_DATE.format(terms.installments().getFirst().dueDate()))
        .append("; saldo ")
        .append(Money.toReais(terms.principalCents()))
        .append(" + multa ")
        .append(Money.toReais(terms.fineCents()))
        .append(" + juros ")
        .append(Money.toReais(terms.interestCents()))
        .append(" - desconto ")
        .append(Money.toReais(terms.discountCents()));
    if (ids.size() > 1) {
      detail.append("; dívidas ").append(String.join(", ", ids));
    }
    return detail.toString();
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

  // ---------------------------------------------------------------- payments

  public record PaymentOutcome(AgreementView agreement, boolean created) {}

  /**
   * Applies a payment to the agreement's installments in order, once per {@code paymentId}; the
   * payment that completes the last installment fulfils the agreement.
   */
  public PaymentOutcome pay(String agreementId, PaymentRequest request) {
    long cents = Money.parseCents(request.amount());
    Instant paidAt = request.paidAt().toInstant();
    boolean created =
        tx.execute(
            status -> {
              Stored found = agreements.find(agreementId).orElseThrow(() -> notFound(agreementId));
              List<JoinedDebt> joined = agreements.debts(agreementId);
              lockAll(joined.stream().map(JoinedDebt::debtId).toList());
              Stored agreement = agreements.lock(agreementId).orElseThrow();
              Optional<StoredPayment> existing = agreements.findPayment(request.paymentId());
              if (existing.isPresent()) {
                StoredPayment stored = existing.get();
                if (!stored.agreementId().equals(agreementId)
                    || stored.amountCents() != cents
                    || !stored.paidAt().equals(paidAt)) {
                  throw new ConflictException(
                      "paymentId",
                      "payment "
                          + request.paymentId()
                          + " was already received with other content");
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
              agreements.insertPayment(
                  new StoredPayment(request.paymentId(), agreementId, cents, paidAt), now);
              List<Integer> paidInFull = new ArrayList<>();
              long rest = cents;
              List<StoredInstallment> installments = agreements.installments(agreementId);
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
                    agreementId,
                    installment.number(),
                    installment.paidCents() + take,
                    full ? paidAt : null);
                if (full) {
                  paidInFull.add(installment.number());
                }
              }
              String detail =
                  "Pagamento "
                      + request.paymentId()
                      + " de "
                      + Money.toReais(cents)
                      + " ao acordo "
                      + agreementId
                      + (paidInFull.isEmpty()
                          ? ""
                          : "; parcela(s) paga(s): "
                              + paidInFull.stream()
                                  .map(n -> n + "/" + installments.size())
                                  .reduce((a, b) -> a + ", " + b)
                                  .orElseThrow())
                      + "; saldo do acordo "
                      + Money.toReais(open - cents);
              for (JoinedDebt debt : joined) {
                debts.addEvent(
                    debt.debtId(), DebtEventType.AGREEMENT_PAYMENT_RECEIVED, detail, now);
              }
              if (open == cents) {
                fulfilLocked(agreementId, joined, now);
              }
              return true;
            });
    for (StoredInstallment installment : agreements.installments(agreementId)) {
      if (installment.openCents() == 0) {
        journeys.publish(
            JourneyModel.AGREEMENT_INSTALLMENT_PAID,
            installmentKey(agreementId, installment.number()),
            "installment:" + installmentKey(agreementId, installment.number()),
            Map.of());
      }
    }
    return new PaymentOutcome(view(agreementId), created);
  }

  /** The correlation key of an installment's payment: {@code <agreementId>#<number>}. */
  public static String installmentKey(String agreementId, int number) {
    return agreementId + "#" + number;
  }

  // ---------------------------------------------------------------- the journey's tasks

  /** Whether the installment is paid in full (the journey skips its régua then). */
  boolean installmentPaid(String agreementId, int number) {
    return agreements.installments(agreementId).stream()
        .filter(i -> i.number() == number)
        .findFirst()
        .map(i -> i.openCents() == 0)
        .orElseThrow(
            () -> new IllegalStateException("no installment " + number + " in " + agreementId));
  }

  /** Every installment paid: FULFILLED and the debts PAID. Idempotent. */
  void fulfil(String agreementId) {
    tx.executeWithoutResult(
        status -> {
          List<JoinedDebt> joined = agreements.debts(agreementId);
          lockAll(joined.stream().map(JoinedDebt::debtId).toList());
          Stored agreement = agreements.lock(agreementId).orElseThrow(() -> notFound(agreementId));
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

  private void fulfilLocked(String agreementId, List<JoinedDebt> joined, Instant now) {
    agreements.close(agreementId, FULFILLED, now);
    for (JoinedDebt debt : joined) {
      debts.settleByAgreement(debt.debtId(), now);
      debts.addEvent(
          debt.debtId(),
          DebtEventType.AGREEMENT_FULFILLED,
          "Acordo " + agreementId + " cumprido: todas as parcelas pagas",
          now);
      debts.addEvent(debt.debtId(), DebtEventType.PAID, "pela via do acordo " + agreementId, now);
    }
    log.info("Agreement {} fulfilled", agreementId);
  }

  /**
   * The installment is late beyond the model's limit: the agreement ends {@code BROKEN}; what is
   * still owed on each debt returns to collection in a new dunning journey. Idempotent.
   */
  void breakAgreement(String agreementId, int lateInstallment) {
    List<String> returned =
        tx.execute(
            status -> {
              List<JoinedDebt> joined = agreements.debts(agreementId);
              lockAll(joined.stream().map(JoinedDebt::debtId).toList());
              Stored agreement =
                  agreements.lock(agreementId).orElseThrow(() -> notFound(agreementId));
              if (!agreement.active()) {
                return List.<String>of();
              }
              Instant now = clock.instant();
              StoredInstallment late =
                  agreements.installments(agreementId).stream()
                      .filter(i -> i.number() == lateInstallment)
                      .findFirst()
                      .orElseThrow();
              long paid = agreements.paidCents(agreementId);
              agreements.close(agreementId, BROKEN, now);
              String detail =
                  "Acordo "
                      + agreementId
                      + " rompido: parcela "
                      + lateInstallment
                      + " de "
                      + Money.toReais(late.openCents())
                      + " vencida em "
                      + BR_DATE.format(late.dueDate())
                      + " sem pagamento; pago "
                      + Money.toReais(paid)
                      + " de "
                      + Money.toReais(agreement.totalCents());
              List<String> toCollection = new ArrayList<>();
              long rest = paid;
              for (JoinedDebt debt : joined) {
                long applied = Math.min(rest, debt.balanceCents());
                rest -= applied;
                long remaining = debt.balanceCents() - applied;
                debts.addEvent(debt.debtId(), DebtEventType.AGREEMENT_BROKEN, detail, now);
                if (remaining == 0) {
                  debts.settleByAgreement(debt.debtId(), now);
                  debts.addEvent(
                      debt.debtId(),
                      DebtEventType.PAID,
                      "pelos pagamentos do acordo " + agreementId,
                      now);
                } else {
                  debts.returnToCollection(
                      debt.debtId(), remaining, debts.statusAfterPause(debt.debtId()), now);
                  debts.addEvent(
                      debt.debtId(),
                      DebtEventType.RETURNED_TO_COLLECTION,
                      "Saldo de "
                          + Money.toReais(remaining)
                          + " volta à cobrança (o desconto do acordo se perde)",
                      now);
                  toCollection.add(debt.debtId());
                }
              }
              log.info("Agreement {} broken on installment {}", agreementId, lateInstallment);
              return toCollection;
            });
    // a redelivered job finds the agreement BROKEN: restart any journey a failure left unstarted
    List<String> pending =
        returned.isEmpty()
            ? agreements.debts(agreementId).stream().map(JoinedDebt::debtId).toList()
            : returned;
    pending.forEach(debtId -> returnToCollection(debtId, agreementId));
  }

  /** A new dunning journey for the debt, once: its steps already past are skipped. */
  private void returnToCollection(String debtId, String agreementId) {
    tx.executeWithoutResult(
        status -> {
          Debt debt = debts.lock(debtId).orElseThrow();
          if (debt.processInstanceKey() != null || !debt.status().isOpen()) {
            return;
          }
          long key = journeys.start(debt.journeyStart(LocalDate.now(clock)));
          debts.setProcessInstanceKey(debtId, key);
          debts.addEvent(
              debtId,
              DebtEventType.JOURNEY_STARTED,
              "instância " + key + " (acordo " + agreementId + " rompido)",
              clock.instant());
        });
  }

  // ---------------------------------------------------------------- reading

  public AgreementView view(String agreementId) {
    Stored a = agreements.find(agreementId).orElseThrow(() -> notFound(agreementId));
    List<String> ids = agreements.debts(agreementId).stream().map(JoinedDebt::debtId).toList();
    if (a.totalCents() == null) {
      return new AgreementView(
          a.agreementId(),
          a.debtId(),
          List.of(a.debtId()),
          a.status(),
          a.source(),
          null,
          null,
          a.installmentCount(),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          List.of(),
          a.signedAt(),
          a.closedAt());
    }
    long paid = agreements.paidCents(agreementId);
    LocalDate today = LocalDate.now(clock);
    List<AgreementView.InstallmentView> schedule =
        agreements.installments(agreementId).stream()
            .map(
                i ->
                    new AgreementView.InstallmentView(
                        i.number(),
                        i.dueDate(),
                        Money.toDecimal(i.amountCents()),
                        Money.toDecimal(i.paidCents()),
                        i.openCents() == 0 ? "PAID" : i.dueDate().isBefore(today) ? "LATE" : "OPEN",
                        i.paidAt()))
            .toList();
    return new AgreementView(
        a.agreementId(),
        a.debtId(),
        ids,
        a.status(),
        a.source(),
        a.offerId(),
        a.agent(),
        schedule.size(),
        Money.toDecimal(a.principalCents()),
        Money.toDecimal(a.fineCents()),
        Money.toDecimal(a.interestCents()),
        Money.toDecimal(a.discountCents()),
        Money.toDecimal(a.totalCents()),
        Money.toDecimal(paid),
        Money.toDecimal(a.totalCents() - paid),
        schedule,
        a.signedAt(),
        a.closedAt());
  }

  // ---------------------------------------------------------------- helpers

  private static List<String> debtIds(String debtId, List<String> joinDebtIds) {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    ids.add(debtId);
    if (joinDebtIds != null) {
      ids.addAll(joinDebtIds);
    }
    return List.copyOf(ids);
  }

  /** Locks the debts' rows in id order (no deadlock between two agreements); 404 for unknown. */
  private List<Debt> lockAll(List<String> ids) {
    Map<String, Debt> locked = new LinkedHashMap<>();
    ids.stream()
        .sorted()
        .forEach(
            id -> locked.put(id, debts.lock(id).orElseThrow(() -> NotFoundException.debt(id))));
    return ids.stream().map(locked::get).toList();
  }

  /** The debts, read (offers) or locked; they must be one debtor's and open to an agreement. */
  private List<Debt> negotiable(List<String> ids, String joinField, boolean lock) {
    List<Debt> found =
        ids.stream()
            .map(
                id ->
                    (lock ? debts.lock(id) : debts.find(id))
                        .orElseThrow(() -> NotFoundException.debt(id)))
            .toList();
    return checkNegotiable(found, ids, joinField, lock);
  }

  private static List<Debt> checkNegotiable(
      List<Debt> found, List<String> ids, String joinField, boolean signing) {
    Debt first = found.getFirst();
    for (Debt debt : found) {
      if (!debt.debtor().document().equals(first.debtor().document())) {
        throw new RuleViolationException(
            joinField,
            "debt "
                + debt.debtId()
                + " is another debtor's: an agreement joins one debtor's debts");
      }
      if (!debt.status().isOpen() || debt.status() == DebtStatus.DISPUTED) {
        throw new ConflictException(
            ids.indexOf(debt.debtId()) == 0 ? "debtId" : joinField,
            "debt "
                + debt.debtId()
                + " is "
                + debt.status()
                + ": no agreement can be "
                + (signing ? "signed" : "offered"));
      }
      if (debt.openBalanceCents() == 0) {
        throw new ConflictException(
            ids.indexOf(debt.debtId()) == 0 ? "debtId" : joinField,
            "debt " + debt.debtId() + " has nothing left to pay");
      }
      if (debt.strategy() == null) {
        throw new ConflictException(
            ids.indexOf(debt.debtId()) == 0 ? "debtId" : joinField,
            "debt " + debt.debtId() + " has no strategy yet: its journey is still deciding it");
      }
    }
    return found;
  }

  private static NotFoundException notFound(String agreementId) {
    return new NotFoundException("agreement " + agreementId + " does not exist");
  }

  private static String fingerprint(List<String> ids, AgreementRequest request) {
    String what =
        String.join(",", ids)
            + "|"
            + request.offerId()
            + "|"
            + (request.deal() == null
                ? null
                : request.deal().installments()
                    + ";"
                    + request.deal().discountPercent().stripTrailingZeros().toPlainString()
                    + ";"
                    + request.deal().firstDueDate()
                    + ";"
                    + request.deal().agent())
            + "|"
            + (request.signedAt() == null ? null : request.signedAt().toInstant());
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(what.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
