package br.com.regua.payment.boleto;

import br.com.regua.api.InvalidFieldException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bank's CNAB 240 return file, as the creditor's integration downloads it from the bank: the
 * file itself is the body ({@code text/plain} or {@code application/octet-stream}).
 */
@RestController
class BoletoReturnController {

  /** A return of a day's movements is a few MB at most; more is not a return file. */
  private static final int MAX_BYTES = 20 * 1024 * 1024;

  private final BoletoReturns returns;

  BoletoReturnController(BoletoReturns returns) {
    this.returns = returns;
  }

  @PostMapping(
      path = "/api/boletos/returns",
      consumes = {"text/plain", "application/octet-stream"})
  BoletoReturns.Report receive(
      @RequestBody(required = false) byte[] file, @RequestParam(required = false) String fileName) {
    if (file == null || file.length == 0) {
      throw new InvalidFieldException(
          "file", "the CNAB 240 return file is the body, and it is empty");
    }
    if (file.length > MAX_BYTES) {
      throw new InvalidFieldException("file", "at most " + MAX_BYTES + " bytes");
    }
    if (fileName != null && fileName.length() > 200) {
      throw new InvalidFieldException("fileName", "at most 200 characters");
    }
    return returns.receive(file, fileName);
  }
}
