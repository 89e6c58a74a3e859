package br.com.regua.payment;

import br.com.regua.api.InvalidFieldException;
import br.com.regua.debt.RegisterDebtRequest;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The integrations' API: the payment gateway reports a payment of a debt. */
@RestController
@RequestMapping("/api/debts")
class PaymentController {

  private final PaymentService payments;

  PaymentController(PaymentService payments) {
    this.payments = payments;
  }

  /**
   * 201 for a new payment, 200 for the same payment again (by paymentId). A payment for a debt not
   * registered yet is kept, 202, and applied when the debt is registered (no balance nor status
   * yet).
   */
  @PostMapping("/{debtId}/payments")
  ResponseEntity<PaymentView> pay(
      @PathVariable String debtId, @RequestBody @Valid PaymentRequest request) {
    if (debtId.length() > 64 || !debtId.matches(RegisterDebtRequest.ID_PATTERN)) {
      throw new InvalidFieldException("debtId", RegisterDebtRequest.ID_MESSAGE + ", at most 64");
    }
    PaymentService.Receipt receipt = payments.receive(debtId, request);
    if (receipt.pending()) {
      return ResponseEntity.accepted().body(receipt.payment());
    }
    return receipt.created()
        ? ResponseEntity.status(201).body(receipt.payment())
        : ResponseEntity.ok(receipt.payment());
  }
}
