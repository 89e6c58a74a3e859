package br.com.regua.charge.pix;

import java.math.BigDecimal;
import java.text.Normalizer;

/**
 * A static PIX charge as its BR Code: the "copia e cola" text a debtor pastes into any bank's app,
 * and what the QR code carries. The layout is EMV QRCPS merchant-presented, as the Banco Central's
 * "Manual de Padrões para Iniciação do Pix" profiles it: each field is an id (2 digits), a length
 * (2 digits) and a value, in this order:
 *
 * <pre>
 * 00 payload format "01"
 * 26 merchant account: 00 GUI "br.gov.bcb.pix", 01 PIX key, 02 description (optional)
 * 52 merchant category "0000"      53 currency "986" (BRL)      54 amount (optional, "123.45")
 * 58 country "BR"                  59 merchant name (≤ 25)      60 merchant city (≤ 15)
 * 62 additional data: 05 txid (≤ 25 letters and digits; "***" when there is none)
 * 63 CRC16-CCITT-FALSE of everything before it, "6304" included
 * </pre>
 *
 * Names, city and description lose their accents ("São Paulo" → "Sao Paulo"): the EMV character set
 * is plain ASCII, and banks' apps reject or garble anything else.
 *
 * @param key the receiver's PIX key (CPF/CNPJ digits, email, +55 phone or random EVP key)
 * @param description shown to the payer; null for none
 * @param amountCents null or 0 for an open amount the payer types
 * @param txid the reference the payment comes back with, for reconciliation; null for none
 */
public record PixPayload(
    String key,
    String description,
    String merchantName,
    String merchantCity,
    Long amountCents,
    String txid) {

  static final String GUI = "br.gov.bcb.pix";
  static final String NO_TXID = "***";

  public PixPayload {
    key = required(key, "PIX key").strip();
    description = description == null || description.isBlank() ? null : ascii(description.strip());
    merchantName = ascii(required(merchantName, "merchant name").strip());
    merchantCity = ascii(required(merchantCity, "merchant city").strip());
    txid = txid == null || txid.isBlank() ? NO_TXID : txid;
    check(merchantName.length() <= 25, "the merchant name has at most 25 characters");
    check(merchantCity.length() <= 15, "the merchant city has at most 15 characters");
    check(
        txid.equals(NO_TXID) || txid.matches("[A-Za-z0-9]{1,25}"),
        "the txid has 1 to 25 letters and digits");
    check(amountCents == null || amountCents >= 0, "the amount is not negative");
    check(
        merchantAccount(key, description).length() <= 99,
        "the PIX key and description together are too long for field 26");
  }

  /** The BR Code, CRC included. */
  public String payload() {
    StringBuilder payload = new StringBuilder();
    payload.append(field("00", "01"));
    payload.append(field("26", merchantAccount(key, description)));
    payload.append(field("52", "0000"));
    payload.append(field("53", "986"));
    if (amountCents != null && amountCents > 0) {
      payload.append(field("54", BigDecimal.valueOf(amountCents, 2).toPlainString()));
    }
    payload.append(field("58", "BR"));
    payload.append(field("59", merchantName));
    payload.append(field("60", merchantCity));
    payload.append(field("62", field("05", txid)));
    payload.append("6304");
    return payload.append(Crc16.hex(payload.toString())).toString();
  }

  private static String merchantAccount(String key, String description) {
    return field("00", GUI)
        + field("01", key)
        + (description == null ? "" : field("02", description));
  }

  private static String field(String id, String value) {
    if (value.length() > 99) {
      throw new IllegalArgumentException("BR Code field " + id + " is longer than 99 characters");
    }
    return id + "%02d".formatted(value.length()) + value;
  }

  private static String ascii(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    check(plain.matches("[\\x20-\\x7E]*"), "'" + text + "' has characters a BR Code cannot carry");
    return plain;
  }

  private static String required(String value, String what) {
    check(value != null && !value.isBlank(), "the " + what + " is required");
    return value;
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
