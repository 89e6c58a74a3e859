package br.com.regua.charge.boleto;

import java.time.LocalDate;

/**
 * A bank boleto (boleto de cobrança, FEBRABAN layout), held as its 44-digit barcode:
 *
 * <pre>
 * position  1-3   bank code            (001 Banco do Brasil, 104 Caixa, 237 Bradesco, 341 Itaú…)
 *           4     currency             (9 = real)
 *           5     general check digit  (module 11 of the other 43 digits)
 *           6-9   due-date factor      ({@link DueDateFactor})
 *          10-19  amount in cents      (zeros: the payer types it)
 *          20-44  free field           (the bank's own layout: agency, account, "nosso número"…)
 * </pre>
 *
 * The 47-digit digitable line (linha digitável), which debtors type into their bank's app, reorders
 * the same digits into five fields and adds a module-10 check digit to each of the first three:
 * {@code AAABC.CCCCX DDDDD.DDDDDY EEEEE.EEEEEZ K UUUUVVVVVVVVVV} (A bank, B currency, C/D/E free
 * field, X/Y/Z field check digits, K the barcode's check digit, U factor, V amount).
 *
 * <p>Convênio slips (arrecadação: utilities, taxes) start with 8 and follow another layout; they
 * are not boletos here.
 */
public record Boleto(String barcode) {

  public static final char CURRENCY_REAL = '9';

  private static final long MAX_AMOUNT_CENTS = 99_999_999_99L;

  public Boleto {
    if (barcode == null || !barcode.matches("\\d{44}")) {
      throw new InvalidBoletoException("a boleto's barcode has 44 digits");
    }
    if (barcode.charAt(0) == '8') {
      throw new InvalidBoletoException(
          "starts with 8: a convênio (arrecadação) slip, not a bank boleto");
    }
    int expected = CheckDigits.module11(barcode.substring(0, 4) + barcode.substring(5));
    if (barcode.charAt(4) - '0' != expected) {
      throw new InvalidBoletoException(
          "the general check digit (position 5) is "
              + barcode.charAt(4)
              + " but the other digits give "
              + expected);
    }
  }

  /**
   * Builds the barcode of a boleto in reais from its parts, computing the check digit.
   *
   * @param bankCode the bank's 3-digit compensation code
   * @param dueDate from 2000-07-03 on
   * @param amountCents 0 (the payer types the amount) to R$ 99.999.999,99
   * @param freeField the 25 digits whose layout the bank defines
   */
  public static Boleto build(
      String bankCode, LocalDate dueDate, long amountCents, String freeField) {
    if (bankCode == null || !bankCode.matches("\\d{3}")) {
      throw new IllegalArgumentException("the bank code has 3 digits");
    }
    if (freeField == null || !freeField.matches("\\d{25}")) {
      throw new IllegalArgumentException("the free field has 25 digits");
    }
    if (amountCents < 0 || amountCents > MAX_AMOUNT_CENTS) {
      throw new IllegalArgumentException("the amount does not fit the boleto's 10 digits");
    }
    String factor = "%04d".formatted(DueDateFactor.of(dueDate));
    String withoutDigit =
        bankCode + CURRENCY_REAL + factor + "%010d".formatted(amountCents) + freeField;
    int digit = CheckDigits.module11(withoutDigit);
    return new Boleto(withoutDigit.substring(0, 4) + digit + withoutDigit.substring(4));
  }

  /** The boleto of a barcode's 44 digits, its check digit verified. */
  public static Boleto fromBarcode(String barcode) {
    return new Boleto(barcode == null ? null : barcode.strip());
  }

  /**
   * The boleto of a digitable line: 47 digits, with or without the usual dots and spaces. Each
   * field's check digit and the general check digit are verified.
   */
  public static Boleto fromDigitableLine(String line) {
    String digits = line == null ? "" : line.replaceAll("[.\\s]", "");
    if (!digits.matches("\\d{47}")) {
      throw new InvalidBoletoException(
          digits.matches("\\d{48}")
              ? "48 digits: a convênio (arrecadação) slip, not a bank boleto"
              : "a boleto's digitable line has 47 digits");
    }
    checkField(1, digits.substring(0, 10));
    checkField(2, digits.substring(10, 21));
    checkField(3, digits.substring(21, 32));
    return new Boleto(
        digits.substring(0, 4) // bank and currency
            + digits.charAt(32) // general check digit
            + digits.substring(33, 47) // factor and amount
            + digits.substring(4, 9) // free field 1-5
            + digits.substring(10, 20) // free field 6-15
            + digits.substring(21, 31)); // free field 16-25
  }

  /** The 47 digits of the digitable line, without punctuation. */
  public String digitableLine() {
    String field1 = barcode.substring(0, 4) + barcode.substring(19, 24);
    String field2 = barcode.substring(24, 34);
    String field3 = barcode.substring(34, 44);
    return field1
        + CheckDigits.module10(field1)
        + field2
        + CheckDigits.module10(field2)
        + field3
        + CheckDigits.module10(field3)
        + barcode.charAt(4)
        + barcode.substring(5, 19);
  }

  /** The digitable line as printed on a boleto: {@code 00190.50095 40144.816069 … 3 3737…}. */
  public String formattedDigitableLine() {
    String d = digitableLine();
    return d.substring(0, 5)
        + "."
        + d.substring(5, 10)
        + " "
        + d.substring(10, 15)
        + "."
        + d.substring(15, 21)
        + " "
        + d.substring(21, 26)
        + "."
        + d.substring(26, 32)
        + " "
        + d.charAt(32)
        + " "
        + d.substring(33);
  }

  public String bankCode() {
    return barcode.substring(0, 3);
  }

  /** The due-date factor; 0 for a boleto without a due date. */
  public int dueDateFactor() {
    return Integer.parseInt(barcode.substring(5, 9));
  }

  /** The amount in cents; 0 when the payer types it. */
  public long amountCents() {
    return Long.parseLong(barcode.substring(9, 19));
  }

  private static void checkField(int number, String fieldWithDigit) {
    String field = fieldWithDigit.substring(0, fieldWithDigit.length() - 1);
    int given = fieldWithDigit.charAt(fieldWithDigit.length() - 1) - '0';
    int expected = CheckDigits.module10(field);
    if (given != expected) {
      throw new InvalidBoletoException(
          "field "
              + number
              + " of the digitable line ends in check digit "
              + given
              + " but its digits give "
              + expected);
    }
  }
}
