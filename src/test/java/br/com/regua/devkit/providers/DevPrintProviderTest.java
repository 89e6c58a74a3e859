package br.com.regua.devkit.providers;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The local run's print provider answers the provider API the way the client expects. */
class DevPrintProviderTest extends IntegrationTest {

  private static final String LETTERS = "/api/dev/print/v1/letters";

  @Test
  void acceptsALetterOncePerIdempotencyKeyAndListsIt() throws NoSuchAlgorithmException {
    byte[] pdf = "%PDF-1.6 dev".getBytes(StandardCharsets.US_ASCII);
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));

    ResponseEntity<JsonNode> created = mail("dev-letter-1", "01304001", pdf, sha256);
    ResponseEntity<JsonNode> again = mail("dev-letter-1", "01304001", pdf, sha256);

    assertThat(created.getStatusCode().value()).isEqualTo(201);
    String letterId = created.getBody().get("letterId").asText();
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getBody().get("letterId").asText()).isEqualTo(letterId);
    JsonNode listed = http.getForEntity(LETTERS, JsonNode.class).getBody();
    assertThat(listed.findValuesAsText("letterId")).containsOnlyOnce(letterId);
  }

  @Test
  void refusesABadAddressOrAContentThatIsNotWhatItClaims() {
    byte[] pdf = "%PDF-1.6 dev".getBytes(StandardCharsets.US_ASCII);

    assertThat(mail("dev-letter-2", "0130", pdf, "00").getStatusCode().value()).isEqualTo(422);
    assertThat(mail("dev-letter-3", "01304001", pdf, "00").getStatusCode().value()).isEqualTo(400);
  }

  private ResponseEntity<JsonNode> mail(String key, String postalCode, byte[] pdf, String sha) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", key);
    Map<String, Object> body =
        Map.of(
            "recipient",
            Map.of(
                "name", "Maria da Silva",
                "street", "Rua Augusta",
                "number", "1500",
                "district", "Consolação",
                "city", "São Paulo",
                "state", "SP",
                "postalCode", postalCode),
            "document",
            Map.of(
                "contentType",
                "application/pdf",
                "sha256",
                sha,
                "content",
                Base64.getEncoder().encodeToString(pdf)));
    return http.postForEntity(LETTERS, new HttpEntity<>(body, headers), JsonNode.class);
  }
}
