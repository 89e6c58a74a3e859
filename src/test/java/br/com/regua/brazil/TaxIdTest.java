package br.com.regua.brazil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.regua.api.InvalidFieldException;
import br.com.regua.support.TestDebtors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaxIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"529.982.247-25", "52998224725", "168.995.350-09", "111.444.777-35"})
  void acceptsCpfsWithRightCheckDigits(String cpf) {
    TaxId id = TaxId.parse(cpf);

    assertThat(id.value()).hasSize(11).containsOnlyDigits();
    assertThat(id.kind()).isEqualTo(TaxId.Kind.PF);
  }

  @ParameterizedTest
  @ValueSource(strings = {"11.222.333/0001-81", "11222333000181", "45.723.174/0001-10"})
  void acceptsCnpjsWithRightCheckDigits(String cnpj) {
    TaxId id = TaxId.parse(cnpj);

    assertThat(id.value()).hasSize(14);
    assertThat(id.kind()).isEqualTo(TaxId.Kind.PJ);
  }

  // check digits computed per IN RFB 2.229/2024: each character is its ASCII code minus 48, then
  // modulo 11 with the numeric CNPJ's weights (12.ABC.345/01DE-35 is the Receita's own example)
  @ParameterizedTest
  @CsvSource({
    "12.ABC.345/01DE-35, 12ABC34501DE35",
    "12ABC34501DE35, 12ABC34501DE35",
    "12.abc.345/01de-35, 12ABC34501DE35",
    "A1.B2C.3D4/E5F6-68, A1B2C3D4E5F668",
    "ZZ.ZZZ.ZZZ/0001-91, ZZZZZZZZ000191",
    "ABCDEFGH000195, ABCDEFGH000195",
    "RG0ABC12000170, RG0ABC12000170",
    "X9.Y8Z.7W6/0001-29, X9Y8Z7W6000129"
  })
  void acceptsAlphanumericCnpjsAndKeepsThemInUpperCase(String text, String canonical) {
    TaxId id = TaxId.parse(text);

    assertThat(id.value()).isEqualTo(canonical);
    assertThat(id.kind()).isEqualTo(TaxId.Kind.PJ);
    assertThat(TaxId.isValidText(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "12.ABC.345/01DE-34", // second check digit wrong
        "12.ABC.345/01DE-45", // first check digit wrong
        "12.ABD.345/01DE-35", // one letter changed
        "12.ABC.345/01DE-3A", // check digits are numeric
        "12ABC34501DE3", // 13 characters
        "12.ÁBC.345/01DE-35", // not an ASCII letter
        "ZZZZZZZZZZZZZZ"
      })
  void rejectsWrongAlphanumericCnpjs(String text) {
    assertThat(TaxId.isValidText(text)).isFalse();
    assertThatThrownBy(() -> TaxId.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "12abc34501de35, 12.ABC.345/01DE-35",
    "11222333000181, 11.222.333/0001-81",
    "52998224725, 529.982.247-25"
  })
  void formatsAsPeopleWriteIt(String text, String formatted) {
    assertThat(TaxId.parse(text).formatted()).isEqualTo(formatted);
  }

  @Test
  void namesTheFieldOfARequestThatIsNotATaxId() {
    assertThat(TaxId.canonicalOf("12.abc.345/01de-35", "document")).isEqualTo("12ABC34501DE35");
    assertThatThrownBy(() -> TaxId.canonicalOf("12.ABC.345/01DE-36", "document"))
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("document"));
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
        "5299822472A", // a letter in a CPF
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

  @RepeatedTest(20)
  void theTestFixtureMakesValidAlphanumericCnpjs() {
    assertThat(TaxId.isValidText(TestDebtors.alphanumericCnpj())).isTrue();
  }

  @Test
  void masksAllButTheCheckDigits() {
    assertThat(TaxId.parse("529.982.247-25").masked()).isEqualTo("*********25");
  }
}
