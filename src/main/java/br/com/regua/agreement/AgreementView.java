package br.com.regua.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An agreement as the API shows it; amounts as decimal strings. {@code openBalance} is what is
 * still owed under it; {@code installments} counts them (kept for the first régua's clients).
 */
public record AgreementView(
    String agreementId,
    String debtId,
    List<String> debtIds,
    String status,
    String source,
    String offerId,
    String agent,
    int installments,
    String principal,
    String fine,
    String interest,
    String discount,
    String total,
    String paid,
    String openBalance,
    List<InstallmentView> schedule,
    Instant signedAt,
    Instant closedAt) {

  /** {@code status}: {@code PAID}, {@code OPEN} (not yet due or due today) or {@code LATE}. */
  public record InstallmentView(
      int number, LocalDate dueDate, String amount, String paid, String status, Instant paidAt) {}
}
