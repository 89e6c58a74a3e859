package br.com.regua.contact.letter;

/**
 * The print-and-post provider could not be reached or could not answer: a refused connection, a
 * timeout, a 5xx, a 408/409/429 ("try again later"), an unreadable answer. Technical: the job is
 * retried and becomes an incident when its retries run out. Whether the provider took the letter is
 * unknown, which is why every request carries the contact's key as Idempotency-Key.
 */
public class PrintProviderUnavailableException extends RuntimeException {

  public PrintProviderUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
