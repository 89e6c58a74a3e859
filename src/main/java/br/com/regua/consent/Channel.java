package br.com.regua.consent;

/** The ways a debtor can be reached. */
public enum Channel {
  EMAIL,
  SMS,
  WHATSAPP,
  LETTER
}
