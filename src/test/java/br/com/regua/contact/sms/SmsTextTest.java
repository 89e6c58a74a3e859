package br.com.regua.contact.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsTextTest {

  @Test
  void aGsmTextFitsOneMessageUpTo160Characters() {
    assertThat(SmsText.isGsm("Maria, seu pagamento de R$ 1.234,56 segue em aberto.")).isTrue();
    assertThat(SmsText.parts("a".repeat(160))).isEqualTo(1);
    assertThat(SmsText.parts("a".repeat(161))).isEqualTo(2);
    assertThat(SmsText.parts("a".repeat(306))).isEqualTo(2);
    assertThat(SmsText.parts("a".repeat(307))).isEqualTo(3);
  }

  @Test
  void escapeCharactersCountTwice() {
    assertThat(SmsText.isGsm("{€}")).isTrue();
    assertThat(SmsText.parts("€".repeat(80))).isEqualTo(1);
    assertThat(SmsText.parts("€".repeat(81))).isEqualTo(2);
  }

  @Test
  void oneCharacterOutsideTheGsmAlphabetMakesItUcs2() {
    // "ã" and "ç" are not GSM 03.38 (é and Ç are)
    assertThat(SmsText.isGsm("Não")).isFalse();
    assertThat(SmsText.isGsm("opção")).isFalse();
    assertThat(SmsText.isGsm("É você")).isFalse();
    assertThat(SmsText.isGsm("Égua")).isTrue();
    assertThat(SmsText.parts("ã" + "a".repeat(69))).isEqualTo(1);
    assertThat(SmsText.parts("ã" + "a".repeat(70))).isEqualTo(2);
    assertThat(SmsText.parts("ã" + "a".repeat(134))).isEqualTo(3);
  }
}
