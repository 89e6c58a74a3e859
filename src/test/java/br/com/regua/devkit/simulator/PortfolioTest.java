package br.com.regua.devkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.brazil.PhoneNumbers;
import br.com.regua.brazil.TaxId;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortfolioTest {

  @Test
  void generatesValidDistinctDebtorsSpreadOverTheDueDaysAndTheSameForTheSameSeed() {
    LocalDate due = LocalDate.of(2030, 1, 12);
    List<Portfolio.Entry> a = Portfolio.generate(42, 300, due, 5, "SIM");

    assertThat(a).hasSize(300);
    assertThat(a)
        .allSatisfy(e -> assertThat(TaxId.isValidText(e.request().debtor().document())).isTrue());
    assertThat(a)
        .allSatisfy(e -> assertThat(PhoneNumbers.isMobile(e.request().debtor().phone())).isTrue());
    assertThat(a.stream().map(e -> e.request().debtor().document()).distinct()).hasSize(300);
    assertThat(a.stream().map(e -> e.request().dueDate()).distinct()).hasSize(5);
    assertThat(a).allSatisfy(e -> assertThat(e.amountCents()).isBetween(5_000L, 500_000L));
    assertThat(a.getFirst().debtId()).isEqualTo("SIM-0000001");
    assertThat(Portfolio.generate(42, 300, due, 5, "SIM")).isEqualTo(a);
    assertThat(Portfolio.generate(43, 300, due, 5, "SIM")).isNotEqualTo(a);
  }
}
