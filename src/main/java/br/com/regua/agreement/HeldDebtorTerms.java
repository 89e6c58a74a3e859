package br.com.regua.agreement;

import br.com.regua.api.ConflictException;
import br.com.regua.api.RuleViolationException;
import br.com.regua.debt.Debt;
import br.com.regua.hold.DebtorHold;
import br.com.regua.hold.HoldKind;
import br.com.regua.hold.HoldService;
import br.com.regua.money.Money;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a hold on the debtor allows an agreement. A company in judicial recovery (Lei 11.101/2005
 * art. 6), a deceased debtor's estate and a legal order: no offer and no deal, the debts wait for
 * the court or the estate. An over-indebted consumer in a renegotiation (Lei 14.181/2021) may still
 * agree, but no installment may exceed what the plan leaves above the existential minimum (Decreto
 * 11.567/2023: R$ 600 a month), when the hold says how much that is.
 */
@Component
class HeldDebtorTerms {

  private final HoldService holds;

  HeldDebtorTerms(HoldService holds) {
    this.holds = holds;
  }

  /** The largest installment the debtor may be offered, if a hold limits it; 409 if none may. */
  Optional<Long> installmentCap(List<Debt> debts) {
    String document = debts.getFirst().debtor().document();
    for (DebtorHold hold : holds.standing(document)) {
      if (hold.kind() != HoldKind.OVER_INDEBTEDNESS) {
        throw new ConflictException(
            "debtId",
            "the debtor is under hold "
                + hold.holdId()
                + " ("
                + hold.kind()
                + "): no offer nor agreement until it is lifted");
      }
    }
    return holds.maxInstallmentCents(document);
  }

  /** Whether every installment of the terms is within the cap. */
  static boolean within(AgreementTerms terms, Optional<Long> cap) {
    return cap.isEmpty() || largest(terms) <= cap.get();
  }

  /** A deal above the cap is a 422 on {@code deal.installments}. */
  static void requireWithin(AgreementTerms terms, Optional<Long> cap) {
    if (!within(terms, cap)) {
      throw new RuleViolationException(
          "deal.installments",
          "an installment of "
              + Money.toReais(largest(terms))
              + " exceeds the "
              + Money.toReais(cap.get())
              + " a month the debtor's over-indebtedness plan leaves above the existential"
              + " minimum (Lei 14.181/2021; Decreto 11.567/2023): more installments, or a smaller"
              + " amount");
    }
  }

  private static long largest(AgreementTerms terms) {
    return terms.installments().stream()
        .mapToLong(AgreementTerms.Installment::amountCents)
        .max()
        .orElse(0);
  }
}
