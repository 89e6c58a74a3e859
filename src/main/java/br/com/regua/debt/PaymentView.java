package br.com.regua.debt;

import java.time.Instant;

/** A payment as acknowledged, with the debt's balance and status right after it. */
public record PaymentView(
    String paymentId,
    String debtId,
    String amount,
    Instant paidAt,
    String openBalance,
    DebtStatus status) {}
