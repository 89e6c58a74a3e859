package br.com.regua.contact.letter;

import br.com.regua.consent.Channel;
import br.com.regua.contact.UndeliverableException;

/**
 * The print-and-post provider refused the letter for a reason a retry will not change (a 4xx other
 * than 408, 409 and 429): typically an address the Correios will not deliver to. Like a missing
 * address, the debtor has to be reached another way; the reason says why.
 */
public class LetterRejectedException extends UndeliverableException {

  private final int status;

  public LetterRejectedException(int status, String reason) {
    super(Channel.LETTER, "recusada pelo serviço de postagem: HTTP " + status + " " + reason);
    this.status = status;
  }

  /** The HTTP status the provider answered. */
  public int status() {
    return status;
  }
}
