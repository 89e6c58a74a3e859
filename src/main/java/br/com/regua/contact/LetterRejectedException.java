package br.com.regua.contact;

/**
 * The print-and-post provider refused the letter for a reason a retry will not change (a 4xx other
 * than 408, 409 and 429): typically an address the Correios will not deliver to. Like a missing
 * address, the debtor has to be reached another way; the reason says why.
 */
public class LetterRejectedException extends RuntimeException {

  private final int status;
  private final String reason;

  public LetterRejectedException(String contactKey, int status, String reason) {
    super(
        "letter " + contactKey + " rejected by the print provider: HTTP " + status + " " + reason);
    this.status = status;
    this.reason = reason;
  }

  /** The HTTP status the provider answered. */
  public int status() {
    return status;
  }

  /** The provider's explanation as it came (its response body); may be empty. */
  public String reason() {
    return reason;
  }
}
