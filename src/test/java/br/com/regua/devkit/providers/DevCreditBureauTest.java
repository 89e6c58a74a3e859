package br.com.regua.devkit.providers;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The local run's credit bureau answers the bureau API the way the client expects. */
class DevCreditBureauTest extends IntegrationTest {

  private static final String BUREAU = "/api/dev/credit-bureau/v1/negativations";

  @Autowired Clock clock;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

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

  @Test
  void itsNegativationsOutliveARestartByKeyAndByProtocol() {
    // given a negativation the bureau made
    String protocol = negativate("negativate:dev-r1").getBody().get("protocol").asText();

    // when the bureau starts again over the same database
    DevCreditBureau restarted = restartedBureau();

    // then the negativation workers find it by protocol, and get it back for its key
    assertThat(restarted.status(protocol).getBody())
        .isEqualTo(new DevCreditBureau.Negativation(protocol, "ACTIVE"));
    ResponseEntity<DevCreditBureau.Negativation> again =
        restarted.negativate("negativate:dev-r1", Map.of("reference", "negativate:dev-r1"));
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getBody().protocol()).isEqualTo(protocol);
    // and a new key gets a new protocol, not one handed out before the restart
    assertThat(restarted.negativate("negativate:dev-r2", Map.of()).getBody().protocol())
        .isNotEqualTo(protocol);

    // and a removal after the restart is there after the next one
    assertThat(restarted.remove(protocol).getStatusCode().value()).isEqualTo(202);
    assertThat(restartedBureau().status(protocol).getBody())
        .isEqualTo(new DevCreditBureau.Negativation(protocol, "REMOVED"));
    assertThat(status(protocol)).isEqualTo("REMOVED");
  }

  /** The bureau of a service started anew: new beans over the same database. */
  private DevCreditBureau restartedBureau() {
    return new DevCreditBureau(clock, new DevProviderRecords(jdbc, json));
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
