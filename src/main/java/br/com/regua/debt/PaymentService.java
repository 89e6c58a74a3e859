package br.com.regua.debt;

import br.com.regua.api.ConflictException;
import br.com.regua.api.NotFoundException;
import br.com.regua.journey.Journeys;
import br.com.regua.money.Money;
import br.com.regua.promise.PromiseService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies payments to debts. The balance and status change in PostgreSQL first, under the debt's
 * row lock, so no reminder leaves after the payment is acknowledged; then the journey hears of it.
 */
@Service
public class PaymentService {

  private final DebtRepository debts;
  private final JdbcClient jdbc;
  private final Journeys journeys;
  private final PromiseService promises;
  private final TransactionTemplate tx;
  private final Clock clock;

  PaymentService(
      DebtRepository debts,
      JdbcClient jdbc,
      Journeys journeys,
      PromiseService promises,
      TransactionTemplate tx,
      Clock clock) {
    this.debts = debts;
    this.jdbc = jdbc;
    this.journeys = journeys;
    this.promises = promises;
    this.tx = tx;
    this.clock = clock;
  }

  /** What receiving a payment did: applied it now, or found it applied before. */
  public record Receipt(PaymentView payment, boolean created) {}

  /**
   * Applies the payment once per {@code paymentId}. A repeat with the same content returns the
   * stored payment and publishes the journey message again (the engine drops the duplicate by
   * message id), so a client that retries after a failure heals a message the engine never got.
   */
  public Receipt receive(String debtId, PaymentRequest request) {
    long cents = Money.parseCents(request.amount());
    Instant paidAt = request.paidAt().toInstant();
    Receipt receipt =
        tx.execute(
            status -> {
              Debt debt = debts.lock(debtId).orElseThrow(() -> NotFoundException.debt(debtId));
              Optional<StoredPayment> existing = findPayment(request.paymentId());
              if (existing.isPresent()) {
                StoredPayment stored = existing.get();
                if (!stored.debtId().equals(debtId)
                    || stored.amountCents() != cents
                    || !stored.paidAt().equals(paidAt)) {
                  throw new ConflictException(
                      "paymentId",
                      "payment "
                          + request.paymentId()
                          + " was already received with other content");
                }
                return new Receipt(view(stored, debt), false);
              }
              Instant now = clock.instant();
              StoredPayment payment = new StoredPayment(request.paymentId(), debtId, cents, paidAt);
              insert(payment, now);
              long balance = Math.max(0, debt.openBalanceCents() - cents);
              DebtStatus newStatus = balance == 0 ? DebtStatus.PAID : debt.status();
              debts.updateBalance(debtId, balance, newStatus, now);
              debts.addEvent(
                  debtId,
                  DebtEventType.PAYMENT_RECEIVED,
                  "Pagamento "
                      + payment.paymentId()
                      + " de "
                      + Money.toReais(cents)
                      + "; saldo em aberto "
                      + Money.toReais(balance),
                  now);
              if (newStatus == DebtStatus.PAID && debt.status() != DebtStatus.PAID) {
                promises.keepActive(debtId, now);
                debts.addEvent(debtId, DebtEventType.PAID, null, now);
              }
              Debt updated = debts.find(debtId).orElseThrow();
              return new Receipt(view(payment, updated), true);
            });
    PaymentView view = receipt.payment();
    journeys.publishPayment(
        debtId, view.paymentId(), view.status() == DebtStatus.PAID, view.openBalance());
    return receipt;
  }

  private record StoredPayment(String paymentId, String debtId, long amountCents, Instant paidAt) {}

  private static PaymentView view(StoredPayment payment, Debt debt) {
    return new PaymentView(
        payment.paymentId(),
        payment.debtId(),
        Money.toDecimal(payment.amountCents()),
        payment.paidAt(),
        Money.toDecimal(debt.openBalanceCents()),
        debt.status());
  }

  private Optional<StoredPayment> findPayment(String paymentId) {
    return jdbc.sql(
            "select payment_id, debt_id, amount_cents, paid_at from payment where payment_id = :id")
        .param("id", paymentId)
        .query(
            (rs, row) ->
                new StoredPayment(
                    rs.getString("payment_id"),
                    rs.getString("debt_id"),
                    rs.getLong("amount_cents"),
                    rs.getTimestamp("paid_at").toInstant()))
        .optional();
  }

  private void insert(StoredPayment payment, Instant now) {
    jdbc.sql(
            """
            insert into payment (payment_id, debt_id, amount_cents, paid_at, received_at)
            values (:id, :debtId, :amount, :paidAt, :now)
            """)
        .param("id", payment.paymentId())
        .param("debtId", payment.debtId())
        .param("amount", payment.amountCents())
        .param("paidAt", Timestamp.from(payment.paidAt()))
        .param("now", Timestamp.from(now))
        .update();
  }
}
