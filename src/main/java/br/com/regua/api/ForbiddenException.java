package br.com.regua.api;

/** The caller is known but may not do this to this resource: 403. */
public class ForbiddenException extends RuntimeException {
  public ForbiddenException(String message) {
    super(message);
  }
}
