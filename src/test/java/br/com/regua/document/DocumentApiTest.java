package br.com.regua.document;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.consent.Channel;
import br.com.regua.contact.ContactService;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.PrintProviderStub;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The letters sent to a debtor, read back through the API as an agent's screen would. */
class DocumentApiTest extends IntegrationTest {

  @Autowired ContactService contacts;

  @Test
  void aSentLetterIsListedAndServedAsPdf() {
    // given a debt whose prior notice went out by letter
    String debtId = debtWithNotice();

    // when its documents are listed
    ResponseEntity<JsonNode> list = api.get("/api/debts/" + debtId + "/documents");

    // then the notice is there, metadata only
    assertThat(list.getStatusCode().value()).isEqualTo(200);
    assertThat(list.getBody()).hasSize(1);
    JsonNode notice = list.getBody().get(0);
    assertThat(notice.get("kind").asText()).isEqualTo("negativation-notice");
    assertThat(notice.get("contentType").asText()).isEqualTo("application/pdf");
    assertThat(notice.has("bytes")).isFalse();

    // and its content is the PDF, whose digest the list announced
    ResponseEntity<byte[]> pdf = getPdf(notice.get("href").asText());
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(new String(pdf.getBody(), 0, 5)).isEqualTo("%PDF-");
    assertThat(pdf.getBody()).hasSize(notice.get("size").asInt());
    assertThat(DocumentService.sha256(pdf.getBody())).isEqualTo(notice.get("sha256").asText());
  }

  @Test
  void anotherDebtsDocumentOrAnUnknownOneIsA404() {
    // given two debts, one with a letter
    String debtId = debtWithNotice();
    String documentId =
        api.get("/api/debts/" + debtId + "/documents").getBody().get(0).get("documentId").asText();
    String otherDebtId = register(TestDebtors.uniqueId("other"));

    // then the letter is not found under the other debt, nor are made-up ids or debts
    for (String path :
        List.of(
            "/api/debts/" + otherDebtId + "/documents/" + documentId,
            "/api/debts/" + debtId + "/documents/" + UUID.randomUUID(),
            "/api/debts/" + debtId + "/documents/not-a-uuid",
            "/api/debts/no-such-debt/documents/" + documentId)) {
      ResponseEntity<JsonNode> response = api.get(path);
      assertThat(response.getStatusCode().value()).as(path).isEqualTo(404);
      assertThat(response.getHeaders().getContentType())
          .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
    assertThat(getPdf("/api/debts/" + otherDebtId + "/documents/" + documentId).getStatusCode())
        .as("a client that accepts only PDF still gets the 404")
        .matches(status -> status.value() == 404);
    assertThat(api.get("/api/debts/no-such-debt/documents").getStatusCode().value()).isEqualTo(404);
    assertThat(api.get("/api/debts/" + otherDebtId + "/documents").getBody()).isEmpty();
  }

  private String debtWithNotice() {
    String debtId = register(TestDebtors.uniqueId("documents"));
    String step = "Aviso prévio de negativação";
    PrintProviderStub.accept(debtId + ":" + step + ":" + Channel.LETTER);
    contacts.remind(
        debtId, step, Channel.LETTER, "negativation-notice", Map.of("dataLimite", "20/12/2026"));
    return debtId;
  }

  private String register(String debtId) {
    var body = api.withAddress(api.debt(debtId, "150.00", today().plusYears(1)));
    assertThat(api.post("/api/debts", body).getStatusCode().value()).isEqualTo(201);
    return debtId;
  }

  private ResponseEntity<byte[]> getPdf(String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_PDF));
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
  }
}
