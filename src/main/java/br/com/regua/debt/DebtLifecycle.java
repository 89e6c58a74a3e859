package br.com.regua.debt;

import static br.com.regua.debt.DebtStatus.ACTIVE;
import static br.com.regua.debt.DebtStatus.CANCELLED;
import static br.com.regua.debt.DebtStatus.DISPUTED;
import static br.com.regua.debt.DebtStatus.HANDED_OFF;
import static br.com.regua.debt.DebtStatus.NEGATIVATED;
import static br.com.regua.debt.DebtStatus.PAID;
import static br.com.regua.debt.DebtStatus.PROMISED;
import static br.com.regua.debt.DebtStatus.RENEGOTIATED;
import static br.com.regua.debt.DebtStatus.WRITTEN_OFF;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The one owner of a debt's status: every change goes through here, only along {@link
 * #TRANSITIONS}, and writes its timeline entry in the same call. Callers hold the debt's row lock
 * ({@link DebtRepository#lock}) in their transaction. {@code ArchitectureTest} checks that nothing
 * else writes the status.
 */
@Component
public class DebtLifecycle {

  private static final Set<DebtStatus> ENDS =
      EnumSet.of(PAID, RENEGOTIATED, CANCELLED, HANDED_OFF, WRITTEN_OFF);

  /**
   * Where a debt may go from each status. An open debt may pause (promise, dispute), be
   * negativated, resume, or end. A renegotiated debt is settled by its agreement ({@code PAID}) or
   * goes back to collection when the agreement breaks. A debt handed off or written off is still
   * owed: the debtor may pay it ({@code PAID}). The other ends are final.
   */
  static final Map<DebtStatus, Set<DebtStatus>> TRANSITIONS =
      Map.of(
          ACTIVE, union(EnumSet.of(PROMISED, DISPUTED, NEGATIVATED), ENDS),
          PROMISED, union(EnumSet.of(ACTIVE, DISPUTED, NEGATIVATED), ENDS),
          DISPUTED, union(EnumSet.of(ACTIVE, PROMISED, NEGATIVATED), ENDS),
          NEGATIVATED, union(EnumSet.of(ACTIVE, PROMISED, DISPUTED), ENDS),
          RENEGOTIATED, EnumSet.of(PAID, ACTIVE, NEGATIVATED),
          PAID, EnumSet.noneOf(DebtStatus.class),
          CANCELLED, EnumSet.noneOf(DebtStatus.class),
          HANDED_OFF, EnumSet.of(PAID),
          WRITTEN_OFF, EnumSet.of(PAID));

  private final DebtRepository debts;

  DebtLifecycle(DebtRepository debts) {
    this.debts = debts;
  }

  /** Whether a debt may go from one status to another; staying where it is always may. */
  public static boolean allows(DebtStatus from, DebtStatus to) {
    return from == to || TRANSITIONS.get(from).contains(to);
  }

  /**
   * Moves the debt (as read under its lock) to {@code to} and records {@code event} with {@code
   * detail} on its timeline.
   */
  public void move(Debt debt, DebtStatus to, DebtEventType event, String detail, Instant at) {
    require(debt.debtId(), debt.status(), to);
    if (debt.status() != to) {
      debts.setStatus(debt.debtId(), to, at);
    }
    debts.addEvent(debt.debtId(), event, detail, at);
  }

  /**
   * A pause ({@code PROMISED} or {@code DISPUTED}) ends: a debt still in that pause returns to
   * negativated if the bureau holds it, active otherwise. {@code event} (when not null) is recorded
   * either way: the pause ended even if the debt had moved on meanwhile.
   */
  public void endPause(
      Debt debt, DebtStatus pause, DebtEventType event, String detail, Instant at) {
    if (debt.status() == pause) {
      DebtStatus after = debts.statusAfterPause(debt.debtId());
      require(debt.debtId(), pause, after);
      debts.setStatus(debt.debtId(), after, at);
    }
    if (event != null) {
      debts.addEvent(debt.debtId(), event, detail, at);
    }
  }

  /**
   * Ends an open debt with {@code end} and records it ({@code end}'s own event, with {@code
   * detail}); a debt that already ended is left alone. True when the debt ended now.
   */
  public boolean close(String debtId, DebtStatus end, String detail, Instant at) {
    if (!ENDS.contains(end)) {
      throw new IllegalArgumentException(end + " is not an end of a debt");
    }
    if (!debts.closeIfOpen(debtId, end, at)) {
      return false;
    }
    debts.addEvent(debtId, DebtEventType.valueOf(end.name()), detail, at);
    return true;
  }

  /**
   * A payment lowered the open balance to {@code balanceCents}: the payment goes on the timeline
   * with {@code detail}, and a debt with nothing left to pay is {@code PAID}. True when it became
   * paid now.
   */
  public boolean applyPayment(Debt debt, long balanceCents, String detail, Instant at) {
    // a cancelled debt is owed no more: its payment is recorded (to be refunded), not a settlement
    DebtStatus to = balanceCents == 0 && debt.status() != CANCELLED ? PAID : debt.status();
    require(debt.debtId(), debt.status(), to);
    debts.updateBalance(debt.debtId(), balanceCents, to, at);
    debts.addEvent(debt.debtId(), DebtEventType.PAYMENT_RECEIVED, detail, at);
    boolean paidNow = to == PAID && debt.status() != PAID;
    if (paidNow) {
      debts.addEvent(debt.debtId(), DebtEventType.PAID, null, at);
    }
    return paidNow;
  }

  /**
   * A payment to the agreement that renegotiated the debt (its row locked by the caller) lowered
   * what is still owed on it to {@code balanceCents}; the debt stays {@code RENEGOTIATED} until the
   * agreement ends (the agreement's payment is on the timeline already).
   */
  public void creditAgreementPayment(String debtId, long balanceCents, Instant at) {
    DebtStatus status = current(debtId);
    if (status != RENEGOTIATED) {
      throw new IllegalStateException(
          "debt " + debtId + " is " + status + ", not RENEGOTIATED: no agreement pays it");
    }
    debts.updateBalance(debtId, balanceCents, RENEGOTIATED, at);
  }

  /**
   * An agreement settled the debt (its row locked by the caller): nothing is owed on it any more,
   * it is {@code PAID}, and the timeline says so with {@code detail}.
   */
  public void settleByAgreement(String debtId, String detail, Instant at) {
    require(debtId, current(debtId), PAID);
    debts.updateBalance(debtId, 0, PAID, at);
    debts.addEvent(debtId, DebtEventType.PAID, detail, at);
  }

  /**
   * A broken agreement returns the debt (its row locked by the caller) to collection with what is
   * still owed on it, negativated if the bureau still holds it; its journey key is cleared for a
   * new journey, and the timeline says so with {@code detail}.
   */
  public void returnToCollection(String debtId, long balanceCents, String detail, Instant at) {
    DebtStatus to = debts.statusAfterPause(debtId);
    require(debtId, current(debtId), to);
    debts.returnToCollection(debtId, balanceCents, to, at);
    debts.addEvent(debtId, DebtEventType.RETURNED_TO_COLLECTION, detail, at);
  }

  private DebtStatus current(String debtId) {
    return debts.find(debtId).orElseThrow().status();
  }

  private static void require(String debtId, DebtStatus from, DebtStatus to) {
    if (!allows(from, to)) {
      throw new IllegalStateException(
          "debt " + debtId + " cannot go from " + from + " to " + to + " (DebtLifecycle)");
    }
  }

  private static Set<DebtStatus> union(Set<DebtStatus> a, Set<DebtStatus> b) {
    EnumSet<DebtStatus> all = EnumSet.copyOf(a);
    all.addAll(b);
    return all;
  }
}
