package br.com.regua.agreement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The arithmetic of an agreement, in cents: each debt's open balance plus its late charges (fine
 * once, interest pro rata per day overdue over a 30-day month), less the discount, split into
 * installments. Every charge and the discount round down, so the fine never exceeds its percentage
 * nor the discount its limit; the installments are equal but for the last, which takes the rounding
 * remainder, so they sum to the total exactly.
 *
 * @param installments number, due date and amount; due dates a month apart from the first
 */
public record AgreementTerms(
    long principalCents,
    long fineCents,
    long interestCents,
    long discountCents,
    long totalCents,
    List<Installment> installments) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal DAYS_PER_MONTH = BigDecimal.valueOf(30);

  public record Installment(int number, LocalDate dueDate, long amountCents) {}

  /** One debt joined in the agreement: its open balance and how many days it is overdue. */
  public record Part(long balanceCents, long daysOverdue) {}

  /** The open balances plus their late charges, before any discount. */
  public long updatedCents() {
    return principalCents + fineCents + interestCents;
  }

  /**
   * @throws IllegalArgumentException when the total cannot give every installment at least a cent
   */
  public static AgreementTerms of(
      List<Part> parts,
      BigDecimal finePercent,
      BigDecimal monthlyInterestPercent,
      BigDecimal discountPercent,
      int count,
      LocalDate firstDueDate) {
    return of(
        parts,
        finePercent,
        monthlyInterestPercent,
        discountPercent,
        count,
        firstDueDate,
        UnaryOperator.identity());
  }

  /**
   * As {@link #of(List, BigDecimal, BigDecimal, BigDecimal, int, LocalDate)}, each installment's
   * due date (a month apart from the first) moved by {@code dueDateRule}, e.g. to a business day.
   *
   * @throws IllegalArgumentException when the total cannot give every installment at least a cent
   */
  public static AgreementTerms of(
      List<Part> parts,
      BigDecimal finePercent,
      BigDecimal monthlyInterestPercent,
      BigDecimal discountPercent,
      int count,
      LocalDate firstDueDate,
      UnaryOperator<LocalDate> dueDateRule) {
    if (parts.isEmpty() || count < 1) {
      throw new IllegalArgumentException("at least one debt and one installment");
    }
    long principal = 0;
    long fine = 0;
    long interest = 0;
    for (Part part : parts) {
      if (part.balanceCents() <= 0 || part.daysOverdue() < 0) {
        throw new IllegalArgumentException("balances must be positive, days overdue >= 0");
      }
      principal = Math.addExact(principal, part.balanceCents());
      if (part.daysOverdue() > 0) {
        BigDecimal balance = BigDecimal.valueOf(part.balanceCents());
        fine += percentOf(balance, finePercent);
        interest +=
            balance
                .multiply(monthlyInterestPercent)
                .multiply(BigDecimal.valueOf(part.daysOverdue()))
                .divide(HUNDRED.multiply(DAYS_PER_MONTH), 0, RoundingMode.DOWN)
                .longValueExact();
      }
    }
    long updated = principal + fine + interest;
    long discount = percentOf(BigDecimal.valueOf(updated), discountPercent);
    long total = updated - discount;
    return new AgreementTerms(
        principal, fine, interest, discount, total, split(total, count, firstDueDate, dueDateRule));
  }

  /** Equal installments, the remainder in the last; monthly from the first due date. */
  public static List<Installment> split(long totalCents, int count, LocalDate firstDueDate) {
    return split(totalCents, count, firstDueDate, UnaryOperator.identity());
  }

  /**
   * Equal installments, the remainder in the last; monthly from the first due date, each date moved
   * by {@code dueDateRule} (the months count from the first date as given, so a moved date does not
   * shift the next ones).
   */
  public static List<Installment> split(
      long totalCents, int count, LocalDate firstDueDate, UnaryOperator<LocalDate> dueDateRule) {
    if (count < 1 || totalCents < count) {
      throw new IllegalArgumentException(
          "cannot split " + totalCents + " cents in " + count + " installments of at least 1 cent");
    }
    long base = totalCents / count;
    List<Installment> installments = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      long amount = i < count ? base : totalCents - base * (count - 1);
      installments.add(
          new Installment(i, dueDateRule.apply(firstDueDate.plusMonths(i - 1)), amount));
    }
    return List.copyOf(installments);
  }

  /** The smallest installment: all but the last are equal, the last is at least as large. */
  public long smallestInstallmentCents() {
    return installments.getFirst().amountCents();
  }

  private static long percentOf(BigDecimal cents, BigDecimal percent) {
    return cents.multiply(percent).divide(HUNDRED, 0, RoundingMode.DOWN).longValueExact();
  }
}
