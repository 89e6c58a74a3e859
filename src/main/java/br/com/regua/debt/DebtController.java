package br.com.regua.debt;

import br.com.regua.api.InvalidFieldException;
import br.com.regua.payment.PaymentRequest;
import br.com.regua.payment.PaymentService;
import br.com.regua.payment.PaymentView;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The integrations' API: register debts, report payments, read a debt's state. */
@RestController
@RequestMapping("/api/debts")
class DebtController {

  private final DebtService debts;
  private final PaymentService payments;

  DebtController(DebtService debts, PaymentService payments) {
    this.debts = debts;
    this.payments = payments;
  }

  /** 201 for a new debt, 200 for the same registration again, 409 for the same id changed. */
  @PostMapping
  ResponseEntity<DebtView> register(@RequestBody @Valid RegisterDebtRequest request) {
    DebtService.Registration registration = debts.register(request);
    DebtView debt = registration.debt();
    return registration.created()
        ? ResponseEntity.created(URI.create("/api/debts/" + debt.debtId())).body(debt)
        : ResponseEntity.ok(debt);
  }

  @GetMapping("/{debtId}")
  DebtView get(@PathVariable String debtId) {
    return debts.view(debtId);
  }

  /**
   * The QR code of the PIX charge of the open balance. Never cached: the amount follows the
   * balance.
   */
  @GetMapping("/{debtId}/pix-qrcode.png")
  ResponseEntity<byte[]> pixQrCode(@PathVariable String debtId) {
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_PNG)
        .cacheControl(CacheControl.noStore())
        .body(debts.pixQrCode(debtId));
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
