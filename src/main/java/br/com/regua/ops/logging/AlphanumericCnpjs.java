package br.com.regua.ops.logging;

import br.com.regua.brazil.TaxId;
import java.util.regex.Pattern;

/**
 * Finds and masks alphanumeric CNPJs (IN RFB 2.229/2024) in a log line for {@link PiiMasker}: the
 * number scan there looks for stretches of nine digits or more, and an alphanumeric CNPJ may hold
 * only its two check digits.
 */
final class AlphanumericCnpjs {

  private static final String MASK = "*";

  // an alphanumeric CNPJ (IN RFB 2.229/2024): 12 digits or letters, 2 check digits; unpunctuated
  // only in the canonical upper case, so that lower-case words and hashes are left alone
  private static final Pattern ALPHANUMERIC_CNPJ =
      Pattern.compile(
          "[0-9A-Za-z]{2}\\.[0-9A-Za-z]{3}\\.[0-9A-Za-z]{3}/[0-9A-Za-z]{4}-\\d{2}|[0-9A-Z]{12}\\d{2}");

  private AlphanumericCnpjs() {}

  /**
   * The text with every alphanumeric CNPJ masked. A CNPJ ends in two digits not followed by a
   * letter or digit: only there are the 14 (unpunctuated) or 18 (punctuated) characters before it
   * tried, so a line costs one pass. Every letter and digit but the check digits is masked.
   */
  static String mask(String text) {
    char[] chars = null;
    int length = text.length();
    for (int end = 14; end <= length; end++) {
      if (!isDigitChar(text.charAt(end - 1))
          || !isDigitChar(text.charAt(end - 2))
          || (end < length && isAlphanumeric(text.charAt(end)))
          || (end + 1 < length
              && "./-".indexOf(text.charAt(end)) >= 0
              && isDigitChar(text.charAt(end + 1)))) {
        continue;
      }
      for (int width : new int[] {14, 18}) {
        int start = end - width;
        if (start < 0
            || (start > 0
                && (isAlphanumeric(text.charAt(start - 1)) || text.charAt(start - 1) == '.'))) {
          continue;
        }
        String candidate = text.substring(start, end);
        if (candidate.chars().anyMatch(Character::isLetter)
            && ALPHANUMERIC_CNPJ.matcher(candidate).matches()
            && TaxId.isValidText(candidate)) {
          if (chars == null) {
            chars = text.toCharArray();
          }
          keepLastCharacters(candidate, 2).getChars(0, width, chars, start);
        }
      }
    }
    return chars == null ? text : new String(chars);
  }

  private static boolean isAlphanumeric(char c) {
    return isDigitChar(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  /** Every letter and digit but the last {@code keep} becomes '*'; punctuation stays. */
  private static String keepLastCharacters(String value, int keep) {
    int total = (int) value.chars().filter(c -> isAlphanumeric((char) c)).count();
    StringBuilder out = new StringBuilder(value.length());
    int seen = 0;
    for (char c : value.toCharArray()) {
      if (isAlphanumeric(c)) {
        seen++;
        out.append(seen > total - keep ? String.valueOf(c) : MASK);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isDigitChar(char c) {
    return c >= '0' && c <= '9';
  }
}
