package br.com.regua.agreement;

import br.com.regua.debt.RegisterDebtRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * {@code POST /api/debts/{debtId}/agreements}: a renegotiation was signed. The agreement's own
 * installment journey is a later issue; here it ends the debt's dunning journey.
 */
public record AgreementRequest(
    @NotBlank
        @Size(max = 64)
        @Pattern(regexp = RegisterDebtRequest.ID_PATTERN, message = RegisterDebtRequest.ID_MESSAGE)
        String agreementId,
    @NotNull @Positive @Max(120) Integer installments,
    @NotNull OffsetDateTime signedAt) {}
