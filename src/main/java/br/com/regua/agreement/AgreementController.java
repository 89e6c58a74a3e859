package br.com.regua.agreement;

import br.com.regua.payment.PaymentRequest;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AgreementController {

  private final AgreementService agreements;

  AgreementController(AgreementService agreements) {
    this.agreements = agreements;
  }

  /** What the debtor may take now; {@code join} adds other open debts of the same debtor. */
  @GetMapping("/api/debts/{debtId}/offers")
  OffersView offers(
      @PathVariable String debtId, @RequestParam(required = false) List<String> join) {
    return agreements.offers(debtId, join == null ? List.of() : join);
  }

  /** 201 for a new agreement, 200 for the same agreement again (by agreementId). */
  @PostMapping("/api/debts/{debtId}/agreements")
  ResponseEntity<AgreementView> sign(
      @PathVariable String debtId, @RequestBody @Valid AgreementRequest request) {
    AgreementService.Outcome outcome = agreements.sign(debtId, request);
    return ResponseEntity.status(outcome.created() ? 201 : 200).body(outcome.agreement());
  }

  @GetMapping("/api/agreements/{agreementId}")
  AgreementView agreement(@PathVariable String agreementId) {
    return agreements.view(agreementId);
  }

  /** 201 for a new payment, 200 for the same payment again (by paymentId). */
  @PostMapping("/api/agreements/{agreementId}/payments")
  ResponseEntity<AgreementView> pay(
      @PathVariable String agreementId, @RequestBody @Valid PaymentRequest request) {
    AgreementService.PaymentOutcome outcome = agreements.pay(agreementId, request);
    return ResponseEntity.status(outcome.created() ? 201 : 200).body(outcome.agreement());
  }
}
