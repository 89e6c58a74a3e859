package br.com.regua.brazil;

import br.com.regua.api.InvalidFieldException;

/**
 * A Brazilian taxpayer id: CPF (a person, 11 digits) or CNPJ (a company, 14 digits), each with two
 * modulo-11 check digits. Accepts the usual punctuation ("123.456.789-09", "12.345.678/0001-95").
 */
public record TaxId(String digits) {

  public enum Kind {
    /** Pessoa física. */
    PF,
    /** Pessoa jurídica. */
    PJ
  }

  public TaxId {
    if (!isValid(digits)) {
      throw new IllegalArgumentException("invalid CPF/CNPJ");
    }
  }

  public static TaxId parse(String text) {
    return new TaxId(digitsOf(text));
  }

  /**
   * The digits of a CPF/CNPJ a request names (a path, a parameter).
   *
   * @throws InvalidFieldException a {@code 400} naming {@code field} when it is not valid
   */
  public static String digitsOf(String text, String field) {
    try {
      return parse(text).digits();
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(field, "must be a valid CPF or CNPJ");
    }
  }

  public static boolean isValidText(String text) {
    return text != null && isValid(digitsOf(text));
  }

  public Kind kind() {
    return digits.length() == 11 ? Kind.PF : Kind.PJ;
  }

  /** For logs: only the check digits are shown. */
  public String masked() {
    return "*".repeat(digits.length() - 2) + digits.substring(digits.length() - 2);
  }

  private static String digitsOf(String text) {
    if (text == null || !text.matches("[0-9./\\- ]+")) {
      return "";
    }
    return text.replaceAll("[^0-9]", "");
  }

  private static boolean isValid(String digits) {
    if (digits == null || !digits.matches("\\d{11}|\\d{14}")) {
      return false;
    }
    if (digits.chars().distinct().count() == 1) {
      return false; // 000.000.000-00 and the like pass the arithmetic but are not issued
    }
    int[] weights1;
    int[] weights2;
    if (digits.length() == 11) {
      weights1 = new int[] {10, 9, 8, 7, 6, 5, 4, 3, 2};
      weights2 = new int[] {11, 10, 9, 8, 7, 6, 5, 4, 3, 2};
    } else {
      weights1 = new int[] {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
      weights2 = new int[] {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    }
    return checkDigit(digits, weights1) == digits.charAt(weights1.length) - '0'
        && checkDigit(digits, weights2) == digits.charAt(weights2.length) - '0';
  }

  private static int checkDigit(String digits, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += (digits.charAt(i) - '0') * weights[i];
    }
    int remainder = sum % 11;
    return remainder < 2 ? 0 : 11 - remainder;
  }
}
