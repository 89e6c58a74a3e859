package br.com.regua.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.regua.agreement.AgreementTerms.Installment;
import br.com.regua.agreement.AgreementTerms.Part;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agreement arithmetic over thousands of random cases (a seeded random, so a failure names a
 * case that can be replayed): amounts from one cent to a hundred million reais, rates up to the
 * legal limits, up to 120 installments, up to five joined debts.
 */
class AgreementTermsTest {

  private static final long SEED = 20261123L;
  private static final LocalDate FIRST_DUE = LocalDate.of(2027, 1, 31);

  record Case(
      List<Part> parts,
      BigDecimal finePercent,
      BigDecimal interestPercent,
      BigDecimal discountPercent,
      int count) {}

  static Stream<Arguments> cases() {
    Random random = new Random(SEED);
    return IntStream.range(0, 5000)
        .mapToObj(
            i -> {
              List<Part> parts = new ArrayList<>();
              int debts = 1 + random.nextInt(5);
              for (int d = 0; d < debts; d++) {
                long balance =
                    random.nextInt(4) == 0
                        ? 1 + random.nextInt(500)
                        : 1 + (long) (random.nextDouble() * 10_000_000_000L);
                parts.add(new Part(balance, random.nextInt(4) == 0 ? 0 : random.nextInt(2000)));
              }
              return Arguments.of(
                  i,
                  new Case(
                      parts,
                      percent(random, 200),
                      percent(random, 100),
                      percent(random, 10000),
                      1 + random.nextInt(120)));
            });
  }

  /** A percentage with two decimals between 0 and max/100. */
  private static BigDecimal percent(Random random, int maxHundredths) {
    return BigDecimal.valueOf(random.nextInt(maxHundredths + 1), 2);
  }

  @ParameterizedTest(name = "case {0}")
  @MethodSource("cases")
  void installmentsSumToTheTotalAndNoneIsZeroOrNegative(int index, Case c) {
    long principal = c.parts().stream().mapToLong(Part::balanceCents).sum();
    long updatedUpperBound =
        principal
            + c.parts().stream()
                .filter(p -> p.daysOverdue() > 0)
                .mapToLong(
                    p -> p.balanceCents() * 2 / 100 + p.balanceCents() * p.daysOverdue() / 3000)
                .sum();
    AgreementTerms terms;
    try {
      terms =
          AgreementTerms.of(
              c.parts(),
              c.finePercent(),
              c.interestPercent(),
              c.discountPercent(),
              c.count(),
              FIRST_DUE);
    } catch (IllegalArgumentException tooSmall) {
      // only when the total cannot give each installment a cent: total >= principal * (1 - d)
      assertThat(
              BigDecimal.valueOf(principal)
                  .multiply(BigDecimal.valueOf(100).subtract(c.discountPercent())))
          .as("refused only when the total is below the count")
          .isLessThan(BigDecimal.valueOf(c.count() * 100L));
      return;
    }

    assertThat(terms.installments()).hasSize(c.count());
    assertThat(terms.installments().stream().mapToLong(Installment::amountCents).sum())
        .isEqualTo(terms.totalCents());
    assertThat(terms.installments()).allSatisfy(i -> assertThat(i.amountCents()).isPositive());
    assertThat(terms.totalCents())
        .isEqualTo(
            terms.principalCents()
                + terms.fineCents()
                + terms.interestCents()
                - terms.discountCents());
    assertThat(terms.principalCents()).isEqualTo(principal);
    // the legal limits, whatever the rates asked: fine <= 2%, interest <= 1% a month pro rata
    assertThat(terms.principalCents() + terms.fineCents() + terms.interestCents())
        .isLessThanOrEqualTo(updatedUpperBound);
    // the discount never exceeds its percentage of the updated amount
    assertThat(BigDecimal.valueOf(terms.discountCents()))
        .isLessThanOrEqualTo(
            BigDecimal.valueOf(terms.updatedCents())
                .multiply(c.discountPercent())
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
    // equal installments, the remainder (less than one cent per installment) in the last
    long base = terms.installments().getFirst().amountCents();
    assertThat(terms.installments().subList(0, c.count() - 1))
        .allSatisfy(i -> assertThat(i.amountCents()).isEqualTo(base));
    assertThat(terms.installments().getLast().amountCents() - base)
        .isBetween(0L, (long) c.count() - 1);
    // monthly due dates from the first, numbered from 1
    for (int n = 0; n < c.count(); n++) {
      assertThat(terms.installments().get(n).number()).isEqualTo(n + 1);
      assertThat(terms.installments().get(n).dueDate()).isEqualTo(FIRST_DUE.plusMonths(n));
    }
  }

  @Test
  void aWorkedExample() {
    // R$ 1.000,00, 45 days overdue: fine 2% = 20,00; interest 1% x 45/30 = 15,00; 1.035,00
    AgreementTerms terms =
        AgreementTerms.of(
            List.of(new Part(100_000, 45)),
            new BigDecimal("2"),
            new BigDecimal("1"),
            new BigDecimal("10"),
            3,
            LocalDate.of(2027, 1, 10));

    assertThat(terms.fineCents()).isEqualTo(2_000);
    assertThat(terms.interestCents()).isEqualTo(1_500);
    assertThat(terms.discountCents()).isEqualTo(10_350);
    assertThat(terms.totalCents()).isEqualTo(93_150);
    assertThat(terms.installments())
        .extracting(Installment::amountCents)
        .containsExactly(31_050L, 31_050L, 31_050L);
  }

  @Test
  void theRemainderGoesToTheLastInstallment() {
    assertThat(AgreementTerms.split(100_00, 3, LocalDate.of(2027, 1, 31)))
        .extracting(Installment::amountCents, Installment::dueDate)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3333L, LocalDate.of(2027, 1, 31)),
            org.assertj.core.groups.Tuple.tuple(3333L, LocalDate.of(2027, 2, 28)),
            org.assertj.core.groups.Tuple.tuple(3334L, LocalDate.of(2027, 3, 31)));
  }

  @Test
  void aNotYetDueDebtHasNoLateCharges() {
    AgreementTerms terms =
        AgreementTerms.of(
            List.of(new Part(12_345, 0)),
            new BigDecimal("2"),
            BigDecimal.ONE,
            BigDecimal.ZERO,
            1,
            FIRST_DUE);
    assertThat(terms.totalCents()).isEqualTo(12_345);
  }

  @Test
  void fewerCentsThanInstallmentsIsRefused() {
    assertThatThrownBy(() -> AgreementTerms.split(2, 3, FIRST_DUE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
