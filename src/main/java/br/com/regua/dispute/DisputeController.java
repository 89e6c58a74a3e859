package br.com.regua.dispute;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DisputeController {

  private final DisputeService disputes;

  DisputeController(DisputeService disputes) {
    this.disputes = disputes;
  }

  /** 201 for a new dispute, 200 for the same dispute again (by disputeId). */
  @PostMapping("/api/debts/{debtId}/disputes")
  ResponseEntity<DisputeView> open(
      @PathVariable String debtId, @RequestBody @Valid DisputeRequest request) {
    DisputeService.Outcome outcome = disputes.open(debtId, request.disputeId(), request.reason());
    return ResponseEntity.status(outcome.created() ? 201 : 200).body(outcome.dispute());
  }

  /**
   * 202 with the dispute as decided ({@code RESUMED} or {@code CANCELLED}, the notes, {@code
   * resolvedAt} the time of the decision): the journey carries it out (resumes collection or
   * cancels the debt) in a moment; {@code GET /api/debts/{debtId}} shows the debt's result.
   */
  @PostMapping("/api/debts/{debtId}/disputes/{disputeId}/resolution")
  ResponseEntity<DisputeView> resolve(
      @PathVariable String debtId,
      @PathVariable String disputeId,
      @RequestBody @Valid ResolutionRequest request) {
    return ResponseEntity.accepted()
        .body(disputes.decide(debtId, disputeId, request.resolution(), request.notes()));
  }
}
