package br.com.regua.brazil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.regua.support.TestDebtors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaxIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"529.982.247-25", "52998224725", "168.995.350-09", "111.444.777-35"})
  void acceptsCpfsWithRightCheckDigits(String cpf) {
    TaxId id = TaxId.parse(cpf);

    assertThat(id.digits()).hasSize(11).containsOnlyDigits();
    assertThat(id.kind()).isEqualTo(TaxId.Kind.PF);
  }

  @ParameterizedTest
  @ValueSource(strings = {"11.222.333/0001-81", "11222333000181", "45.723.174/0001-10"})
  void acceptsCnpjsWithRightCheckDigits(String cnpj) {
    TaxId id = TaxId.parse(cnpj);

    assertThat(id.digits()).hasSize(14);
    assertThat(id.kind()).isEqualTo(TaxId.Kind.PJ);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "529.982.247-24", // second check digit wrong
        "529.982.247-15", // first check digit wrong
        "111.111.111-11", // all digits equal: passes the arithmetic, never issued
        "00000000000",
        "11.222.333/0001-82",
        "11.222.333/0001-91",
        "1234567890", // ten digits
        "529.982.247-25a",
        "",
        "5299822472 5x"
      })
  void rejectsWrongCheckDigitsAndShapes(String text) {
    assertThat(TaxId.isValidText(text)).isFalse();
    assertThatThrownBy(() -> TaxId.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @RepeatedTest(20)
  void theTestFixtureMakesValidCpfs() {
    assertThat(TaxId.isValidText(TestDebtors.cpf())).isTrue();
  }

  @Test
  void masksAllButTheCheckDigits() {
    assertThat(TaxId.parse("529.982.247-25").masked()).isEqualTo("*********25");
  }
}
