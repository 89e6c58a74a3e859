package br.com.regua.debtor;

import br.com.regua.charge.PaymentOptions;
import br.com.regua.charge.PaymentOptionsService;
import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtRepository;
import br.com.regua.hold.HoldService;
import br.com.regua.money.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a debtor's history across all their debts from the system of record. */
@Service
public class DebtorHistoryService {

  /** Enough for an agent to read before a call; older contacts stay in each debt's timeline. */
  static final int MAX_CONTACTS = 100;

  private final JdbcClient jdbc;
  private final DebtRepository debts;
  private final PaymentOptionsService paymentOptions;
  private final Clock clock;
  private final HoldService holds;

  DebtorHistoryService(
      JdbcClient jdbc,
      DebtRepository debts,
      PaymentOptionsService paymentOptions,
      Clock clock,
      HoldService holds) {
    this.holds = holds;
    this.jdbc = jdbc;
    this.debts = debts;
    this.paymentOptions = paymentOptions;
    this.clock = clock;
  }

  /** The history of the debtor with this CPF/CNPJ (digits only), or empty if unknown. */
  @Transactional(readOnly = true)
  public Optional<DebtorHistory> of(String document) {
    return debtor(document).map(this::read);
  }

  /** The history of the debtor who owes this debt. */
  @Transactional(readOnly = true)
  public Optional<DebtorHistory> ofDebtorOwing(String debtId) {
    return debts.find(debtId).flatMap(debt -> of(debt.debtor().document()));
  }

  private DebtorHistory read(DebtorHistory.Debtor debtor) {
    List<Debt> owed = debts.findByDebtor(debtor.document());
    long totalOpen =
        owed.stream().filter(d -> d.status().isOpen()).mapToLong(Debt::openBalanceCents).sum();
    return new DebtorHistory(
        clock.instant(),
        debtor,
        Money.toDecimal(totalOpen),
        owed.stream().map(this::debtLine).toList(),
        contacts(debtor.document()),
        promises(debtor.document()),
        payments(debtor.document()),
        holds.of(debtor.document()));
  }

  private Optional<DebtorHistory.Debtor> debtor(String document) {
    return jdbc.sql("select document, name, email, phone, state from debtor where document = :d")
        .param("d", document)
        .query(
            (rs, n) ->
                new DebtorHistory.Debtor(
                    rs.getString("document"),
                    rs.getString("name"),
                    rs.getString("email"),
                    rs.getString("phone"),
                    rs.getString("state")))
        .optional();
  }

  private DebtorHistory.DebtLine debtLine(Debt debt) {
    DebtorHistory.PaymentOptionsLine options = null;
    if (debt.status().isOpen() && debt.openBalanceCents() > 0) {
      PaymentOptions o =
          paymentOptions.of(
              debt.debtId(), debt.paymentToken(), debt.openBalanceCents(), debt.boleto());
      options =
          new DebtorHistory.PaymentOptionsLine(
              o.paymentLink(), o.digitableLine(), o.pixCopyAndPaste());
    }
    return new DebtorHistory.DebtLine(
        debt.debtId(),
        debt.status().name(),
        Money.toDecimal(debt.amountCents()),
        Money.toDecimal(debt.openBalanceCents()),
        debt.dueDate(),
        debt.strategy() == null ? null : debt.strategy().name(),
        options);
  }

  private List<DebtorHistory.ContactLine> contacts(String document) {
    return jdbc.sql(
            """
            select c.debt_id, c.occurred_at, c.step, c.channel, c.outcome, c.detail
            from contact c join debt d on d.debt_id = c.debt_id
            where d.debtor_document = :d
            order by c.occurred_at desc, c.id desc limit :limit
            """)
        .param("d", document)
        .param("limit", MAX_CONTACTS)
        .query(
            (rs, n) ->
                new DebtorHistory.ContactLine(
                    rs.getString("debt_id"),
                    rs.getTimestamp("occurred_at").toInstant(),
                    rs.getString("step"),
                    rs.getString("channel"),
                    rs.getString("outcome"),
                    rs.getString("detail")))
        .list();
  }

  private List<DebtorHistory.PromiseLine> promises(String document) {
    return jdbc.sql(
            """
            select p.promise_id, p.debt_id, p.promised_date, p.status, p.source, p.created_at
            from promise p join debt d on d.debt_id = p.debt_id
            where d.debtor_document = :d
            order by p.created_at desc, p.promise_id
            """)
        .param("d", document)
        .query(DebtorHistoryService::promise)
        .list();
  }

  private static DebtorHistory.PromiseLine promise(ResultSet rs, int n) throws SQLException {
    return new DebtorHistory.PromiseLine(
        rs.getString("promise_id"),
        rs.getString("debt_id"),
        rs.getObject("promised_date", java.time.LocalDate.class),
        rs.getString("status"),
        rs.getString("source"),
        rs.getTimestamp("created_at").toInstant());
  }

  private List<DebtorHistory.PaymentLine> payments(String document) {
    return jdbc.sql(
            """
            select p.payment_id, p.debt_id, p.amount_cents, p.paid_at
            from payment p join debt d on d.debt_id = p.debt_id
            where d.debtor_document = :d
            order by p.paid_at desc, p.payment_id
            """)
        .param("d", document)
        .query(
            (rs, n) ->
                new DebtorHistory.PaymentLine(
                    rs.getString("payment_id"),
                    rs.getString("debt_id"),
                    Money.toDecimal(rs.getLong("amount_cents")),
                    rs.getTimestamp("paid_at").toInstant()))
        .list();
  }
}
