package br.com.regua.contact.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.regua.consent.Channel;
import br.com.regua.contact.ContactOutcome;
import br.com.regua.contact.ContactService;
import br.com.regua.document.DocumentService;
import br.com.regua.document.StoredDocument;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.PrintProviderStub;
import br.com.regua.support.PrintedCodeReader;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Letters through the contact service, as a journey step sends them: the PDF is generated, stored
 * and handed to the print provider (WireMock) exactly once per step.
 */
class LetterChannelTest extends IntegrationTest {

  private static final String STEP = "Aviso prévio de negativação";

  @Autowired ContactService contacts;
  @Autowired DocumentService documents;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;

  @org.junit.jupiter.api.BeforeEach
  void duringContactHours() {
    moveToContactHours();
  }

  @Test
  void theNoticeIsAPdfStoredAndHandedToTheProviderWithTheDebtorsAddress() throws Exception {
    // given a debtor with an address, and a provider that accepts the letter
    String debtId = register(TestDebtors.uniqueId("letter"), true);
    String key = contactKey(debtId, STEP);
    PrintProviderStub.accept(key);

    // when the prior notice of negativation goes out
    ContactOutcome outcome = notice(debtId, STEP);

    // then the provider received one letter, authenticated, under the contact's key
    assertThat(outcome).isEqualTo(ContactOutcome.SENT);
    List<LoggedRequest> requests = PrintProviderStub.requests(key);
    assertThat(requests).hasSize(1);
    LoggedRequest request = requests.get(0);
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer test-letter-key");
    assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    assertThat(request.getHeader("Idempotency-Key"))
        .isEqualTo(debtId + "%3AAviso%20pr%C3%A9vio%20de%20negativa%C3%A7%C3%A3o%3ALETTER");

    // and the envelope's recipient is a name and an address, nothing about the debt
    JsonNode body = json.readTree(request.getBodyAsString());
    assertThat(json.convertValue(body.get("recipient"), Map.class))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "name", "Maria da Silva",
                "street", "Rua Augusta",
                "number", "1500",
                "complement", "apto 42",
                "district", "Consolação",
                "city", "São Paulo",
                "state", "SP",
                "postalCode", "01304001"));

    // and the PDF it received is the one stored with the debt, byte for byte
    List<StoredDocument> stored = documents.list(debtId);
    assertThat(stored).hasSize(1);
    StoredDocument document = stored.get(0);
    byte[] sent = Base64.getDecoder().decode(body.at("/document/content").asText());
    assertThat(body.at("/document/contentType").asText()).isEqualTo("application/pdf");
    assertThat(body.at("/document/sha256").asText()).isEqualTo(document.sha256());
    assertThat(DocumentService.sha256(sent)).isEqualTo(document.sha256());
    assertThat(document.kind()).isEqualTo("negativation-notice");

    // and the letter says what art. 43 §2 asks for
    String text = text(sent);
    assertThat(text)
        .contains(
            "Maria da Silva",
            "art. 43",
            "Loja Exemplo S.A.",
            debtId,
            "R$ 1.234,56",
            "20/12/2026",
            "https://pagar.example.test/p/",
            "0800 000 1234",
            "contest",
            "PIX copia e cola:",
            "000201"); // the payload of the test profile's PIX key, on its own line

    // and it ends with the debt's Pix as a QR code a phone reads (no boleto: the debt has none)
    try (PDDocument pdf = Loader.loadPDF(sent)) {
      int lastPage = pdf.getNumberOfPages() - 1;
      assertThat(text).contains("Pague com Pix", "Valor: R$ 1.234,56");
      assertThat(PrintedCodeReader.qrCode(pdf, lastPage))
          .isEqualTo(
              api.get("/api/debts/" + debtId)
                  .getBody()
                  .at("/paymentOptions/pixCopyAndPaste")
                  .asText());
    }

    // and the contact log keeps the letter's text
    assertThat(
            jdbc.sql("select payload from contact where idempotency_key = ?")
                .param(key)
                .query(String.class)
                .single())
        .contains("20/12/2026");
  }

  @Test
  void theCollectionLetterIsAFormalLetterToo() throws IOException {
    String debtId = register(TestDebtors.uniqueId("collection"), true);
    String key = contactKey(debtId, "D+30");
    PrintProviderStub.accept(key);

    contacts.remind(debtId, "D+30", Channel.LETTER, "collection-letter");

    StoredDocument document = documents.list(debtId).get(0);
    String text = text(documents.content(debtId, document.id().toString()).bytes());
    assertThat(document.kind()).isEqualTo("collection-letter");
    assertThat(text).contains("CARTA DE COBRANÇA", "Maria da Silva", "R$ 1.234,56");
  }

  @Test
  void aDebtorWithoutAnAddressGetsTheNoticeOnTheNextChannel() {
    // given a debtor registered without an address
    String debtId = register(TestDebtors.uniqueId("no-address"), false);
    String key = contactKey(debtId, STEP);
    PrintProviderStub.accept(key);

    // when a letter step comes
    ContactOutcome outcome = notice(debtId, STEP);

    // then no letter was generated nor mailed, the log says why, and the email went instead
    assertThat(outcome).isEqualTo(ContactOutcome.SENT);
    assertThat(PrintProviderStub.requests(key)).isEmpty();
    assertThat(documents.list(debtId)).isEmpty();
    assertThat(api.contacts(debtId))
        .extracting(c -> c.get("channel").asText() + " " + c.get("outcome").asText())
        .containsExactly("LETTER FAILED", "EMAIL SENT");
    assertThat(api.contacts(debtId).getFirst().get("detail").asText())
        .contains("sem endereço postal");
  }

  @Test
  void aProviderFailureFailsTheStepAndTheRetrySendsTheSameLetterUnderTheSameKey() {
    // given a provider that answers 500 once, then recovers
    String debtId = register(TestDebtors.uniqueId("provider-500"), true);
    String key = contactKey(debtId, STEP);
    PrintProviderStub.failOnceThenAccept(key);

    // when the step runs, fails, and its job is retried
    assertThatThrownBy(() -> notice(debtId, STEP))
        .isInstanceOf(PrintProviderUnavailableException.class)
        .hasMessageContaining("HTTP 500");
    assertThat(documents.list(debtId)).isEmpty();
    assertThat(contactRows(debtId)).isZero();
    ContactOutcome retried = notice(debtId, STEP);

    // then the provider saw the same letter twice under one key, and one letter is kept
    assertThat(retried).isEqualTo(ContactOutcome.SENT);
    List<LoggedRequest> requests = PrintProviderStub.requests(key);
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).getBodyAsString()).isEqualTo(requests.get(1).getBodyAsString());
    assertThat(documents.list(debtId)).hasSize(1);
    assertThat(contactRows(debtId)).isEqualTo(1);
  }

  @Test
  void aRedeliveredStepDoesNotMailTwice() {
    String debtId = register(TestDebtors.uniqueId("letter-twice"), true);
    String key = contactKey(debtId, STEP);
    PrintProviderStub.accept(key);

    ContactOutcome first = notice(debtId, STEP);
    ContactOutcome second = notice(debtId, STEP);

    assertThat(first).isEqualTo(ContactOutcome.SENT);
    assertThat(second).isEqualTo(ContactOutcome.SENT);
    assertThat(PrintProviderStub.requests(key)).hasSize(1);
    assertThat(documents.list(debtId)).hasSize(1);
    assertThat(contactRows(debtId)).isEqualTo(1);
  }

  @Test
  void anAddressTheProviderRefusesIsLoggedWithItsReasonAndTheStepFallsBack() {
    String debtId = register(TestDebtors.uniqueId("rejected"), true);
    String key = contactKey(debtId, STEP);
    PrintProviderStub.answer(key, 422, "{\"reason\": \"CEP 01304-001 não atendido\"}");

    ContactOutcome outcome = notice(debtId, STEP);

    assertThat(outcome).isEqualTo(ContactOutcome.SENT);
    assertThat(documents.list(debtId)).isEmpty();
    assertThat(api.contacts(debtId).getFirst().get("detail").asText())
        .contains("HTTP 422")
        .contains("não atendido");
  }

  private ContactOutcome notice(String debtId, String step) {
    return contacts.remind(
        debtId, step, Channel.LETTER, "negativation-notice", Map.of("dataLimite", "20/12/2026"));
  }

  /** Registers a debt of R$ 1.234,56 due in a year, so the journey's own steps stay quiet. */
  private String register(String debtId, boolean withAddress) {
    ObjectNode body = api.debt(debtId, "1234.56", today().plusYears(1));
    if (withAddress) {
      api.withAddress(body);
    }
    assertThat(api.post("/api/debts", body).getStatusCode().value()).isEqualTo(201);
    return debtId;
  }

  private static String contactKey(String debtId, String step) {
    return debtId + ":" + step + ":" + Channel.LETTER;
  }

  private long contactRows(String debtId) {
    return jdbc.sql("select count(*) from contact where debt_id = ?")
        .param(debtId)
        .query(Long.class)
        .single();
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
