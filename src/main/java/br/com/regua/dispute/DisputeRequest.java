package br.com.regua.dispute;

import br.com.regua.debt.RegisterDebtRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/debts/{debtId}/disputes}: the debtor contests the debt. */
public record DisputeRequest(
    @NotBlank
        @Size(max = 64)
        @Pattern(regexp = RegisterDebtRequest.ID_PATTERN, message = RegisterDebtRequest.ID_MESSAGE)
        String disputeId,
    @NotBlank @Size(max = 1000) String reason) {}
