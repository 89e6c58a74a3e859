package br.com.regua.payment;

import br.com.regua.api.ConflictException;
import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtLifecycle;
import br.com.regua.debt.DebtRepository;
import br.com.regua.debt.DebtStatus;
import br.com.regua.engine.Journeys;
import br.com.regua.money.Money;
import br.com.regua.ops.SqlArrays;
import br.com.regua.promise.PromiseService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies payments to debts. The balance and status change in PostgreSQL first, under the debt's
 * row lock, so no reminder leaves after the payment is acknowledged; then the journey hears of it.
 */
@Service
public class PaymentService {

  private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

  private final DebtRepository debts;
  private final DebtLifecycle lifecycle;
  private final JdbcClient jdbc;
  private final Journeys journeys;
  private final PromiseService promises;
  private final InstrumentCancellations cancellations;
  private final TransactionTemplate tx;
  private final Clock clock;

  PaymentService(
      DebtRepository debts,
      DebtLifecycle lifecycle,
      JdbcClient jdbc,
      Journeys journeys,
      PromiseService promises,
      InstrumentCancellations cancellations,
      TransactionTemplate tx,
      Clock clock) {
    this.debts = debts;
    this.lifecycle = lifecycle;
    this.jdbc = jdbc;
    this.journeys = journeys;
    this.promises = promises;
    this.cancellations = cancellations;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * What receiving a payment did: applied it now, or found it applied before; {@code pending} when
   * its debt is not registered yet and it waits to be applied at registration.
   */
  public record Receipt(PaymentView payment, boolean created, boolean pending) {

    Receipt(PaymentView payment, boolean created) {
      this(payment, created, false);
    }
  }

  /**
   * Applies the payments that arrived before the debt was registered, in the order they were paid;
   * run right after its registration. Each is applied as if it arrived now, journey message
   * included.
   */
  public void applyUnmatched(String debtId) {
    applyUnmatched(List.of(debtId));
  }

  /** {@link #applyUnmatched(String)} for many debts at once: one lookup for all of them. */
  public void applyUnmatched(Collection<String> debtIds) {
    if (debtIds.isEmpty()) {
      return;
    }
    tx.executeWithoutResult(
        status -> {
          lockDebtIds(debtIds);
          List<StoredPayment> waiting =
              jdbc.sql(
                      """
                      select payment_id, debt_id, amount_cents, paid_at from unmatched_payment
                      where debt_id = any(cast(:debtIds as text[])) and applied_at is null
                      order by debt_id, paid_at, payment_id
                      """)
                  .param("debtIds", SqlArrays.text(debtIds))
                  .query(PaymentService::mapPayment)
                  .list();
          for (StoredPayment payment : waiting) {
            receive(
                payment.debtId(),
                new PaymentRequest(
                    payment.paymentId(),
                    Money.toDecimal(payment.amountCents()),
                    payment.paidAt().atOffset(ZoneOffset.UTC)));
            jdbc.sql("update unmatched_payment set applied_at = :now where payment_id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", payment.paymentId())
                .update();
            log.info(
                "Payment {} applied to debt {} at its registration",
                payment.paymentId(),
                payment.debtId());
          }
        });
  }

  /** The advisory-lock space of {@link #lockDebtIds}: "RGUA", apart from any other lock's keys. */
  private static final int UNREGISTERED_DEBT_LOCKS = 0x52475541;

  /** Debt ids share this many locks: a batch of any size takes at most this many. */
  static final int UNREGISTERED_DEBT_LOCK_COUNT = 256;

  /**
   * Serializes a payment for an unregistered debt with that debt's registration (a transaction lock
   * on the id's share of {@link #UNREGISTERED_DEBT_LOCK_COUNT} locks, taken in ascending order so
   * that two batches never wait for each other in a cycle), so a payment is either held and then
   * applied, or applied directly.
   */
  private void lockDebtIds(Collection<String> debtIds) {
    TreeSet<Integer> keys = new TreeSet<>();
    for (String debtId : debtIds) {
      keys.add(Math.floorMod(("debt:" + debtId).hashCode(), UNREGISTERED_DEBT_LOCK_COUNT));
    }
    jdbc.sql(
            """
            select pg_advisory_xact_lock(:space, cast(k as int))
              from unnest(cast(:keys as text[])) with ordinality as t(k, n) order by n
            """)
        .param("space", UNREGISTERED_DEBT_LOCKS)
        .param("keys", SqlArrays.text(keys))
        .query((rs, n) -> 1)
        .list();
  }

  /** Keeps a payment whose debt is not registered: 202, applied when the debt is registered. */
  private Receipt holdUnmatched(String debtId, String paymentId, long cents, Instant paidAt) {
    Optional<StoredPayment> held =
        jdbc.sql(
                "select payment_id, debt_id, amount_cents, paid_at from unmatched_payment"
                    + " where payment_id = :id")
            .param("id", paymentId)
            .query(PaymentService::mapPayment)
            .optional();
    if (held.isPresent()) {
      return pendingReceipt(held.get().sameAs(debtId, cents, paidAt), false);
    }
    StoredPayment payment = new StoredPayment(paymentId, debtId, cents, paidAt);
    jdbc.sql(
            """
            insert into unmatched_payment (payment_id, debt_id, amount_cents, paid_at, received_at)
            values (:id, :debtId, :amount, :paidAt, :now)
            """)
        .param("id", paymentId)
        .param("debtId", debtId)
        .param("amount", cents)
        .param("paidAt", Timestamp.from(paidAt))
        .param("now", Timestamp.from(clock.instant()))
        .update();
    log.info("Payment {} kept until debt {} is registered", paymentId, debtId);
    return pendingReceipt(payment, true);
  }

  private static Receipt pendingReceipt(StoredPayment payment, boolean created) {
    return new Receipt(
        new PaymentView(
            payment.paymentId(),
            payment.debtId(),
            Money.toDecimal(payment.amountCents()),
            payment.paidAt(),
            null,
            null),
        created,
        true);
  }

  /**
   * Applies the payment once per {@code paymentId}. A repeat with the same content returns the
   * stored payment (its journey message was stored with it the first time; the repeat publishes it
   * if it is still pending).
   *
   * @throws br.com.regua.api.RuleViolationException a {@code paidAt} later than now
   */
  public Receipt receive(String debtId, PaymentRequest request) {
    request.checkMadeBy(clock.instant());
    return receive(debtId, request, PaidThrough.API);
  }

  /**
   * {@link #receive(String, PaymentRequest)} for a payment whose instrument is known: when it pays
   * the debt off, the debt's other instruments are to be cancelled ({@link
   * InstrumentCancellations}), in the same transaction.
   */
  public Receipt receive(String debtId, PaymentRequest request, PaidThrough through) {
    long cents = Money.parseCents(request.amount());
    Instant paidAt = request.paidAt().toInstant();
    Receipt receipt =
        tx.execute(
            status -> {
              Optional<Debt> registered = debts.lock(debtId);
              if (registered.isEmpty()) {
                lockDebtIds(List.of(debtId));
                registered = debts.lock(debtId); // registered meanwhile?
                if (registered.isEmpty()) {
                  return holdUnmatched(debtId, request.paymentId(), cents, paidAt);
                }
              }
              Debt debt = registered.get();
              Optional<StoredPayment> existing = findPayment(request.paymentId());
              if (existing.isPresent()) {
                StoredPayment stored = existing.get().sameAs(debtId, cents, paidAt);
                return announce(new Receipt(view(stored, debt), false));
              }
              Instant now = clock.instant();
              StoredPayment payment = new StoredPayment(request.paymentId(), debtId, cents, paidAt);
              insert(payment, now);
              long balance = Math.max(0, debt.openBalanceCents() - cents);
              boolean paidNow =
                  lifecycle.applyPayment(
                      debt,
                      balance,
                      "Pagamento "
                          + payment.paymentId()
                          + " de "
                          + Money.toReais(cents)
                          + "; saldo em aberto "
                          + Money.toReais(balance),
                      now);
              if (paidNow) {
                promises.keepActive(debtId, now);
                cancellations.recordFor(debt, through, payment.paymentId(), now);
              }
              Debt updated = debts.find(debtId).orElseThrow();
              return announce(new Receipt(view(payment, updated), true));
            });
    return receipt;
  }

  /**
   * Tells the journey, in the transaction that acknowledges the payment: the message is stored with
   * it and published once it commits (saved first, see journey/MessageOutbox).
   */
  private Receipt announce(Receipt receipt) {
    PaymentView view = receipt.payment();
    journeys.publishPayment(
        view.debtId(), view.paymentId(), view.status() == DebtStatus.PAID, view.openBalance());
    return receipt;
  }

  private record StoredPayment(String paymentId, String debtId, long amountCents, Instant paidAt) {

    /** This payment, if a repeat says the same; a repeat with other content is a conflict. */
    StoredPayment sameAs(String debtId, long amountCents, Instant paidAt) {
      if (!this.debtId.equals(debtId)
          || this.amountCents != amountCents
          || !this.paidAt.equals(paidAt)) {
        throw new ConflictException(
            "paymentId", "payment " + paymentId + " was already received with other content");
      }
      return this;
    }
  }

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
        .query(PaymentService::mapPayment)
        .optional();
  }

  private static StoredPayment mapPayment(java.sql.ResultSet rs, int row)
      throws java.sql.SQLException {
    return new StoredPayment(
        rs.getString("payment_id"),
        rs.getString("debt_id"),
        rs.getLong("amount_cents"),
        rs.getTimestamp("paid_at").toInstant());
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
