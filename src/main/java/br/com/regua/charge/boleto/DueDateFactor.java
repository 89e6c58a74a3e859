package br.com.regua.charge.boleto;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The boleto's due-date factor (fator de vencimento): four digits counting the days since the base
 * date 1997-10-07. The factor reached 9999 on 2025-02-21, and FEBRABAN restarted it at 1000 on
 * 2025-02-22 (BACEN/CENEGESC rule in force since 2014-03-12); it goes on by one a day and will
 * restart at 1000 after each further 9000 days (9999 again on 2049-10-13). Factor 0000 means a
 * boleto without a due date.
 */
public final class DueDateFactor {

  static final LocalDate BASE = LocalDate.of(1997, 10, 7);

  /** The first due date the four digits carry at 1000: the factor's 1000th day, 2000-07-03. */
  private static final int FIRST = 1000;

  private static final int CYCLE = 9000;

  private DueDateFactor() {}

  /**
   * The factor of a due date from 2000-07-03 on (the dates a boleto can still carry).
   *
   * @throws IllegalArgumentException for an earlier date
   */
  public static int of(LocalDate dueDate) {
    long days = ChronoUnit.DAYS.between(BASE, dueDate);
    if (days < FIRST) {
      throw new IllegalArgumentException("due date " + dueDate + " is before 2000-07-03");
    }
    return (int) (FIRST + (days - FIRST) % CYCLE);
  }
}
