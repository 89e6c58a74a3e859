package br.com.regua.contact.sms;

import java.text.Normalizer;

/**
 * How many SMS parts a text costs. A text in the GSM 03.38 alphabet fits 160 characters in one
 * message (153 per part when split; the escape characters {@code ^{}\[~]|€} count twice); one
 * character outside it (ã, õ, ç, á, ê…) turns the whole text into UCS-2: 70 characters, 67 per
 * part. Portuguese templates hit this easily, so the channel warns when a text costs more than one.
 */
public final class SmsText {

  private static final String GSM_BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

  private SmsText() {}

  /**
   * The text in the GSM alphabet, as it is sent: a character outside it loses its accent ("ã" →
   * "a", "ç" → "c", "ô" → "o"; é, à, ü and Ç are GSM and stay), typographic quotes and dashes
   * become plain ones, anything else "?". The templates are written in GSM already; this is for
   * what they are filled with (a creditor "Cobranças", a debtor "João"), one of which turned a
   * whole message into UCS-2 (70 characters a part instead of 160).
   */
  public static String toGsm(String text) {
    if (isGsm(text)) {
      return text;
    }
    StringBuilder gsm = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (isGsm(c)) {
                gsm.appendCodePoint(c);
                return;
              }
              String plain =
                  switch (c) {
                    case '\u00a0', '\u2007', '\u202f' -> " ";
                    case '\u2018', '\u2019', '\u00b4', '`' -> "'";
                    case '\u201c', '\u201d', '\u00ab', '\u00bb' -> "\"";
                    case '\u2013', '\u2014', '\u2212' -> "-";
                    case '\u2026' -> "...";
                    case '\u00ba' -> "o";
                    case '\u00aa' -> "a";
                    default ->
                        Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD)
                            .replaceAll("\\p{M}", "");
                  };
              gsm.append(isGsm(plain) && !plain.isEmpty() ? plain : "?");
            });
    return gsm.toString();
  }

  private static boolean isGsm(int c) {
    return GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0;
  }

  /** Whether the text is all GSM 03.38 (basic set or extension table). */
  public static boolean isGsm(String text) {
    return text.codePoints().allMatch(SmsText::isGsm);
  }

  /** The number of SMS messages the text is sent as. */
  public static int parts(String text) {
    if (isGsm(text)) {
      int septets =
          text.length() + (int) text.chars().filter(c -> GSM_EXTENSION.indexOf(c) >= 0).count();
      return septets <= 160 ? 1 : (septets + 152) / 153;
    }
    int units = text.length(); // UTF-16 code units, as UCS-2 counts them
    return units <= 70 ? 1 : (units + 66) / 67;
  }
}
