package br.com.regua.engagement;

import br.com.regua.debt.RegisterDebtRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** {@code POST /api/events/portal-visits}: the debtor visited the self-service portal. */
public record PortalVisitRequest(
    @NotBlank
        @Size(max = 64)
        @Pattern(regexp = RegisterDebtRequest.ID_PATTERN, message = RegisterDebtRequest.ID_MESSAGE)
        String eventId,
    @NotBlank @Size(max = 64) String debtId,
    @NotNull OffsetDateTime visitedAt,
    @NotNull Boolean downloadedBoleto,
    @NotNull Boolean startedRenegotiation) {}
