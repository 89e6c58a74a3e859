package br.com.regua.creditor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CreditorPropertiesTest {

  @Test
  void theDemoCreditorHasAValidAlphanumericCnpj() {
    // the Receita Federal's own example, 12.ABC.345/01DE-35: its check digits are right
    assertThat(CreditorProperties.DEMO.cnpj()).isEqualTo("12.ABC.345/01DE-35");
    assertThat(CreditorProperties.DEMO.document()).isEqualTo("12ABC34501DE35");
    assertThat(CreditorProperties.DEMO.name()).isEqualTo("Régua Cobranças Demonstração Ltda.");
    assertThat(CreditorProperties.DEMO.address()).isNotBlank();
  }

  @Test
  void aConfiguredCnpjIsPrintedAsPeopleWriteItWhateverItsSpelling() {
    CreditorProperties creditor =
        new CreditorProperties("Loja Exemplo S.A.", "11222333000181", "Rua A, 1", "0800");

    assertThat(creditor.cnpj()).isEqualTo("11.222.333/0001-81");
    assertThat(creditor.document()).isEqualTo("11222333000181");
  }

  @Test
  void aCreditorWithoutNameCnpjAddressOrContactDoesNotStart() {
    // the remote profile has no demo creditor: production must set its own (CDC art. 42-A)
    assertThatThrownBy(() -> new CreditorProperties(null, "12.ABC.345/01DE-35", "Rua A, 1", "0800"))
        .hasMessageContaining("REGUA_CREDITOR_NAME");
    assertThatThrownBy(() -> new CreditorProperties("Loja", " ", "Rua A, 1", "0800"))
        .hasMessageContaining("REGUA_CREDITOR_CNPJ");
    assertThatThrownBy(() -> new CreditorProperties("Loja", "12.ABC.345/01DE-35", "", "0800"))
        .hasMessageContaining("REGUA_CREDITOR_ADDRESS");
    assertThatThrownBy(() -> new CreditorProperties("Loja", "12.ABC.345/01DE-35", "Rua A, 1", null))
        .hasMessageContaining("REGUA_CREDITOR_SUPPORT_CONTACT");
  }

  @Test
  void aCnpjWithWrongCheckDigitsStopsTheStart() {
    assertThatThrownBy(
            () -> new CreditorProperties("Loja", "12.ABC.345/01DE-36", "Rua A, 1", "0800"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("regua.creditor.cnpj");
  }
}
