package br.com.regua.brazil;

import br.com.regua.api.InvalidFieldException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Brazilian taxpayer id: CPF (a person, 11 digits) or CNPJ (a company, 14 characters), each with
 * two modulo-11 check digits. Accepts the usual punctuation ("123.456.789-09",
 * "12.345.678/0001-95") and keeps the canonical form: no punctuation, upper case.
 *
 * <p>Since July 2026 the Receita Federal issues <b>alphanumeric CNPJs</b> (IN RFB 2.229/2024): the
 * first 12 characters may be digits or capital letters, the 2 check digits stay numeric. Each
 * character counts as its ASCII code minus 48 ({@code 0}–{@code 9} → 0–9, {@code A} → 17, {@code B}
 * → 18 …), with the weights of the numeric CNPJ, so a numeric CNPJ computes as before. Example of
 * the Receita: {@code 12.ABC.345/01DE-35}. Letters are compared in upper case: a lower-case input
 * is the same CNPJ.
 */
public record TaxId(String value) {

  public enum Kind {
    /** Pessoa física. */
    PF,
    /** Pessoa jurídica. */
    PJ
  }

  // compiled once: every registration row checks a document twice (validation, then parsing)
  private static final Pattern TEXT = Pattern.compile("[0-9A-Za-z./\\- ]+");
  private static final Pattern PUNCTUATION = Pattern.compile("[./\\- ]");
  private static final Pattern CANONICAL = Pattern.compile("\\d{11}|[0-9A-Z]{12}\\d{2}");

  private static final int[] CPF_WEIGHTS_1 = {10, 9, 8, 7, 6, 5, 4, 3, 2};
  private static final int[] CPF_WEIGHTS_2 = {11, 10, 9, 8, 7, 6, 5, 4, 3, 2};
  private static final int[] CNPJ_WEIGHTS_1 = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
  private static final int[] CNPJ_WEIGHTS_2 = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};

  public TaxId {
    if (!isValid(value)) {
      throw new IllegalArgumentException("invalid CPF/CNPJ");
    }
  }

  public static TaxId parse(String text) {
    return new TaxId(canonicalOf(text));
  }

  /**
   * The canonical form of a CPF/CNPJ a request names (a path, a parameter): no punctuation, upper
   * case.
   *
   * @throws InvalidFieldException a {@code 400} naming {@code field} when it is not valid
   */
  public static String canonicalOf(String text, String field) {
    try {
      return parse(text).value();
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(field, "must be a valid CPF or CNPJ");
    }
  }

  /**
   * The former name of {@link #canonicalOf(String, String)}, from before the alphanumeric CNPJ: the
   * result may hold letters.
   *
   * @deprecated use {@link #canonicalOf(String, String)}
   */
  @Deprecated(forRemoval = true)
  public static String digitsOf(String text, String field) {
    return canonicalOf(text, field);
  }

  /**
   * The former name of {@link #value()}: an alphanumeric CNPJ holds letters too.
   *
   * @deprecated use {@link #value()}
   */
  @Deprecated(forRemoval = true)
  public String digits() {
    return value;
  }

  public static boolean isValidText(String text) {
    return text != null && isValid(canonicalOf(text));
  }

  public Kind kind() {
    return value.length() == 11 ? Kind.PF : Kind.PJ;
  }

  /** For logs: only the check digits are shown. */
  public String masked() {
    return "*".repeat(value.length() - 2) + value.substring(value.length() - 2);
  }

  /** As people write it: {@code 529.982.247-25}, {@code 12.ABC.345/01DE-35}. */
  public String formatted() {
    if (kind() == Kind.PF) {
      return value.substring(0, 3)
          + "."
          + value.substring(3, 6)
          + "."
          + value.substring(6, 9)
          + "-"
          + value.substring(9);
    }
    return value.substring(0, 2)
        + "."
        + value.substring(2, 5)
        + "."
        + value.substring(5, 8)
        + "/"
        + value.substring(8, 12)
        + "-"
        + value.substring(12);
  }

  /**
   * The characters of a CPF/CNPJ without punctuation, in upper case; empty when the text has
   * anything but digits, letters and the usual punctuation.
   */
  private static String canonicalOf(String text) {
    if (text == null || !TEXT.matcher(text).matches()) {
      return "";
    }
    return PUNCTUATION.matcher(text).replaceAll("").toUpperCase(Locale.ROOT);
  }

  private static boolean isValid(String value) {
    if (value == null || !CANONICAL.matcher(value).matches()) {
      return false;
    }
    if (value.chars().distinct().count() == 1) {
      return false; // 000.000.000-00 and the like pass the arithmetic but are not issued
    }
    boolean cpf = value.length() == 11;
    int[] weights1 = cpf ? CPF_WEIGHTS_1 : CNPJ_WEIGHTS_1;
    int[] weights2 = cpf ? CPF_WEIGHTS_2 : CNPJ_WEIGHTS_2;
    return checkDigit(value, weights1) == value.charAt(weights1.length) - '0'
        && checkDigit(value, weights2) == value.charAt(weights2.length) - '0';
  }

  /** Modulo 11; a character counts as its ASCII code minus 48 (a digit as itself, A as 17). */
  private static int checkDigit(String value, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += (value.charAt(i) - '0') * weights[i];
    }
    int remainder = sum % 11;
    return remainder < 2 ? 0 : 11 - remainder;
  }
}
