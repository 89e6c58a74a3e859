package br.com.regua.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.brazil.BusinessDays;
import br.com.regua.brazil.Uf;
import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An offer's due dates fall on business days of the debtor's state: never on 25 December. */
class OfferCalculatorTest {

  private final BusinessDays businessDays = new BusinessDays();
  private final OfferCalculator calculator =
      new OfferCalculator(new AgreementProperties(null, null, 3, 30, null), businessDays);

  @Test
  void anOfferDueOnChristmasFallsDueOnTheNextBusinessDay() {
    // given an offer asked on Tuesday 22 December 2026: three days later is Christmas (a Friday)
    LocalDate today = LocalDate.of(2026, 12, 22);

    // when
    OfferCalculator.Quote quote = calculator.quote(List.of(debt(Uf.SP)), today);

    // then every offer's first date is Monday 28, and each month after falls on a business day
    assertThat(quote.offers())
        .isNotEmpty()
        .allSatisfy(
            offer ->
                assertThat(offer.terms().installments().getFirst().dueDate())
                    .isEqualTo(LocalDate.of(2026, 12, 28)));
    OfferCalculator.Priced six = quote.offers().getLast();
    assertThat(six.terms().installments())
        .extracting(AgreementTerms.Installment::dueDate)
        .containsExactly(
            LocalDate.of(2026, 12, 28),
            LocalDate.of(2027, 1, 25),
            LocalDate.of(2027, 2, 25),
            LocalDate.of(2027, 3, 25),
            LocalDate.of(2027, 4, 26), // Sunday 25 April
            LocalDate.of(2027, 5, 25));
  }

  @Test
  void theDebtorsStateHolidaysCountToo() {
    // Tuesday 6 July 2027: three days later is 9 July, São Paulo's holiday but not Rio's
    LocalDate today = LocalDate.of(2027, 7, 6);

    LocalDate sp =
        calculator
            .quote(List.of(debt(Uf.SP)), today)
            .offers()
            .getFirst()
            .terms()
            .installments()
            .getFirst()
            .dueDate();
    LocalDate rj =
        calculator
            .quote(List.of(debt(Uf.RJ)), today)
            .offers()
            .getFirst()
            .terms()
            .installments()
            .getFirst()
            .dueDate();

    assertThat(sp).isEqualTo(LocalDate.of(2027, 7, 12)); // Friday 9 is a holiday: Monday
    assertThat(rj).isEqualTo(LocalDate.of(2027, 7, 9));
  }

  @Test
  void aDealKeepsTheFirstDateAgreedAndPutsTheMonthsAfterOnBusinessDays() {
    // given agents' deals agreed on Saturday 21 November 2026
    LocalDate today = LocalDate.of(2026, 11, 21);
    AgreementRequest.Deal onAWednesday =
        new AgreementRequest.Deal(3, BigDecimal.ZERO, LocalDate.of(2026, 11, 25), "Ana");
    AgreementRequest.Deal onASaturday =
        new AgreementRequest.Deal(2, BigDecimal.ZERO, LocalDate.of(2026, 11, 28), "Ana");

    // when they are priced
    AgreementTerms wednesday = calculator.deal(List.of(debt(Uf.SP)), onAWednesday, today);
    AgreementTerms saturday = calculator.deal(List.of(debt(Uf.SP)), onASaturday, today);

    // then the first date is the one agreed, even a Saturday; a month after that falls on
    // Christmas (a Friday) moves to Monday 28
    assertThat(wednesday.installments())
        .extracting(AgreementTerms.Installment::dueDate)
        .containsExactly(
            LocalDate.of(2026, 11, 25), LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 25));
    assertThat(saturday.installments())
        .extracting(AgreementTerms.Installment::dueDate)
        .containsExactly(LocalDate.of(2026, 11, 28), LocalDate.of(2026, 12, 28));
  }

  @Test
  void everyDateOfEveryOfferIsABusinessDayTheWholeYearRound() {
    for (LocalDate today = LocalDate.of(2027, 1, 1);
        today.getYear() == 2027;
        today = today.plusDays(1)) {
      for (OfferCalculator.Priced offer : calculator.quote(List.of(debt(Uf.RJ)), today).offers()) {
        for (AgreementTerms.Installment installment : offer.terms().installments()) {
          assertThat(businessDays.isBusinessDay(installment.dueDate(), Uf.RJ))
              .as("offer of %s, installment %d", today, installment.number())
              .isTrue();
        }
      }
    }
  }

  private static Debt debt(Uf state) {
    return new Debt(
        "INV-" + state,
        new Debt.DebtorRecord(
            "52998224725", "Maria da Silva", "maria@example.test", "+5511987654321", state, null),
        600_00,
        600_00,
        LocalDate.of(2026, 11, 1),
        DebtStatus.ACTIVE,
        UUID.randomUUID(),
        "fingerprint",
        1L,
        Instant.parse("2026-11-01T12:00:00Z"),
        null,
        0,
        new Debt.Strategy("standard", new BigDecimal("10"), 6, 7, "NEGATIVATE"),
        LocalDate.of(2026, 11, 2),
        null);
  }
}
