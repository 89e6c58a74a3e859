package br.com.regua.debt;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.charge.boleto.Boleto;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registering a debt with its boleto, and reading its payment options back: the boleto's digitable
 * line, a PIX copy-and-paste of the open balance (the test profile's PIX key) and the payment link.
 */
class PaymentOptionsApiTest extends IntegrationTest {

  /** The free field of the Banco do Brasil example boleto (see payment/BoletoTest). */
  private static final String FREE_FIELD = "0500940144816060680935031";

  @Autowired JdbcClient jdbc;

  @Test
  void aDebtRegisteredWithItsDigitableLineShowsEveryPaymentOption() {
    // given a debt of R$ 250,00 and the creditor's boleto for it
    String debtId = TestDebtors.uniqueId("boleto");
    LocalDate dueDate = today().plusYears(1);
    Boleto boleto = Boleto.build("001", dueDate, 250_00, FREE_FIELD);
    ObjectNode body = api.debt(debtId, "250.00", dueDate);
    body.putObject("boleto").put("digitableLine", boleto.formattedDigitableLine());

    // when
    ResponseEntity<JsonNode> response = api.post("/api/debts", body);

    // then
    assertThat(response.getStatusCode().value()).isEqualTo(201);
    JsonNode options = response.getBody().get("paymentOptions");
    assertThat(options.get("digitableLine").asText()).isEqualTo(boleto.formattedDigitableLine());
    assertThat(options.get("pixCopyAndPaste").asText())
        .startsWith("00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000")
        .contains("5406250.00")
        .contains("5914Regua Cobranca6009Sao Paulo")
        .contains(txidField(debtId));
    assertThat(options.get("paymentLink").asText()).startsWith("https://pagar.example.test/p/");
    assertThat(
            jdbc.sql("select boleto_barcode from debt where debt_id = ?")
                .param(debtId)
                .query(String.class)
                .single())
        .isEqualTo(boleto.barcode());
  }

  @Test
  void afterAPartialPaymentPixChargesTheBalanceAndTheFixedAmountBoletoIsWithdrawn() {
    // given a debt registered with its boleto by barcode
    String debtId = TestDebtors.uniqueId("partial");
    LocalDate dueDate = today().plusYears(1);
    ObjectNode body = api.debt(debtId, "100.00", dueDate);
    body.putObject("boleto")
        .put("barcode", Boleto.build("001", dueDate, 100_00, FREE_FIELD).barcode());
    api.post("/api/debts", body);

    // when 30.00 is paid
    api.post(
        "/api/debts/" + debtId + "/payments",
        api.payment("pay-" + debtId, "30.00", "2026-11-20T10:00:00-03:00"));

    // then
    JsonNode options = api.get("/api/debts/" + debtId).getBody().get("paymentOptions");
    assertThat(options.get("pixCopyAndPaste").asText()).contains("540570.00");
    assertThat(options.get("digitableLine").isNull()).isTrue();
  }

  @Test
  void wrongCheckDigitsAreA400NamingTheFieldGivenAndStoreNothing() {
    LocalDate dueDate = today().plusYears(1);
    String line = Boleto.build("001", dueDate, 100_00, FREE_FIELD).digitableLine();
    // field 1's check digit (position 10) off by one
    String badLine =
        line.substring(0, 9) + (char) ('0' + (line.charAt(9) - '0' + 1) % 10) + line.substring(10);
    String barcode = Boleto.build("001", dueDate, 100_00, FREE_FIELD).barcode();
    String badBarcode =
        barcode.substring(0, 4)
            + (char) ('0' + (barcode.charAt(4) - '0' + 1) % 10)
            + barcode.substring(5);

    assertRejected("digitableLine", badLine, "boleto.digitableLine", "field 1");
    assertRejected("barcode", badBarcode, "boleto.barcode", "general check digit");
  }

  @Test
  void aBoletoNeedsExactlyOneOfBarcodeOrDigitableLine() {
    LocalDate dueDate = today().plusYears(1);
    Boleto boleto = Boleto.build("001", dueDate, 100_00, FREE_FIELD);
    ObjectNode both = api.debt(TestDebtors.uniqueId("both"), "100.00", dueDate);
    both.putObject("boleto")
        .put("barcode", boleto.barcode())
        .put("digitableLine", boleto.digitableLine());
    ObjectNode neither = api.debt(TestDebtors.uniqueId("neither"), "100.00", dueDate);
    neither.putObject("boleto");

    for (ObjectNode body : new ObjectNode[] {both, neither}) {
      ResponseEntity<JsonNode> response = api.post("/api/debts", body);

      assertThat(response.getStatusCode().value()).isEqualTo(400);
      assertThat(response.getBody().at("/errors/0/field").asText()).isEqualTo("boleto");
    }
  }

  @Test
  void aBoletoForAnotherAmountIsA400() {
    LocalDate dueDate = today().plusYears(1);
    String barcode = Boleto.build("001", dueDate, 99_00, FREE_FIELD).barcode();

    assertRejected("barcode", barcode, "boleto.barcode", "the boleto is for 99.00");
  }

  @Test
  void thePixQrCodeIsAPngOfTheCopyAndPaste() throws Exception {
    // given
    String debtId = TestDebtors.uniqueId("qr");
    api.post("/api/debts", api.debt(debtId, "42.00", today().plusYears(1)));
    String pix =
        api.get("/api/debts/" + debtId).getBody().at("/paymentOptions/pixCopyAndPaste").asText();

    // when
    ResponseEntity<byte[]> png =
        http.getForEntity("/api/debts/" + debtId + "/pix-qrcode.png", byte[].class);

    // then
    assertThat(png.getStatusCode().value()).isEqualTo(200);
    assertThat(png.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
    var image = ImageIO.read(new ByteArrayInputStream(png.getBody()));
    String decoded =
        new QRCodeReader()
            .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
            .getText();
    assertThat(decoded).isEqualTo(pix).contains("540542.00");
  }

  @Test
  void aPaidDebtHasNoPaymentOptionsNorQrCode() {
    // given a debt paid in full
    String debtId = TestDebtors.uniqueId("paidqr");
    api.post("/api/debts", api.debt(debtId, "42.00", today().plusYears(1)));
    api.post(
        "/api/debts/" + debtId + "/payments",
        api.payment("pay-" + debtId, "42.00", "2026-11-20T10:00:00-03:00"));

    // when / then
    assertThat(api.get("/api/debts/" + debtId).getBody().get("paymentOptions").isNull()).isTrue();
    assertThat(
            http.getForEntity("/api/debts/" + debtId + "/pix-qrcode.png", byte[].class)
                .getStatusCode()
                .value())
        .isEqualTo(404);
  }

  private void assertRejected(String form, String value, String field, String message) {
    String debtId = TestDebtors.uniqueId("badboleto");
    ObjectNode body = api.debt(debtId, "100.00", today().plusYears(1));
    body.putObject("boleto").put(form, value);

    ResponseEntity<JsonNode> response = api.post("/api/debts", body);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody().at("/errors/0/field").asText()).isEqualTo(field);
    assertThat(response.getBody().at("/errors/0/message").asText()).contains(message);
    assertThat(
            jdbc.sql("select count(*) from debt where debt_id = ?")
                .param(debtId)
                .query(Long.class)
                .single())
        .isZero();
  }

  /** Field 62-05 of the BR Code: the first 25 characters of the debt's txid (charge/pix/Txid). */
  private static String txidField(String debtId) {
    return "0525" + br.com.regua.charge.pix.Txid.forDebt(debtId).substring(0, 25);
  }
}
