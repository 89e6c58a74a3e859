package br.com.regua.api;

/** A field's value is wrong in a way annotations do not express: 400, naming the field. */
public class InvalidFieldException extends RuntimeException {

  private final String field;

  public InvalidFieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
