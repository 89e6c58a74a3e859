package br.com.regua.agreement;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AgreementController {

  private final AgreementService agreements;

  AgreementController(AgreementService agreements) {
    this.agreements = agreements;
  }

  /** 201 for a new agreement, 200 for the same agreement again (by agreementId). */
  @PostMapping("/api/debts/{debtId}/agreements")
  ResponseEntity<AgreementView> sign(
      @PathVariable String debtId, @RequestBody @Valid AgreementRequest request) {
    AgreementService.Outcome outcome = agreements.sign(debtId, request);
    return ResponseEntity.status(outcome.created() ? 201 : 200).body(outcome.agreement());
  }
}
