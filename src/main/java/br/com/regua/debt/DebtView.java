package br.com.regua.debt;

import br.com.regua.brazil.Uf;
import br.com.regua.charge.PaymentOptions;
import br.com.regua.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/debts/{debtId}}: status, open balance, how to pay it (null once the debt has
 * ended or nothing is owed) and the timeline, oldest first.
 */
public record DebtView(
    String debtId,
    DebtorView debtor,
    String amount,
    String openBalance,
    LocalDate dueDate,
    DebtStatus status,
    Instant registeredAt,
    PaymentOptions paymentOptions,
    List<TimelineEntry> timeline) {

  /** {@code address} is null when the creditor did not send one. */
  public record DebtorView(
      String document,
      String name,
      String email,
      String phone,
      Uf state,
      Debt.PostalAddress address) {}

  static DebtView of(Debt debt, PaymentOptions paymentOptions, List<TimelineEntry> timeline) {
    Debt.DebtorRecord d = debt.debtor();
    return new DebtView(
        debt.debtId(),
        new DebtorView(d.document(), d.name(), d.email(), d.phone(), d.state(), d.address()),
        Money.toDecimal(debt.amountCents()),
        Money.toDecimal(debt.openBalanceCents()),
        debt.dueDate(),
        debt.status(),
        debt.registeredAt(),
        paymentOptions,
        timeline);
  }
}
