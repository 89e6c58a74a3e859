package br.com.regua.debtor;

import br.com.regua.hold.DebtorHold;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything an agent should know about a debtor before a call (seed 003: "avaliar o histórico do
 * consumidor antes da abordagem"): every debt with its open balance and payment options, the
 * contacts made and their outcomes, promises kept and broken, payments. Amounts are decimal
 * strings, as everywhere in the API. {@code asOf} is when it was read: a summary copied into a task
 * says how old it is.
 */
public record DebtorHistory(
    Instant asOf,
    Debtor debtor,
    String totalOpenBalance,
    List<DebtLine> debts,
    List<ContactLine> contacts,
    List<PromiseLine> promises,
    List<PaymentLine> payments,
    List<DebtorHold> holds) {

  /**
   * Without holds (none on record).
   *
   * @see #holds() the debtor's holds, standing first: while one stands nobody contacts the debtor
   */
  public DebtorHistory(
      Instant asOf,
      Debtor debtor,
      String totalOpenBalance,
      List<DebtLine> debts,
      List<ContactLine> contacts,
      List<PromiseLine> promises,
      List<PaymentLine> payments) {
    this(asOf, debtor, totalOpenBalance, debts, contacts, promises, payments, List.of());
  }

  /** The first standing hold, the one an agent must see before anything else. */
  public java.util.Optional<DebtorHold> standingHold() {
    return holds.stream().filter(DebtorHold::standing).findFirst();
  }

  public record Debtor(String document, String name, String email, String phone, String state) {}

  public record DebtLine(
      String debtId,
      String status,
      String amount,
      String openBalance,
      LocalDate dueDate,
      String strategy,
      PaymentOptionsLine paymentOptions) {}

  /** Null fields are options the debt does not have (no boleto, no PIX key, nothing owed). */
  public record PaymentOptionsLine(
      String paymentLink, String digitableLine, String pixCopyAndPaste) {}

  /** Newest first. */
  public record ContactLine(
      String debtId,
      Instant occurredAt,
      String step,
      String channel,
      String outcome,
      String detail) {}

  public record PromiseLine(
      String promiseId,
      String debtId,
      LocalDate promisedDate,
      String status,
      String source,
      Instant createdAt) {}

  public record PaymentLine(String paymentId, String debtId, String amount, Instant paidAt) {}

  public long promisesWith(String status) {
    return promises.stream().filter(p -> p.status().equals(status)).count();
  }
}
