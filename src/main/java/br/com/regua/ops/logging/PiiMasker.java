package br.com.regua.ops.logging;

import br.com.regua.brazil.TaxId;
import java.nio.CharBuffer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks debtors' personal data in a log line: CPF and CNPJ, numeric or alphanumeric (only the check
 * digits stay), Brazilian phone numbers (the last four digits stay) and email addresses (the first
 * letter and the domain stay). Every pattern needs the value's own shape, so ids, engine keys,
 * timestamps, amounts and UUIDs pass untouched: a CPF or CNPJ must be exactly 11 digits or 14
 * characters (an alphanumeric CNPJ, {@link AlphanumericCnpjs}) between non-alphanumerics (or
 * punctuated as usual) and have valid check digits; a phone needs +55, a DDD in parentheses, a
 * hyphen before its last four digits, or 55 + DDD + a mobile or landline number of the plan.
 */
public final class PiiMasker {

  private static final String MASK = "*";

  /** The area codes (DDD) Anatel assigns; a number without +55 must start with one. */
  private static final String DDD =
      "(?:1[1-9]|2[12478]|3[1-578]|4[1-9]|5[1345]|6[1-9]|7[134579]|8[1-9]|9[1-9])";

  // a@b.cc, also URL-encoded (a%40b.cc); the domain must end in a letters-only label, so
  // Object.toString() (Foo@1a2b3c), user@127.0.0.1 and name@1.2.3 versions are left alone
  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![A-Za-z0-9._+-])([A-Za-z0-9])[A-Za-z0-9._%+-]*(@|%40)((?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,})(?![A-Za-z0-9-])");

  private static final Pattern CNPJ =
      Pattern.compile(
          "(?<![0-9A-Za-z.])(?:\\d{2}\\.\\d{3}\\.\\d{3}/\\d{4}-\\d{2}|\\d{14})(?![0-9A-Za-z]|[./-]\\d)");

  private static final Pattern CPF =
      Pattern.compile(
          "(?<![0-9A-Za-z.])(?:\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}|\\d{11})(?![0-9A-Za-z]|[./-]\\d)");

  // +55 11 98765-4321, +55 (11) 3333-4444, +5511987654321, %2B5511987654321 (URL-encoded)
  private static final Pattern PHONE_E164 =
      Pattern.compile(
          "(?:\\+|%2[Bb])55[ .-]?(?:\\(\\d{2}\\)|\\d{2})[ .-]?(?:9[ .-]?)?\\d{4}[ .-]?\\d{4}(?!\\d)");

  // 5511987654321, 551133334444: the +55 form without its plus, as WhatsApp writes wa_id
  private static final Pattern PHONE_55 =
      Pattern.compile("(?<![0-9A-Za-z-])55" + DDD + "(?:9\\d{8}|[2-5]\\d{7})(?!\\d)");

  // (11) 98765-4321, (11)3333-4444, 11 98765-4321, 11 9 8765-4321, 98765-4321; a landline needs
  // its DDD, else 2024-2025 would be one
  private static final Pattern PHONE_NATIONAL =
      Pattern.compile(
          "(?<![0-9A-Za-z+./-])(?:(?:\\("
              + DDD
              + "\\) ?|"
              + DDD
              + " )(?:9 ?\\d{4}|[2-5]\\d{3})|9\\d{4})-\\d{4}(?![0-9-])");

  // 11987654321: DDD + a mobile's 9 + eight digits, alone
  private static final Pattern PHONE_NATIONAL_MOBILE =
      Pattern.compile("(?<![0-9A-Za-z])" + DDD + "9\\d{8}(?![0-9A-Za-z])");

  /** The patterns of numbers, in order, and how each masks what it matched (null: not masked). */
  private static final List<Map.Entry<Pattern, UnaryOperator<String>>> NUMBERS =
      List.of(
          Map.entry(CNPJ, value -> validTaxId(value) ? keepLastDigits(value, 2) : null),
          Map.entry(CPF, value -> validTaxId(value) ? keepLastDigits(value, 2) : null),
          Map.entry(PHONE_E164, PiiMasker::maskPhone),
          Map.entry(PHONE_55, value -> "55" + keepLastDigits(value.substring(2), 4)),
          Map.entry(PHONE_NATIONAL, value -> keepLastDigits(value, 4)),
          Map.entry(PHONE_NATIONAL_MOBILE, value -> keepLastDigits(value, 4)));

  /** What the numbers above are written with, besides digits. */
  private static final String PUNCTUATION = " .-/()+";

  private PiiMasker() {}

  /** The text with every CPF, CNPJ, phone number and email address in it masked. */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked = text;
    if (text.indexOf('@') >= 0 || text.contains("%40")) {
      masked = replace(EMAIL, masked, m -> m.group(1) + "***" + m.group(2) + m.group(3));
    }
    return maskNumbers(AlphanumericCnpjs.mask(masked));
  }

  /**
   * Runs the number patterns only over the stretches of digits and their punctuation that hold nine
   * digits or more, the fewest a value has (98765-4321): a text line's timestamp has eight, and
   * scanning each whole line with six patterns would cost more than writing it. Lookarounds still
   * see the characters around a stretch; masking keeps the length, so stretches stay put.
   */
  private static String maskNumbers(String text) {
    char[] chars = null;
    CharSequence current = text;
    int length = text.length();
    int i = 0;
    while (i < length) {
      if (!isDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      int end = i;
      int digits = 0;
      while (end < length
          && (isDigit(text.charAt(end)) || PUNCTUATION.indexOf(text.charAt(end)) >= 0)) {
        if (isDigit(text.charAt(end))) {
          digits++;
        }
        end++;
      }
      if (digits >= 9) {
        while (start > 0 && PUNCTUATION.indexOf(text.charAt(start - 1)) >= 0) {
          start--;
        }
        if (start >= 3 && text.regionMatches(true, start - 3, "%2B", 0, 3)) {
          start -= 3;
        }
        if (chars == null) {
          chars = text.toCharArray();
          current = CharBuffer.wrap(chars);
        }
        for (Map.Entry<Pattern, UnaryOperator<String>> rule : NUMBERS) {
          Matcher matcher =
              rule.getKey()
                  .matcher(current)
                  .region(start, end)
                  .useTransparentBounds(true)
                  .useAnchoringBounds(false);
          while (matcher.find()) {
            String masked = rule.getValue().apply(matcher.group());
            if (masked != null && masked.length() == matcher.end() - matcher.start()) {
              masked.getChars(0, masked.length(), chars, matcher.start());
            }
          }
        }
      }
      i = end;
    }
    return chars == null ? text : new String(chars);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Replaces each match by what {@code masking} returns; null keeps the match as it is. */
  private static String replace(Pattern pattern, String text, Function<Matcher, String> masking) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    do {
      String replacement = masking.apply(matcher);
      matcher.appendReplacement(
          out, Matcher.quoteReplacement(replacement == null ? matcher.group() : replacement));
    } while (matcher.find());
    matcher.appendTail(out);
    return out.toString();
  }

  private static String maskPhone(String phone) {
    int afterCountry = phone.indexOf("55") + 2;
    return phone.substring(0, afterCountry) + keepLastDigits(phone.substring(afterCountry), 4);
  }

  /** Every digit but the last {@code keep} becomes '*'; punctuation stays, for readability. */
  private static String keepLastDigits(String value, int keep) {
    int digits = 0;
    for (int i = 0; i < value.length(); i++) {
      if (Character.isDigit(value.charAt(i))) {
        digits++;
      }
    }
    StringBuilder out = new StringBuilder(value.length());
    int seen = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        seen++;
        out.append(seen > digits - keep ? String.valueOf(c) : MASK);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** CPF or CNPJ (numeric or alphanumeric) check digits (modulo 11), as the API checks them. */
  static boolean validTaxId(String text) {
    return TaxId.isValidText(text);
  }
}
