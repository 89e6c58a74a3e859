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

  private final AgreementOffers offers;
  private final AgreementSigning signing;
  private final AgreementPayments payments;
  private final AgreementViews views;

  AgreementController(
      AgreementOffers offers,
      AgreementSigning signing,
      AgreementPayments payments,
      AgreementViews views) {
    this.offers = offers;
    this.signing = signing;
    this.payments = payments;
    this.views = views;
  }

  /** What the debtor may take now; {@code join} adds other open debts of the same debtor. */
  @GetMapping("/api/debts/{debtId}/offers")
  OffersView offers(
      @PathVariable String debtId, @RequestParam(required = false) List<String> join) {
    return offers.offers(debtId, join == null ? List.of() : join);
  }

  /** 201 for a new agreement, 200 for the same agreement again (by agreementId). */
  @PostMapping("/api/debts/{debtId}/agreements")
  ResponseEntity<AgreementView> sign(
      @PathVariable String debtId, @RequestBody @Valid AgreementRequest request) {
    AgreementSigning.Outcome outcome = signing.sign(debtId, request);
    return ResponseEntity.status(outcome.created() ? 201 : 200).body(outcome.agreement());
  }

  @GetMapping("/api/agreements/{agreementId}")
  AgreementView agreement(@PathVariable String agreementId) {
    return views.view(agreementId);
  }

  /** 201 for a new payment, 200 for the same payment again (by paymentId). */
  @PostMapping("/api/agreements/{agreementId}/payments")
  ResponseEntity<AgreementView> pay(
      @PathVariable String agreementId, @RequestBody @Valid PaymentRequest request) {
    AgreementPayments.PaymentOutcome outcome = payments.pay(agreementId, request);
    return ResponseEntity.status(outcome.created() ? 201 : 200).body(outcome.agreement());
  }
}
