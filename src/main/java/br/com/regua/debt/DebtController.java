package br.com.regua.debt;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The integrations' API: a debt's state. Registration is {@code journey/DebtRegistrationController}
 * and payments {@code payment/PaymentController}.
 */
@RestController
@RequestMapping("/api/debts")
class DebtController {

  private final DebtService debts;

  DebtController(DebtService debts) {
    this.debts = debts;
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
}
