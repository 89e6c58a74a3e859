package br.com.regua.dispute;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/debts/{debtId}/disputes/{disputeId}/resolution}: the dispute was decided
 * elsewhere (e.g. the creditor's back office); an agent may also decide it in Tasklist.
 */
public record ResolutionRequest(
    @NotNull Resolution resolution, @NotBlank @Size(max = 1000) String notes) {

  public enum Resolution {
    /** The debt stands: collection resumes where it stood. */
    RESUME,
    /** The debt was charged wrongly: it is cancelled. */
    CANCEL
  }
}
