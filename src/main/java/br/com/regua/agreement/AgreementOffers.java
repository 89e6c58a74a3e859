package br.com.regua.agreement;

import br.com.regua.money.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The offers a debtor may take for a debt and the debts joined to it. Nothing is stored: an offer's
 * id is a digest of what it offers and of the day (see {@link OfferCalculator}), so signing
 * recomputes the offers and looks the id up.
 */
@Service
public class AgreementOffers {

  private final AgreementDebts parties;
  private final OfferCalculator calculator;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final HeldDebtorTerms held;

  AgreementOffers(
      AgreementDebts parties,
      OfferCalculator calculator,
      TransactionTemplate tx,
      Clock clock,
      HeldDebtorTerms held) {
    this.held = held;
    this.parties = parties;
    this.calculator = calculator;
    this.tx = tx;
    this.clock = clock;
  }

  /** The offers for the debt and the debts joined to it, valid until the end of today. */
  public OffersView offers(String debtId, List<String> joinDebtIds) {
    List<String> ids = AgreementDebts.debtIds(debtId, joinDebtIds);
    LocalDate today = LocalDate.now(clock);
    record Capped(OfferCalculator.Quote quote, java.util.Optional<Long> cap) {}
    Capped capped =
        tx.execute(
            status -> {
              var debts = parties.negotiable(ids, "join", false);
              return new Capped(calculator.quote(debts, today), held.installmentCap(debts));
            });
    OfferCalculator.Quote quote = capped.quote();
    AgreementTerms charges = quote.charges();
    OffsetDateTime validUntil =
        today.plusDays(1).atStartOfDay(clock.getZone()).minusSeconds(1).toOffsetDateTime();
    return new OffersView(
        quote.debtIds(),
        Money.toDecimal(charges.principalCents()),
        Money.toDecimal(charges.fineCents()),
        Money.toDecimal(charges.interestCents()),
        Money.toDecimal(charges.updatedCents()),
        quote.maxDiscountPercent().stripTrailingZeros().toPlainString(),
        quote.maxInstallments(),
        validUntil,
        quote.offers().stream()
            .filter(offer -> HeldDebtorTerms.within(offer.terms(), capped.cap()))
            .map(AgreementOffers::offerView)
            .toList());
  }

  private static OffersView.Offer offerView(OfferCalculator.Priced priced) {
    AgreementTerms terms = priced.terms();
    return new OffersView.Offer(
        priced.offerId(),
        priced.kind(),
        terms.installments().size(),
        priced.discountPercent().stripTrailingZeros().toPlainString(),
        Money.toDecimal(terms.discountCents()),
        Money.toDecimal(terms.totalCents()),
        terms.installments().getFirst().dueDate(),
        Money.toDecimal(terms.installments().getFirst().amountCents()),
        Money.toDecimal(terms.installments().getLast().amountCents()),
        terms.installments().stream()
            .map(
                i ->
                    new OffersView.ScheduledInstallment(
                        i.number(), i.dueDate(), Money.toDecimal(i.amountCents())))
            .toList());
  }
}
