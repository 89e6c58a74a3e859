package br.com.regua.api;

/** A resource named in the request does not exist: 404. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }

  public static NotFoundException debt(String debtId) {
    return new NotFoundException("debt " + debtId + " is not registered");
  }
}
