package br.com.regua.contact.letter;

import br.com.regua.consent.Channel;
import br.com.regua.contact.UndeliverableException;

/**
 * A letter step for a debtor without a postal address: no retry will find one, so the contact
 * policy should reach the debtor on another channel. Nothing was generated nor mailed.
 */
public class MissingAddressException extends UndeliverableException {

  private final String debtId;

  public MissingAddressException(String debtId) {
    super(Channel.LETTER, "devedor sem endereço postal cadastrado");
    this.debtId = debtId;
  }

  public String debtId() {
    return debtId;
  }
}
