package br.com.regua.payment;

import br.com.regua.debt.RegisterDebtRequest;
import br.com.regua.money.BrlAmount;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** {@code POST /api/debts/{debtId}/payments}: the payment gateway's notice. */
public record PaymentRequest(
    @NotBlank
        @Size(max = 64)
        @Pattern(regexp = RegisterDebtRequest.ID_PATTERN, message = RegisterDebtRequest.ID_MESSAGE)
        String paymentId,
    @NotNull @BrlAmount String amount,
    @NotNull OffsetDateTime paidAt) {}
