package br.com.regua.hold;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/debtors/{document}/holds/{holdId}/lifting}: the hold ends (the order fell). */
public record LiftRequest(@NotBlank @Size(max = 1000) String reason) {}
