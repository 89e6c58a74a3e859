package br.com.regua.charge.boleto;

/**
 * The two check-digit rules of FEBRABAN's bank boleto ("bloqueto de cobrança"): module 10 guards
 * each of the first three fields of the digitable line, module 11 the whole barcode.
 */
final class CheckDigits {

  private CheckDigits() {}

  /**
   * Module 10: digits weighted 2, 1, 2, 1… from the right; a product above 9 counts as the sum of
   * its digits (16 → 1 + 6); the check digit is what brings the sum to the next multiple of 10.
   */
  static int module10(String digits) {
    int sum = 0;
    int weight = 2;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int product = (digits.charAt(i) - '0') * weight;
      sum += product / 10 + product % 10;
      weight = weight == 2 ? 1 : 2;
    }
    return (10 - sum % 10) % 10;
  }

  /**
   * Module 11 of the barcode's general check digit: digits weighted 2 to 9 from the right, then
   * again from 2; the digit is 11 minus the remainder of the sum by 11. The results 0, 10 and 11
   * become 1: the barcode's DV is never 0, so a scanner that reads a blank as 0 cannot pass.
   */
  static int module11(String digits) {
    int sum = 0;
    int weight = 2;
    for (int i = digits.length() - 1; i >= 0; i--) {
      sum += (digits.charAt(i) - '0') * weight;
      weight = weight == 9 ? 2 : weight + 1;
    }
    int digit = 11 - sum % 11;
    return digit == 10 || digit == 11 ? 1 : digit;
  }
}
