package br.com.regua.brazil;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers as libphonenumber's Brazilian plan sees them. */
class PhoneNumbersTest {

  @ParameterizedTest(name = "{0}: valid {1}, mobile {2}")
  @CsvSource({
    "+5511987654321, true, true", // São Paulo mobile (9 digits, starting with 9)
    "+5521998765432, true, true", // Rio mobile
    "+551133334444, true, false", // São Paulo landline
    "+556132221234, true, false", // Brasília landline
    "+5511087654321, false, false", // no mobile starts with 0
    "+5500987654321, false, false", // no area code 00
    "5511987654321, false, false", // not E.164 without its +
  })
  void validityAndMobility(String number, boolean valid, boolean mobile) {
    assertThat(PhoneNumbers.isValid(number)).isEqualTo(valid);
    assertThat(PhoneNumbers.isMobile(number)).isEqualTo(mobile);
  }
}
