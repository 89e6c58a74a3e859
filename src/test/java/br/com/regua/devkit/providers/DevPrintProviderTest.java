package br.com.regua.devkit.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import br.com.regua.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The local run's print provider answers the provider API the way the client expects. */
class DevPrintProviderTest extends IntegrationTest {

  private static final String LETTERS = "/api/dev/print/v1/letters";

  @Autowired Clock clock;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

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

  @Test
  void itsLettersOutliveARestart() throws Exception {
    // given a letter the provider accepted
    byte[] pdf = "%PDF-1.6 dev restart".getBytes(StandardCharsets.US_ASCII);
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
    String letterId =
        mail("dev-letter-r1", "01304001", pdf, sha256).getBody().get("letterId").asText();

    // when the provider starts again over the same database
    DevPrintProvider restarted = new DevPrintProvider(clock, new DevProviderRecords(jdbc, json));

    // then it still lists the letter, and answers its key with it
    assertThat(restarted.letters())
        .filteredOn(letter -> letter.letterId().equals(letterId))
        .extracting(DevPrintProvider.Letter::idempotencyKey, DevPrintProvider.Letter::sha256)
        .containsExactly(tuple("dev-letter-r1", sha256));
    DevPrintProvider.LetterRequest request =
        json.convertValue(
            letterBody("01304001", pdf, sha256), DevPrintProvider.LetterRequest.class);
    ResponseEntity<?> again = restarted.mail("dev-letter-r1", request);
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(((DevPrintProvider.Accepted) again.getBody()).letterId()).isEqualTo(letterId);
    // and a new letter gets a new id, not one handed out before the restart
    assertThat(
            ((DevPrintProvider.Accepted) restarted.mail("dev-letter-r2", request).getBody())
                .letterId())
        .isNotEqualTo(letterId);
  }

  private ResponseEntity<JsonNode> mail(String key, String postalCode, byte[] pdf, String sha) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", key);
    return http.postForEntity(
        LETTERS, new HttpEntity<>(letterBody(postalCode, pdf, sha), headers), JsonNode.class);
  }

  private static Map<String, Object> letterBody(String postalCode, byte[] pdf, String sha) {
    return Map.of(
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
  }
}
