package br.com.regua.ops;

/**
 * The MDC key of the debt a log line is about: {@code debtId} while a worker ({@link
 * WorkerObservation}) or a request ({@link RequestDebtMdc}) works on one debt, so every line it
 * logs carries it (a field of its own in the JSON logs).
 */
public final class DebtMdc {

  public static final String KEY = "debtId";

  private DebtMdc() {}
}
