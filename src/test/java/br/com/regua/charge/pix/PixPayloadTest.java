package br.com.regua.charge.pix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.regua.charge.PaymentOptionsService;
import org.junit.jupiter.api.Test;

/**
 * The static PIX BR Code against published payloads:
 *
 * <ul>
 *   <li>the Banco Central's "Manual de Padrões para Iniciação do Pix", static QR example (random
 *       key, "Fulano de Tal", BRASILIA, no amount, CRC 1D3D), as quoted by {@code
 *       github.com/alesaudate/pix-qrcodegen} ("página 16 da especificação");
 *   <li>a payload with amount, description and txid from {@code github.com/higorkonig/pix-code-js},
 *       README (CRC A82A);
 *   <li>CRC-16/CCITT-FALSE's catalogued check value: "123456789" → 29B1.
 * </ul>
 */
class PixPayloadTest {

  private static final String EVP_KEY = "123e4567-e12b-12d1-a456-426655440000";

  @Test
  void crc16CcittFalseHasItsCataloguedCheckValue() {
    assertThat(Crc16.hex("123456789")).isEqualTo("29B1");
  }

  @Test
  void theBancoCentralManualsStaticExample() {
    // given
    PixPayload pix = new PixPayload(EVP_KEY, null, "Fulano de Tal", "BRASILIA", null, null);

    // when / then
    assertThat(pix.payload())
        .isEqualTo(
            "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000"
                + "5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D");
  }

  @Test
  void amountDescriptionAndTxidTakeTheirFields() {
    // given the README's payload; it writes the GUI in capitals (the GUI is case-insensitive),
    // this class the manual's lower case, so only the CRC differs
    String published =
        "00020126700014BR.GOV.BCB.PIX0136123e4567-e12b-12d1-a456-426655440000"
            + "0208produto2520400005303986540575.805802BR5911Higor Konig6009Sao Paulo"
            + "62190515PAGAMENTO123ABC6304";
    PixPayload pix =
        new PixPayload(EVP_KEY, "produto2", "Higor Konig", "Sao Paulo", 7580L, "PAGAMENTO123ABC");

    // when
    String payload = pix.payload();

    // then
    assertThat(Crc16.hex(published)).isEqualTo("A82A");
    assertThat(payload).isEqualTo(published.replace("BR.GOV.BCB.PIX", "br.gov.bcb.pix") + "41B0");
  }

  @Test
  void accentsAreDroppedFromNameAndCity() {
    PixPayload pix = new PixPayload(EVP_KEY, null, "Cobrança Régua", "São Paulo", 100L, null);

    assertThat(pix.payload()).contains("5914Cobranca Regua6009Sao Paulo").contains("54041.00");
  }

  @Test
  void theSpecsLimitsAreEnforced() {
    assertThatThrownBy(() -> new PixPayload(EVP_KEY, null, "x".repeat(26), "BRASILIA", null, null))
        .hasMessageContaining("25");
    assertThatThrownBy(() -> new PixPayload(EVP_KEY, null, "Fulano", "x".repeat(16), null, null))
        .hasMessageContaining("15");
    assertThatThrownBy(() -> new PixPayload(EVP_KEY, null, "Fulano", "BRASILIA", null, "INV-1"))
        .hasMessageContaining("txid");
    assertThatThrownBy(() -> new PixPayload(" ", null, "Fulano", "BRASILIA", null, null))
        .hasMessageContaining("PIX key");
  }

  @Test
  void aStaticBrCodeCarriesTheFirst25CharactersOfTheDebtsTxid() {
    // md5("regua-pix:INV-1001"), by `printf 'regua-pix:INV-1001' | md5sum`
    assertThat(Txid.forDebt("INV-1001")).isEqualTo("23cb5a602483b29e7b097b0f38630a3b");
    assertThat(PaymentOptionsService.txid("INV-1001"))
        .isEqualTo("23cb5a602483b29e7b097b0f3")
        .hasSize(25);
  }

  @Test
  void idsThatDifferOnlyInPunctuationGetDifferentTxids() {
    assertThat(Txid.forDebt("A-1")).isEqualTo("501ad994660c2d03ac2aebbf0f73cccc");
    assertThat(Txid.forDebt("A1")).isEqualTo("6827d3ac113179ce47b870f0ae597f81");
    assertThat(Txid.forDebt("ACME-2025-BILLING-INVOICE-0001234"))
        .matches("[a-zA-Z0-9]{26,35}"); // the API Pix's TxId of a cobv
  }
}
