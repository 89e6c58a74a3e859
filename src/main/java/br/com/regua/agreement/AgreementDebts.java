package br.com.regua.agreement;

import br.com.regua.agreement.AgreementRepository.JoinedDebt;
import br.com.regua.api.ConflictException;
import br.com.regua.api.NotFoundException;
import br.com.regua.api.RuleViolationException;
import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtRepository;
import br.com.regua.debt.DebtStatus;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The debts an agreement joins, as every use case of agreements needs them: which ones a request
 * names, whether they may enter an agreement, and their row locks, always taken in id order so two
 * agreements over the same debts cannot deadlock (the contact policy takes the same locks, so no
 * reminder leaves after a change is acknowledged).
 */
@Component
class AgreementDebts {

  private final DebtRepository debts;
  private final AgreementRepository agreements;

  AgreementDebts(DebtRepository debts, AgreementRepository agreements) {
    this.debts = debts;
    this.agreements = agreements;
  }

  /** The debt first, then the joined ones, each once. */
  static List<String> debtIds(String debtId, List<String> joinDebtIds) {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    ids.add(debtId);
    if (joinDebtIds != null) {
      ids.addAll(joinDebtIds);
    }
    return List.copyOf(ids);
  }

  /** Locks the debts' rows in id order (no deadlock between two agreements); 404 for unknown. */
  List<Debt> lockAll(List<String> ids) {
    Map<String, Debt> locked = new LinkedHashMap<>();
    ids.stream()
        .sorted()
        .forEach(
            id -> locked.put(id, debts.lock(id).orElseThrow(() -> NotFoundException.debt(id))));
    return ids.stream().map(locked::get).toList();
  }

  /** The agreement's debts, their rows locked; the agreement's own row is the caller's to lock. */
  List<JoinedDebt> lockJoined(String agreementId) {
    List<JoinedDebt> joined = agreements.debts(agreementId);
    lockAll(joined.stream().map(JoinedDebt::debtId).toList());
    return joined;
  }

  /** The debts, read (offers) or locked; they must be one debtor's and open to an agreement. */
  List<Debt> negotiable(List<String> ids, String joinField, boolean lock) {
    List<Debt> found =
        ids.stream()
            .map(
                id ->
                    (lock ? debts.lock(id) : debts.find(id))
                        .orElseThrow(() -> NotFoundException.debt(id)))
            .toList();
    return checkNegotiable(found, ids, joinField, lock);
  }

  static List<Debt> checkNegotiable(
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

  static NotFoundException notFound(String agreementId) {
    return new NotFoundException("agreement " + agreementId + " does not exist");
  }
}
