package br.com.regua.negativation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A debt reported to the credit bureau, as stored.
 *
 * @param protocol the bureau's id of the negativation
 * @param removalDeadline the last day for the removal (5 business days, STJ Súmula 548); set with
 *     {@code removalRequestedAt}
 */
public record Negativation(
    String debtId,
    String protocol,
    NegativationStatus status,
    Instant negativatedAt,
    Instant removalRequestedAt,
    LocalDate removalDeadline,
    Instant removedAt) {}
