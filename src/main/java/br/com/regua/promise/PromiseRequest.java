package br.com.regua.promise;

import br.com.regua.debt.RegisterDebtRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** {@code POST /api/debts/{debtId}/promises}: the debtor promised to pay by a date. */
public record PromiseRequest(
    @NotBlank
        @Size(max = 64)
        @Pattern(regexp = RegisterDebtRequest.ID_PATTERN, message = RegisterDebtRequest.ID_MESSAGE)
        String promiseId,
    @NotNull LocalDate promisedDate) {}
