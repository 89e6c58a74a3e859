package br.com.regua.payment;

import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtRepository;
import br.com.regua.debt.DebtStatus;
import br.com.regua.money.Money;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a payment a rail reported (a Pix from the PSP, a boleto liquidated at a bank) to the debt
 * its reference names, through {@link PaymentService}: once per payment id; to the unidentified
 * queue when no debt is named; with a refund proposed for what exceeds the open balance, or for the
 * whole of it when the debt was already paid or cancelled.
 */
@Service
public class Reconciliation {

  /** What a reported payment came to. */
  public enum Outcome {
    APPLIED,
    /** Applied, and what exceeded the balance is proposed for refund. */
    REFUND_PROPOSED,
    /** Seen before, under the same payment id: nothing changed. */
    DUPLICATE,
    /** Its reference names no debt: kept in the unidentified queue for a supervisor. */
    UNMATCHED
  }

  /**
   * A payment as a rail reported it.
   *
   * @param paymentId unique across rails: {@code pix-<endToEndId>}, {@code cnab-<bank>-<nosso
   *     número>}
   * @param rail PIX or BOLETO
   * @param reference what named the debt: the txid, the nosso número / seu número
   * @param endToEndId the Pix's, for its refund (API Pix devolução); null for a boleto
   * @param chargesCents the interest and fine the instrument charged for paying late (a cobv's
   *     {@code componentesValor.juros} and {@code multa}, a boleto's "juros / multa / encargos"):
   *     owed under the contract, so never proposed for refund
   */
  public record Incoming(
      String paymentId,
      PaidThrough through,
      String rail,
      String reference,
      String endToEndId,
      long cents,
      long chargesCents,
      Instant paidAt) {}

  /** The outcome, the debt it went to (null when unmatched) and the amount proposed for refund. */
  public record Result(Outcome outcome, String debtId, long refundCents) {}

  private final PaymentService payments;
  private final Refunds refunds;
  private final DebtRepository debts;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;

  Reconciliation(
      PaymentService payments,
      Refunds refunds,
      DebtRepository debts,
      JdbcClient jdbc,
      TransactionTemplate tx,
      Clock clock) {
    this.payments = payments;
    this.refunds = refunds;
    this.debts = debts;
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
  }

  /** Applies the payment to the debt, or keeps it unidentified when {@code debtId} is empty. */
  public Result apply(Incoming payment, Optional<String> debtId) {
    return tx.execute(
        status -> debtId.isEmpty() ? holdUnidentified(payment) : applyTo(debtId.get(), payment));
  }

  Result applyTo(String debtId, Incoming payment) {
    Optional<Debt> locked = debts.lock(debtId);
    if (locked.isEmpty()) {
      return holdUnidentified(payment);
    }
    if (alreadyApplied(payment.paymentId())) {
      return new Result(Outcome.DUPLICATE, debtId, 0);
    }
    Debt before = locked.get();
    boolean settled = before.status() == DebtStatus.PAID || before.status() == DebtStatus.CANCELLED;
    long excess =
        settled
            ? payment.cents()
            : Math.max(0, payment.cents() - payment.chargesCents() - before.openBalanceCents());
    payments.receive(
        debtId,
        new PaymentRequest(
            payment.paymentId(),
            Money.toDecimal(payment.cents()),
            payment.paidAt().atOffset(ZoneOffset.UTC)),
        payment.through());
    if (excess == 0) {
      return new Result(Outcome.APPLIED, debtId, 0);
    }
    String reason =
        settled
            ? "pagamento a dívida já " + (before.status() == DebtStatus.PAID ? "paga" : "cancelada")
            : "pagamento acima do saldo em aberto de " + Money.toReais(before.openBalanceCents());
    refunds.propose(payment, debtId, excess, reason, clock.instant());
    return new Result(Outcome.REFUND_PROPOSED, debtId, excess);
  }

  /**
   * Applies the payment to the agreement its txid names: to the installments in order; what exceeds
   * what is still owed is proposed for refund; a payment to an agreement that takes none any more
   * waits in the unidentified queue for a supervisor to assign to a debt. Empty when the txid names
   * no agreement.
   */
  public Optional<Result> applyToAgreement(AgreementRail rail, String txid, Incoming payment) {
    return tx.execute(
        status ->
            rail.take(txid, payment)
                .map(
                    taken -> {
                      if (taken.duplicate()) {
                        return new Result(Outcome.DUPLICATE, taken.debtId(), 0);
                      }
                      if (taken.refused()) {
                        return holdUnidentified(payment);
                      }
                      if (taken.excessCents() == 0) {
                        return new Result(Outcome.APPLIED, taken.debtId(), 0);
                      }
                      refunds.propose(
                          payment,
                          taken.debtId(),
                          taken.excessCents(),
                          "pagamento acima do que restava do acordo " + taken.agreementId(),
                          clock.instant());
                      return new Result(
                          Outcome.REFUND_PROPOSED, taken.debtId(), taken.excessCents());
                    }));
  }

  private boolean alreadyApplied(String paymentId) {
    return jdbc.sql("select count(*) from payment where payment_id = :id")
            .param("id", paymentId)
            .query(Long.class)
            .single()
        > 0;
  }

  private Result holdUnidentified(Incoming payment) {
    int inserted =
        jdbc.sql(
                """
                insert into unidentified_payment
                  (payment_id, rail, reference, amount_cents, paid_at, received_at)
                values (:paymentId, :rail, :reference, :cents, :paidAt, :now)
                on conflict (payment_id) do nothing
                """)
            .param("paymentId", payment.paymentId())
            .param("rail", payment.rail())
            .param("reference", payment.reference())
            .param("cents", payment.cents())
            .param("paidAt", Timestamp.from(payment.paidAt()))
            .param("now", Timestamp.from(clock.instant()))
            .update();
    return new Result(inserted == 1 ? Outcome.UNMATCHED : Outcome.DUPLICATE, null, 0);
  }
}
