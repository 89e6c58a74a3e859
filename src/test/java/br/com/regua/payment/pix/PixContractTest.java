package br.com.regua.payment.pix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.regua.api.InvalidFieldException;
import br.com.regua.charge.pix.Txid;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * What the webhook accepts, against the API Pix 2.9.0's own schema ({@link ApiPixContract}): the
 * standard's examples conform and are accepted; what the schema refuses, the webhook refuses too,
 * naming the field; the txids we derive are valid cobv txids.
 */
class PixContractTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String wrapped(String... pix) {
    return "{\"pix\":[" + String.join(",", pix) + "]}";
  }

  @Test
  void theStandardsOwnNotificationExamplesConformAndAreAccepted() throws Exception {
    assertThat(ApiPixContract.version()).isEqualTo("2.9.0");
    String body = wrapped(ApiPixContract.example("pixWebhook2"));

    assertThat(ApiPixContract.checkPixNotification(body)).isEmpty();
    var parsed = PixNotification.parse(JSON.readTree(body));
    assertThat(parsed).hasSize(1);
    assertThat(parsed.get(0).endToEndId()).isEqualTo("E87654321202009091221dfghi123456");
    assertThat(parsed.get(0).txid()).isEqualTo("971122d8f37211eaadc10242ac120002");
    assertThat(parsed.get(0).cents()).isEqualTo(110_00);
    assertThat(parsed.get(0).paidAt()).hasToString("2020-09-09T20:15:00.358Z");
  }

  @Test
  void aLatePaymentsComponentsConformAndItsInterestAndFineAreKept() throws Exception {
    String pix =
        """
        {"endToEndId":"E12345678202612071530abcdefghijk","txid":"%s","valor":"105.00",
         "horario":"2026-12-07T15:30:00Z",
         "componentesValor":{"original":{"valor":"100.00"},"multa":{"valor":"3.00"},
                             "juros":{"valor":"2.00"}}}
        """
            .formatted(Txid.forDebt("INV-1001"));

    assertThat(ApiPixContract.checkPixNotification(wrapped(pix))).isEmpty();
    assertThat(PixNotification.parse(JSON.readTree(wrapped(pix))).get(0).chargesCents())
        .isEqualTo(5_00);
  }

  @Test
  void whatTheSchemaRefusesTheWebhookRefusesNamingTheField() throws Exception {
    String[][] cases = {
      {"\"valor\":\"1,00\"", "pix[0].valor"},
      {"\"valor\":\"1.5\"", "pix[0].valor"},
      {"\"endToEndId\":\"E123\"", "pix[0].endToEndId"},
      {"\"txid\":\"has-a-dash\"", "pix[0].txid"},
    };
    for (String[] bad : cases) {
      String field = bad[0].substring(1, bad[0].indexOf("\":"));
      JsonNode pix =
          JSON.readTree(
              "{\"endToEndId\":\"E12345678202612071530abcdefghijk\",\"txid\":\"abc\","
                  + "\"valor\":\"1.00\",\"horario\":\"2026-12-07T15:30:00Z\"}");
      ((com.fasterxml.jackson.databind.node.ObjectNode) pix)
          .set(field, JSON.readTree("{" + bad[0] + "}").get(field));
      String body = wrapped(pix.toString());

      assertThat(ApiPixContract.checkPixNotification(body)).as(bad[0]).isNotEmpty();
      assertThatThrownBy(() -> PixNotification.parse(JSON.readTree(body)))
          .as(bad[0])
          .isInstanceOf(InvalidFieldException.class)
          .extracting(e -> ((InvalidFieldException) e).field())
          .isEqualTo(bad[1]);
    }
  }

  @Test
  void theTxidsWeDeriveAreValidCobvTxids() {
    for (String debtId : new String[] {"1", "INV-1001", "x".repeat(64)}) {
      assertThat(ApiPixContract.checkSchema("TxId", "\"" + Txid.forDebt(debtId) + "\"")).isEmpty();
    }
    // a static BR Code's reference is no cobv txid (too short), only a Pix's txid
    assertThat(ApiPixContract.checkSchema("TxId", "\"" + Txid.staticReference("1") + "\""))
        .isNotEmpty();
  }

  /**
   * A quirk of the document, not of the standard: {@code Pix.txid} is {@code allOf} the cobv's
   * {@code TxId} ({@code [a-zA-Z0-9]{26,35}}) and {@code [a-zA-Z0-9]{1,35}}, meant to widen it, but
   * JSON Schema applies both, so the document refuses the txid of a static BR Code (at most 25, the
   * Manual de Padrões para Iniciação do Pix), which PSPs do send. The webhook accepts 1 to 35.
   */
  @Test
  void aStaticBrCodesTxidFailsTheDocumentsAllOfButIsAccepted() throws Exception {
    String body =
        wrapped(
            """
            {"endToEndId":"E12345678202612071530abcdefghijk","txid":"%s","valor":"1.00",
             "horario":"2026-12-07T15:30:00Z"}
            """
                .formatted(Txid.staticReference("INV-1001")));

    assertThat(ApiPixContract.checkPixNotification(body))
        .singleElement()
        .asString()
        .contains("/pix/0/txid")
        .contains("allOf");
    assertThat(PixNotification.parse(JSON.readTree(body)).get(0).txid()).hasSize(25);
  }

  /**
   * Another quirk of the document: the CPF's pattern is written {@code "/^\\d{11}$/"}, a JavaScript
   * regex literal; JSON Schema takes the slashes literally, so as written no CPF conforms.
   * ApiPixContract reads such patterns without their slashes.
   */
  @Test
  void theDocumentsCpfPatternHasJavaScriptSlashesThatTheContractCheckDrops() {
    String person = "{\"cpf\":\"12345678909\",\"nome\":\"Maria da Silva\"}";
    assertThat(ApiPixContract.checkSchemaAsWritten("PessoaFisica", person))
        .singleElement()
        .asString()
        .contains("/^\\d{11}$/");
    assertThat(ApiPixContract.checkSchema("PessoaFisica", person)).isEmpty();
    assertThat(ApiPixContract.checkSchema("PessoaFisica", "{\"cpf\":\"123\",\"nome\":\"M\"}"))
        .isNotEmpty();
  }
}
