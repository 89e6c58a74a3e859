package br.com.regua.api;

/**
 * The request is well formed but a business rule refuses it (e.g. a promise date beyond what the
 * debt's strategy allows): 422, naming the field.
 */
public class RuleViolationException extends RuntimeException {

  private final String field;

  public RuleViolationException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
