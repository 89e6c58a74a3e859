package br.com.regua.api;

/** The request contradicts what is stored under the same id: 409, naming the field. */
public class ConflictException extends RuntimeException {

  private final String field;

  public ConflictException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
