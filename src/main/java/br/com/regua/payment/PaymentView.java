package br.com.regua.payment;

import br.com.regua.debt.DebtStatus;
import java.time.Instant;

/** A payment as acknowledged, with the debt's balance and status right after it. */
public record PaymentView(
    String paymentId,
    String debtId,
    String amount,
    Instant paidAt,
    String openBalance,
    DebtStatus status) {}
