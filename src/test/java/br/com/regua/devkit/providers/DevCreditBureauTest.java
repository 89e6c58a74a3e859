package br.com.regua.devkit.providers;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The local run's credit bureau answers the bureau API the way the client expects. */
class DevCreditBureauTest extends IntegrationTest {

  private static final String BUREAU = "/api/dev/credit-bureau/v1/negativations";

  @Test
  void negativatesOncePerIdempotencyKeyAndRemovesWhenAsked() {
    ResponseEntity<JsonNode> created = negativate("negativate:dev-1");
    ResponseEntity<JsonNode> again = negativate("negativate:dev-1");
    String protocol = created.getBody().get("protocol").asText();

    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(created.getBody().get("status").asText()).isEqualTo("ACTIVE");
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getBody().get("protocol").asText()).isEqualTo(protocol);
    assertThat(negativate("negativate:dev-2").getBody().get("protocol").asText())
        .isNotEqualTo(protocol);

    ResponseEntity<JsonNode> removal =
        http.postForEntity(BUREAU + "/" + protocol + "/removal", null, JsonNode.class);
    assertThat(removal.getStatusCode().value()).isEqualTo(202);
    assertThat(status(protocol)).isEqualTo("REMOVED");
    assertThat(http.getForEntity(BUREAU + "/DEV-0", JsonNode.class).getStatusCode().value())
        .isEqualTo(404);
  }

  private ResponseEntity<JsonNode> negativate(String key) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", key);
    return http.postForEntity(
        BUREAU, new HttpEntity<>(Map.of("reference", key), headers), JsonNode.class);
  }

  private String status(String protocol) {
    return http.getForEntity(BUREAU + "/" + protocol, JsonNode.class)
        .getBody()
        .get("status")
        .asText();
  }
}
