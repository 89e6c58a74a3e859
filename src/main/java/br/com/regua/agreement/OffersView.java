package br.com.regua.agreement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code GET /api/debts/{debtId}/offers}: what the debtor may take now, for the debt and the debts
 * joined to it. Amounts as decimal strings: the open balances, the late charges (fine, interest pro
 * rata), the amount they come to, and one offer per way to pay, each valid until {@code validUntil}
 * (the end of the day in São Paulo; a payment meanwhile changes the offers).
 */
public record OffersView(
    List<String> debtIds,
    String openBalance,
    String fine,
    String interest,
    String updatedAmount,
    String maxDiscountPercent,
    int maxInstallments,
    OffsetDateTime validUntil,
    List<Offer> offers) {

  /**
   * @param kind {@code FULL_PAYMENT} (the strategy's discount, one payment) or {@code INSTALLMENTS}
   * @param installmentAmount every installment but the last, which takes the rounding remainder
   */
  public record Offer(
      String offerId,
      String kind,
      int installments,
      String discountPercent,
      String discount,
      String total,
      LocalDate firstDueDate,
      String installmentAmount,
      String lastInstallmentAmount,
      List<ScheduledInstallment> schedule) {}

  public record ScheduledInstallment(int number, LocalDate dueDate, String amount) {}
}
