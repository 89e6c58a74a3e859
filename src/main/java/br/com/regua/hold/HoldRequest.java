package br.com.regua.hold;

import br.com.regua.debt.RegisterDebtRequest;
import br.com.regua.money.BrlAmount;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * {@code POST /api/debtors/{document}/holds}.
 *
 * @param source who ordered or reported it: the court and process number, the notary, the Procon
 * @param startsOn the day the order or certificate gives; not in the future
 * @param expectedEndOn when it should end (a stay period's 180 days), shown to agents; lifting is
 *     always explicit
 * @param maxInstallmentAmount over-indebtedness only: the monthly amount the renegotiation plan
 *     leaves above the existential minimum; offers keep every installment within it
 */
public record HoldRequest(
    @NotBlank
        @Size(max = 64)
        @Pattern(regexp = RegisterDebtRequest.ID_PATTERN, message = RegisterDebtRequest.ID_MESSAGE)
        String holdId,
    @NotNull HoldKind kind,
    @NotBlank @Size(max = 1000) String reason,
    @NotBlank @Size(max = 200) String source,
    @NotNull LocalDate startsOn,
    LocalDate expectedEndOn,
    @BrlAmount String maxInstallmentAmount) {}
