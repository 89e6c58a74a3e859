package br.com.regua.brazil;

/**
 * The common Brazilian numbers decided without libphonenumber's parse: {@code +55}, a DDD (area
 * code) and the subscriber's 8 or 9 digits, nothing else. For those, libphonenumber's plan for BR
 * (version 9) reads only the DDD, the length and the subscriber number's first digit: a landline
 * has 8 digits starting with 2 to 5; a mobile has 9 starting with 9, or the 8 of the old mobiles
 * starting with 7. Any other text (punctuation, a national prefix, toll-free and shared-cost
 * numbers, other countries) is left to libphonenumber.
 *
 * <p>{@code BrazilianNumbersTest} compares this with libphonenumber for every two-digit prefix,
 * length and first digit: a plan that changes (a new DDD, a new kind of number) fails it.
 */
final class BrazilianNumbers {

  enum Type {
    FIXED_LINE,
    MOBILE,
    INVALID,
    /** Not one of the forms decided here: ask libphonenumber. */
    NOT_DECIDED
  }

  /** The 67 DDDs in use, as libphonenumber's plan lists them. */
  private static final boolean[] AREA_CODES = new boolean[100];

  static {
    for (String ddd :
        ("11 12 13 14 15 16 17 18 19 21 22 24 27 28 31 32 33 34 35 37 38"
                + " 41 42 43 44 45 46 47 48 49 51 53 54 55 61 62 63 64 65 66 67 68 69"
                + " 71 73 74 75 77 79 81 82 83 84 85 86 87 88 89 91 92 93 94 95 96 97 98 99")
            .split(" ")) {
      AREA_CODES[Integer.parseInt(ddd)] = true;
    }
  }

  private BrazilianNumbers() {}

  static Type typeOf(String e164) {
    if (e164 == null || !e164.startsWith("+55") || !digitsFrom(e164, 3)) {
      return Type.NOT_DECIDED;
    }
    int subscriberDigits = e164.length() - 5; // after "+55" and the DDD
    if (subscriberDigits != 8 && subscriberDigits != 9) {
      return Type.NOT_DECIDED;
    }
    int ddd = (e164.charAt(3) - '0') * 10 + (e164.charAt(4) - '0');
    if (!AREA_CODES[ddd]) {
      return Type.NOT_DECIDED; // toll-free, premium rate, a national prefix: libphonenumber's
    }
    char first = e164.charAt(5);
    if (subscriberDigits == 9) {
      return first == '9' ? Type.MOBILE : Type.INVALID;
    }
    return first >= '2' && first <= '5'
        ? Type.FIXED_LINE
        : first == '7' ? Type.MOBILE : Type.INVALID;
  }

  private static boolean digitsFrom(String text, int start) {
    for (int i = start; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
