package br.com.regua.charge.boleto;

/** A barcode or digitable line that is not a valid bank boleto; the message says what is wrong. */
public class InvalidBoletoException extends IllegalArgumentException {

  public InvalidBoletoException(String message) {
    super(message);
  }
}
