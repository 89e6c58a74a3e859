package br.com.regua.money;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** BRL amounts: cents ({@code long}) inside, decimal strings ("1234.56") on the wire. */
public final class Money {

  private static final Pattern DECIMAL = Pattern.compile("\\d{1,13}(\\.\\d{1,2})?");
  private static final Locale PT_BR = Locale.forLanguageTag("pt-BR");
  private static final NumberFormat REAIS = NumberFormat.getCurrencyInstance(PT_BR);

  private Money() {}

  /**
   * Parses a decimal string with at most two decimal places into cents.
   *
   * @throws IllegalArgumentException for anything else: signs, exponents, a third decimal place
   */
  public static long parseCents(String decimal) {
    if (decimal == null || !DECIMAL.matcher(decimal).matches()) {
      throw new IllegalArgumentException(
          "must be a decimal string with at most 2 decimal places, e.g. \"1234.56\"");
    }
    return new BigDecimal(decimal).movePointRight(2).longValueExact();
  }

  public static boolean isValidPositive(String decimal) {
    try {
      return parseCents(decimal) > 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Cents as the API writes them: "1234.56". */
  public static String toDecimal(long cents) {
    return BigDecimal.valueOf(cents, 2).toPlainString();
  }

  /** Cents as a Brazilian reads them: "R$ 1.234,56". */
  public static String toReais(long cents) {
    NumberFormat format = (NumberFormat) REAIS.clone(); // not thread-safe; looking it up is slow
    // The JDK uses a no-break space after "R$"; mail clients show a plain one more reliably.
    return format.format(BigDecimal.valueOf(cents, 2)).replace('\u00a0', ' ');
  }
}
