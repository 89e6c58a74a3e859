package br.com.regua.agreement;

import br.com.regua.api.RuleViolationException;
import br.com.regua.brazil.BusinessDays;
import br.com.regua.brazil.Uf;
import br.com.regua.debt.Debt;
import br.com.regua.money.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * Prices agreements for a set of debts of one debtor: the self-service offers (pay in full with the
 * strategy's discount, or 2 to the strategy's maximum installments) and an agent's deal, checked
 * against the same limits. An offer's due dates fall on business days of the debtor's state (a date
 * on a weekend or holiday moves to the next business day); an agent's deal keeps the first due date
 * the agent and the debtor agreed, and the months after it fall on business days. The strategy's
 * limits ({@code maxDiscountPercent}, {@code maxInstallments}) come from the {@code
 * dunning-strategy} decision; for joined debts the strictest applies.
 *
 * <p>An offer's id is a digest of what it offers and of the day: the same offer asked twice on a
 * day has the same id, and accepting recomputes the offers and looks the id up, so no offer needs
 * storing and one whose balances changed (a payment) or whose day ended is simply not found.
 */
@Component
class OfferCalculator {

  static final String FULL_PAYMENT = "FULL_PAYMENT";
  static final String INSTALLMENTS = "INSTALLMENTS";

  private final AgreementProperties properties;
  private final BusinessDays businessDays;

  OfferCalculator(AgreementProperties properties, BusinessDays businessDays) {
    this.properties = properties;
    this.businessDays = businessDays;
  }

  record Priced(String offerId, String kind, BigDecimal discountPercent, AgreementTerms terms) {}

  /**
   * @param charges the balances with their late charges, no discount, paid at once
   */
  record Quote(
      List<String> debtIds,
      BigDecimal maxDiscountPercent,
      int maxInstallments,
      AgreementTerms charges,
      List<Priced> offers) {}

  Quote quote(List<Debt> debts, LocalDate today) {
    BigDecimal maxDiscount = maxDiscountPercent(debts);
    int maxInstallments = maxInstallments(debts);
    LocalDate firstDue = today.plusDays(properties.firstDueDays());
    // every date an offer sets falls on a business day of the debtor's state (never 25 December)
    Uf state = debts.getFirst().debtor().state();
    UnaryOperator<LocalDate> businessDay = date -> businessDays.onOrNextBusinessDay(date, state);
    List<Priced> offers = new ArrayList<>();
    offers.add(price(debts, today, FULL_PAYMENT, maxDiscount, 1, firstDue, businessDay));
    for (int n = 2; n <= maxInstallments; n++) {
      Priced offer = price(debts, today, INSTALLMENTS, BigDecimal.ZERO, n, firstDue, businessDay);
      if (offer.terms().smallestInstallmentCents() >= properties.minInstallmentCents()) {
        offers.add(offer);
      }
    }
    return new Quote(
        debts.stream().map(Debt::debtId).toList(),
        maxDiscount,
        maxInstallments,
        terms(debts, today, BigDecimal.ZERO, 1, firstDue, businessDay),
        List.copyOf(offers));
  }

  /** An agent's deal, priced; a deal beyond the strategy's limits is a 422 naming the limit. */
  AgreementTerms deal(List<Debt> debts, AgreementRequest.Deal deal, LocalDate today) {
    BigDecimal maxDiscount = maxDiscountPercent(debts);
    int maxInstallments = maxInstallments(debts);
    // the API validates these; a deal from the negotiation form arrives unvalidated
    if (deal.firstDueDate() == null) {
      throw new RuleViolationException("deal.firstDueDate", "the first due date is required");
    }
    if (deal.installments() == null || deal.installments() < 1) {
      throw new RuleViolationException("deal.installments", "at least one installment");
    }
    if (deal.discountPercent() == null || deal.discountPercent().signum() < 0) {
      throw new RuleViolationException("deal.discountPercent", "a discount from 0%");
    }
    if (deal.discountPercent().compareTo(maxDiscount) > 0) {
      throw new RuleViolationException(
          "deal.discountPercent",
          "a discount of "
              + deal.discountPercent().stripTrailingZeros().toPlainString()
              + "% exceeds the strategy's maximum discount (maxDiscountPercent) of "
              + maxDiscount.stripTrailingZeros().toPlainString()
              + "%");
    }
    if (deal.installments() > maxInstallments) {
      throw new RuleViolationException(
          "deal.installments",
          deal.installments()
              + " installments exceed the strategy's maximum installments (maxInstallments) of "
              + maxInstallments);
    }
    LocalDate latest = today.plusDays(properties.maxFirstDueDays());
    if (deal.firstDueDate().isBefore(today) || deal.firstDueDate().isAfter(latest)) {
      throw new RuleViolationException(
          "deal.firstDueDate",
          "the first installment must fall due between today ("
              + today
              + ") and "
              + latest
              + " (regua.agreements.max-first-due-days: "
              + properties.maxFirstDueDays()
              + ")");
    }
    AgreementTerms terms;
    try {
      terms =
          terms(
              debts,
              today,
              deal.discountPercent(),
              deal.installments(),
              deal.firstDueDate(),
              laterOnBusinessDays(deal.firstDueDate(), debts.getFirst().debtor().state()));
    } catch (IllegalArgumentException e) {
      throw new RuleViolationException("deal.installments", e.getMessage());
    }
    if (deal.installments() > 1
        && terms.smallestInstallmentCents() < properties.minInstallmentCents()) {
      throw new RuleViolationException(
          "deal.installments",
          "installments of "
              + Money.toReais(terms.smallestInstallmentCents())
              + " are below the minimum installment (regua.agreements.min-installment-cents) of "
              + Money.toReais(properties.minInstallmentCents()));
    }
    return terms;
  }

  private Priced price(
      List<Debt> debts,
      LocalDate today,
      String kind,
      BigDecimal discountPercent,
      int count,
      LocalDate firstDue,
      UnaryOperator<LocalDate> dueDateRule) {
    AgreementTerms terms = terms(debts, today, discountPercent, count, firstDue, dueDateRule);
    return new Priced(offerId(debts, today, kind, terms), kind, discountPercent, terms);
  }

  private AgreementTerms terms(
      List<Debt> debts,
      LocalDate today,
      BigDecimal discountPercent,
      int count,
      LocalDate firstDue,
      UnaryOperator<LocalDate> dueDateRule) {
    List<AgreementTerms.Part> parts =
        debts.stream()
            .map(
                debt ->
                    new AgreementTerms.Part(
                        debt.openBalanceCents(),
                        Math.max(0, ChronoUnit.DAYS.between(debt.interestFrom(), today))))
            .toList();
    return AgreementTerms.of(
        parts,
        properties.finePercent(),
        properties.monthlyInterestPercent(),
        discountPercent,
        count,
        firstDue,
        dueDateRule);
  }

  /**
   * A deal's first due date is the one agreed with the debtor; the months after it, which we
   * compute, fall on business days of the debtor's state.
   */
  private UnaryOperator<LocalDate> laterOnBusinessDays(LocalDate agreedFirst, Uf state) {
    return date -> date.equals(agreedFirst) ? date : businessDays.onOrNextBusinessDay(date, state);
  }

  private static BigDecimal maxDiscountPercent(List<Debt> debts) {
    return debts.stream()
        .map(debt -> debt.strategy().maxDiscountPercent())
        .min(Comparator.naturalOrder())
        .orElseThrow();
  }

  private static int maxInstallments(List<Debt> debts) {
    return debts.stream()
        .mapToInt(debt -> Math.max(1, debt.strategy().maxInstallments()))
        .min()
        .orElseThrow();
  }

  private static String offerId(
      List<Debt> debts, LocalDate today, String kind, AgreementTerms terms) {
    StringBuilder what = new StringBuilder(today.toString()).append('|').append(kind);
    debts.stream()
        .sorted(Comparator.comparing(Debt::debtId))
        .forEach(d -> what.append('|').append(d.debtId()).append('=').append(d.openBalanceCents()));
    what.append('|').append(terms.totalCents()).append('|').append(terms.installments().size());
    what.append('|').append(terms.installments().getFirst().dueDate());
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(what.toString().getBytes(StandardCharsets.UTF_8));
      return "OF-" + HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
