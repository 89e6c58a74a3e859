package br.com.regua.contact.letter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a letter prints the debtor's CPF/CNPJ (stored in canonical form). */
class PrintedTaxIdTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // a CPF is personal data (LGPD): its middle digits only
    "52998224725, ***.982.247-**",
    // a CNPJ is public: in full, numeric or alphanumeric
    "11222333000181, 11.222.333/0001-81",
    "12ABC34501DE35, 12.ABC.345/01DE-35"
  })
  void printsTheDebtorsTaxId(String stored, String printed) {
    assertThat(LetterChannel.printedTaxId(stored)).isEqualTo(printed);
  }
}
