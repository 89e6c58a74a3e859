package br.com.regua.debt;

import br.com.regua.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/debts/{debtId}}: status, open balance and the timeline, oldest first. */
public record DebtView(
    String debtId,
    DebtorView debtor,
    String amount,
    String openBalance,
    LocalDate dueDate,
    DebtStatus status,
    Instant registeredAt,
    List<TimelineEntry> timeline) {

  /** {@code address} is null when the creditor did not send one. */
  public record DebtorView(
      String document,
      String name,
      String email,
      String phone,
      Uf state,
      Debt.PostalAddress address) {}

  static DebtView of(Debt debt, List<TimelineEntry> timeline) {
    Debt.DebtorRecord d = debt.debtor();
    return new DebtView(
        debt.debtId(),
        new DebtorView(d.document(), d.name(), d.email(), d.phone(), d.state(), d.address()),
        Money.toDecimal(debt.amountCents()),
        Money.toDecimal(debt.openBalanceCents()),
        debt.dueDate(),
        debt.status(),
        debt.registeredAt(),
        timeline);
  }
}
