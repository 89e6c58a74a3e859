package br.com.regua.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

  @ParameterizedTest
  @CsvSource({
    "1234.56,123456",
    "0.01,1",
    "10,1000",
    "10.5,1050",
    "9999999999999.99,999999999999999"
  })
  void parsesDecimalStringsIntoCents(String decimal, long cents) {
    assertThat(Money.parseCents(decimal)).isEqualTo(cents);
  }

  @ParameterizedTest
  @ValueSource(strings = {"12.345", "-1.00", "+1.00", "1e3", "1,50", " 1.00", "", ".50", "1."})
  void rejectsAnythingElse(String decimal) {
    assertThatThrownBy(() -> Money.parseCents(decimal))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void zeroIsNotAPositiveAmount() {
    assertThat(Money.isValidPositive("0.00")).isFalse();
    assertThat(Money.isValidPositive("0.01")).isTrue();
  }

  @Test
  void writesCentsForTheApiAndForPeople() {
    assertThat(Money.toDecimal(123456)).isEqualTo("1234.56");
    assertThat(Money.toDecimal(5)).isEqualTo("0.05");
    assertThat(Money.toReais(123456)).isEqualTo("R$ 1.234,56");
    assertThat(Money.toReais(100)).isEqualTo("R$ 1,00");
  }
}
