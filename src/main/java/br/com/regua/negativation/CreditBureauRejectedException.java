package br.com.regua.negativation;

/**
 * The bureau refused the request for a reason a retry will not change (a 4xx other than 408, 409
 * and 429): bad data, an unknown protocol, a debt it will not accept. Someone has to look at it, so
 * the job fails straight to an incident with the bureau's explanation.
 */
public final class CreditBureauRejectedException extends CreditBureauException {

  private final int status;
  private final String body;

  public CreditBureauRejectedException(String operation, int status, String body) {
    super(operation + " rejected by the credit bureau: HTTP " + status + " " + body, null);
    this.status = status;
    this.body = body;
  }

  /** The HTTP status the bureau answered. */
  public int status() {
    return status;
  }

  /** The bureau's response body as it came, usually its explanation; may be empty. */
  public String body() {
    return body;
  }
}
