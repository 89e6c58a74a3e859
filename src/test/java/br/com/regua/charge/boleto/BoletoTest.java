package br.com.regua.charge.boleto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bank boleto barcode and digitable line (FEBRABAN layout), checked against published boletos:
 *
 * <ul>
 *   <li>Banco do Brasil, R$ 1,00 due 2007-12-31 (factor 3737): the BB example that Brazilian boleto
 *       validators test against, barcode, line, amount and due date as in {@code
 *       github.com/caio-farias/linhadigitavel2data-app}, README;
 *   <li>Caixa, R$ 214,03 due 2022-05-10 (factor 8981): {@code github.com/mrmgomes/boleto-utils},
 *       {@code test/test.js}.
 * </ul>
 *
 * The factor's restart at 1000 on 2025-02-22 is FEBRABAN's rule (BACEN/CENEGESC, in force since
 * 2014-03-12), as banks announced it: "Vencimento 21/02/2025 → fator 9999, 22/02/2025 → 1000"
 * (github.com/cobregratis/boletophp issue 62; BoletoNet/boleto2net issue 373 and its
 * FatorVencimento test).
 */
class BoletoTest {

  private static final String BB_BARCODE = "00193373700000001000500940144816060680935031";
  private static final String BB_LINE = "00190500954014481606906809350314337370000000100";
  private static final String BB_FORMATTED =
      "00190.50095 40144.816069 06809.350314 3 37370000000100";
  private static final String BB_FREE_FIELD = "0500940144816060680935031";

  private static final String CAIXA_BARCODE = "10499898100000214032006561000100040099726390";
  private static final String CAIXA_LINE = "10492006506100010004200997263900989810000021403";

  @ParameterizedTest
  @CsvSource({
    BB_BARCODE + "," + BB_LINE,
    CAIXA_BARCODE + "," + CAIXA_LINE,
  })
  void aPublishedBarcodeGivesItsPublishedDigitableLineAndBack(String barcode, String line) {
    // when
    Boleto fromBarcode = Boleto.fromBarcode(barcode);
    Boleto fromLine = Boleto.fromDigitableLine(line);

    // then
    assertThat(fromBarcode.digitableLine()).isEqualTo(line);
    assertThat(fromLine.barcode()).isEqualTo(barcode);
  }

  @Test
  void theDigitableLineIsFormattedAsPrintedAndReadBackWithItsPunctuation() {
    // given
    Boleto boleto = Boleto.fromBarcode(BB_BARCODE);

    // when
    String formatted = boleto.formattedDigitableLine();

    // then
    assertThat(formatted).isEqualTo(BB_FORMATTED);
    assertThat(Boleto.fromDigitableLine(formatted)).isEqualTo(boleto);
  }

  @Test
  void buildingFromThePartsReproducesThePublishedBarcodes() {
    assertThat(Boleto.build("001", LocalDate.of(2007, 12, 31), 100, BB_FREE_FIELD).barcode())
        .isEqualTo(BB_BARCODE);
    assertThat(
            Boleto.build("104", LocalDate.of(2022, 5, 10), 21403, "2006561000100040099726390")
                .barcode())
        .isEqualTo(CAIXA_BARCODE);
  }

  @Test
  void theBarcodeTellsItsBankAmountAndFactor() {
    Boleto caixa = Boleto.fromBarcode(CAIXA_BARCODE);

    assertThat(caixa.bankCode()).isEqualTo("104");
    assertThat(caixa.amountCents()).isEqualTo(21403);
    assertThat(caixa.dueDateFactor()).isEqualTo(8981);
  }

  @ParameterizedTest
  @CsvSource({
    "2000-07-03, 1000", // the first day the four digits carried 1000
    "2007-12-31, 3737", // the Banco do Brasil example
    "2014-03-12, 6000", // boleto2net's FatorVencimento test
    "2022-05-10, 8981", // the Caixa example
    "2025-02-21, 9999", // the last day of the first cycle
    "2025-02-22, 1000", // FEBRABAN's restart
    "2025-02-23, 1001",
    "2049-10-13, 9999", // the end of the second cycle, 9000 days on
    "2049-10-14, 1000",
  })
  void theDueDateFactorCountsDaysFrom1997AndRestartsAt1000(LocalDate dueDate, int factor) {
    assertThat(DueDateFactor.of(dueDate)).isEqualTo(factor);
  }

  @Test
  void aBoletoDueAfterTheRestartCarriesTheNewFactor() {
    // when
    Boleto boleto = Boleto.build("001", LocalDate.of(2025, 2, 22), 100, BB_FREE_FIELD);

    // then
    assertThat(boleto.dueDateFactor()).isEqualTo(1000);
    assertThat(boleto.barcode()).startsWith("0019").contains("10000000000100");
    assertThat(Boleto.fromDigitableLine(boleto.digitableLine())).isEqualTo(boleto);
    assertThat(boleto.formattedDigitableLine()).endsWith(" 10000000000100");
  }

  @Test
  void fieldCheckDigitsAreModule10() {
    // the three fields of the Banco do Brasil line: 00190.5009[5] 40144.81606[9] 06809.35031[4]
    assertThat(CheckDigits.module10("001905009")).isEqualTo(5);
    assertThat(CheckDigits.module10("4014481606")).isEqualTo(9);
    assertThat(CheckDigits.module10("0680935031")).isEqualTo(4);
  }

  @Test
  void theGeneralCheckDigitIsModule11AndNever0() {
    // FEBRABAN's worked example: 5555555555 → sum 245, remainder 3, digit 8
    assertThat(CheckDigits.module11("5555555555")).isEqualTo(8);
    // 11 − remainder = 10 or 11 (remainder 1 or 0) gives 1, never 0 nor two digits
    assertThat(CheckDigits.module11("0019" + "1000" + "0000000100" + "0".repeat(24) + "2"))
        .isEqualTo(1);
    assertThat(CheckDigits.module11("0019" + "1000" + "0000000100" + "0".repeat(24) + "7"))
        .isEqualTo(1);
  }

  @Test
  void aWrongFieldCheckDigitIsNamed() {
    // field 2's check digit 9 → 8
    String line = BB_LINE.substring(0, 20) + "8" + BB_LINE.substring(21);

    assertThatThrownBy(() -> Boleto.fromDigitableLine(line))
        .isInstanceOf(InvalidBoletoException.class)
        .hasMessageContaining("field 2");
  }

  @Test
  void aMistypedDigitIsCaughtByTheGeneralCheckDigit() {
    // the amount typed as R$ 2,00: field 5 has no check digit of its own
    String line = BB_LINE.substring(0, 46) + "1";

    assertThatThrownBy(() -> Boleto.fromDigitableLine(line))
        .isInstanceOf(InvalidBoletoException.class)
        .hasMessageContaining("general check digit");
    assertThatThrownBy(() -> Boleto.fromBarcode(BB_BARCODE.replace("0000000100", "0000000200")))
        .isInstanceOf(InvalidBoletoException.class)
        .hasMessageContaining("general check digit");
  }

  @Test
  void convenioSlipsAndWrongLengthsAreNotBoletos() {
    assertThatThrownBy(
            () -> Boleto.fromDigitableLine("836200000005667800481000180975657313001589636081"))
        .hasMessageContaining("convênio");
    assertThatThrownBy(() -> Boleto.fromBarcode("83860000005096000190000008017823000034306271"))
        .hasMessageContaining("convênio");
    assertThatThrownBy(() -> Boleto.fromDigitableLine(BB_LINE.substring(1)))
        .hasMessageContaining("47 digits");
    assertThatThrownBy(() -> Boleto.fromBarcode("0019337370000000100050094014481606068093503A"))
        .hasMessageContaining("44 digits");
  }
}
