package br.com.regua.hold;

import br.com.regua.api.ConflictException;
import br.com.regua.api.NotFoundException;
import br.com.regua.api.RuleViolationException;
import br.com.regua.brazil.TaxId;
import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtRepository;
import br.com.regua.debt.DebtStatus;
import br.com.regua.engine.Journeys;
import br.com.regua.money.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places and lifts holds on a debtor. Both take the debtor's row lock, as every contact does
 * ({@code ContactService}), so a contact either went out before a hold was stored or sees it. Every
 * debt of the debtor whose journey runs (open, or renegotiated with its agreement's journey) gets
 * the event on its timeline; a death and the last lifting are told to the journeys through the
 * outbox, in the same transaction.
 */
@Service
public class HoldService {

  private final HoldRepository holds;
  private final DebtRepository debts;
  private final Journeys journeys;
  private final TransactionTemplate tx;
  private final Clock clock;

  HoldService(
      HoldRepository holds,
      DebtRepository debts,
      Journeys journeys,
      TransactionTemplate tx,
      Clock clock) {
    this.holds = holds;
    this.debts = debts;
    this.journeys = journeys;
    this.tx = tx;
    this.clock = clock;
  }

  public record Outcome(DebtorHold hold, boolean created) {}

  /**
   * Places a hold once per {@code holdId}: the same request again answers the stored hold, other
   * content under the same id is a conflict.
   *
   * @param document the canonical CPF/CNPJ
   */
  public Outcome place(String document, HoldRequest request) {
    return tx.execute(
        status -> {
          lockDebtor(document);
          DebtorHold asked = toHold(document, request);
          Optional<DebtorHold> existing = holds.find(request.holdId());
          if (existing.isPresent()) {
            if (!sameRequest(existing.get(), asked)) {
              throw new ConflictException(
                  "holdId", "hold " + request.holdId() + " was already placed with other content");
            }
            return new Outcome(existing.get(), false);
          }
          validate(document, asked);
          holds.insert(asked);
          String detail =
              asked.describe()
                  + ": "
                  + asked.reason()
                  + (asked.kind().endsJourneys()
                      ? ". Cobrança automática encerrada; nenhum contato ao devedor"
                      : ". Nenhum contato nem ação de cobrança até o levantamento");
          for (Debt debt : withJourney(document)) {
            debts.addEvent(debt.debtId(), DebtEventType.HOLD_PLACED, detail, asked.placedAt());
            if (asked.kind().endsJourneys()) {
              journeys.publish(
                  HoldModel.DEBTOR_DECEASED,
                  debt.debtId(),
                  "debtor-deceased:" + asked.holdId() + ":" + debt.debtId(),
                  Map.of("holdId", asked.holdId()));
            }
          }
          return new Outcome(holds.find(asked.holdId()).orElseThrow(), true);
        });
  }

  /**
   * Lifts a standing hold. When no other hold stands, the journeys resume; lifting a lifted hold
   * again with the same reason answers it as it is. A death is not lifted.
   */
  public DebtorHold lift(String document, String holdId, String reason) {
    return tx.execute(
        status -> {
          lockDebtor(document);
          DebtorHold hold =
              holds
                  .find(holdId)
                  .filter(h -> h.document().equals(document))
                  .orElseThrow(
                      () -> new NotFoundException("no hold " + holdId + " on this debtor"));
          if (hold.kind().endsJourneys()) {
            throw new ConflictException(
                "holdId", "a death is not lifted: the debtor's journeys have ended");
          }
          if (!hold.standing()) {
            if (!reason.strip().equals(hold.liftReason())) {
              throw new ConflictException(
                  "reason", "hold " + holdId + " was already lifted for another reason");
            }
            return hold;
          }
          Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
          holds.lift(holdId, reason.strip(), now);
          List<DebtorHold> others = holds.standing(document);
          String detail =
              hold.describe()
                  + " levantada: "
                  + reason.strip()
                  + (others.isEmpty()
                      ? ". Cobrança retomada na etapa da idade da dívida"
                      : ". Continua a suspensão " + others.getFirst().holdId());
          for (Debt debt : withJourney(document)) {
            debts.addEvent(debt.debtId(), DebtEventType.HOLD_LIFTED, detail, now);
            if (others.isEmpty()) {
              journeys.publish(
                  HoldModel.DEBTOR_HOLD_LIFTED,
                  debt.debtId(),
                  "debtor-hold-lifted:" + holdId + ":" + debt.debtId(),
                  Map.of());
            }
          }
          return holds.find(holdId).orElseThrow();
        });
  }

  /**
   * A journey that starts while holds stand on the debtor (a debt registered during a hold, or a
   * journey started again after the engine lost it): its timeline says so once, and a death ends
   * it. The message id names the new instance. Run in the transaction that records the start.
   */
  public void tellNewJourney(String debtId, String document, long journeyKey) {
    List<DebtorHold> standing = holds.standing(document);
    if (standing.isEmpty()) {
      return;
    }
    if (!debts.hasEvent(debtId, DebtEventType.HOLD_PLACED)) {
      DebtorHold first = standing.getFirst();
      debts.addEvent(
          debtId,
          DebtEventType.HOLD_PLACED,
          first.describe() + ": " + first.reason() + ". Dívida registrada durante a suspensão",
          clock.instant());
    }
    standing.stream()
        .filter(h -> h.kind().endsJourneys())
        .findFirst()
        .ifPresent(
            death ->
                journeys.publish(
                    HoldModel.DEBTOR_DECEASED,
                    debtId,
                    "debtor-deceased:" + death.holdId() + ":journey:" + journeyKey,
                    Map.of("holdId", death.holdId())));
  }

  /** The debtor's holds, standing first; empty for a debtor with none. */
  public List<DebtorHold> of(String document) {
    return holds.ofDebtor(document);
  }

  /** The holds standing on the debtor now, oldest first. */
  public List<DebtorHold> standing(String document) {
    return holds.standing(document);
  }

  /** Whether any hold stands on the debtor now. */
  public boolean isHeld(String document) {
    return !holds.standing(document).isEmpty();
  }

  /**
   * The largest installment offers may ask of the debtor while an over-indebtedness hold with a
   * plan's limit stands (the smallest, if several), in cents.
   */
  public Optional<Long> maxInstallmentCents(String document) {
    return holds.standing(document).stream()
        .map(DebtorHold::maxInstallmentAmount)
        .filter(Objects::nonNull)
        .map(Money::parseCents)
        .min(Long::compare);
  }

  private void lockDebtor(String document) {
    if (!holds.debtorExists(document)) {
      throw new NotFoundException("no debtor with this CPF/CNPJ is registered");
    }
    debts.lockDebtor(document);
  }

  /** The debts whose journey runs: open, or renegotiated (the agreement's installments). */
  private List<Debt> withJourney(String document) {
    return debts.findByDebtor(document).stream()
        .filter(d -> d.status().isOpen() || d.status() == DebtStatus.RENEGOTIATED)
        .toList();
  }

  private DebtorHold toHold(String document, HoldRequest r) {
    return new DebtorHold(
        r.holdId(),
        document,
        r.kind(),
        r.reason().strip(),
        r.source().strip(),
        r.startsOn(),
        r.expectedEndOn(),
        r.maxInstallmentAmount() == null
            ? null
            : Money.toDecimal(Money.parseCents(r.maxInstallmentAmount())),
        clock.instant().truncatedTo(ChronoUnit.MICROS),
        null,
        null);
  }

  private static boolean sameRequest(DebtorHold stored, DebtorHold asked) {
    return stored.document().equals(asked.document())
        && stored.kind() == asked.kind()
        && stored.reason().equals(asked.reason())
        && stored.source().equals(asked.source())
        && stored.startsOn().equals(asked.startsOn())
        && Objects.equals(stored.expectedEndOn(), asked.expectedEndOn())
        && Objects.equals(stored.maxInstallmentAmount(), asked.maxInstallmentAmount());
  }

  private void validate(String document, DebtorHold hold) {
    TaxId.Kind debtorKind = TaxId.parse(document).kind();
    if (!hold.kind().appliesTo(debtorKind)) {
      throw new RuleViolationException(
          "kind",
          hold.kind()
              + " applies to "
              + (debtorKind == TaxId.Kind.PF ? "companies (CNPJ)" : "persons (CPF)")
              + " only");
    }
    LocalDate today = LocalDate.now(clock);
    if (hold.startsOn().isAfter(today)) {
      throw new RuleViolationException("startsOn", "must not be in the future");
    }
    if (hold.expectedEndOn() != null && hold.expectedEndOn().isBefore(hold.startsOn())) {
      throw new RuleViolationException("expectedEndOn", "must not be before startsOn");
    }
    if (hold.maxInstallmentAmount() != null && hold.kind() != HoldKind.OVER_INDEBTEDNESS) {
      throw new RuleViolationException(
          "maxInstallmentAmount", "applies to an OVER_INDEBTEDNESS hold only");
    }
  }
}
