package br.com.regua.negativation;

/**
 * The bureau could not be reached or could not answer: connection refused, a timeout, a 5xx, a
 * 408/409/429 ("try again later"), an unreadable response. Technical: the job is retried with a
 * growing backoff and becomes an incident when its retries run out. Whether the bureau acted on the
 * request is unknown, which is why every write carries an Idempotency-Key.
 */
public final class CreditBureauUnavailableException extends CreditBureauException {

  public CreditBureauUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public CreditBureauUnavailableException(String message) {
    super(message, null);
  }
}
