package br.com.regua.contact;

/** The ways a debtor can be reached. */
public enum Channel {
  EMAIL,
  SMS,
  WHATSAPP,
  LETTER
}
