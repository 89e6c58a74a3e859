package br.com.regua.contact.sms;

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

  /** Whether the text is all GSM 03.38 (basic set or extension table). */
  static boolean isGsm(String text) {
    return text.codePoints()
        .allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
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
