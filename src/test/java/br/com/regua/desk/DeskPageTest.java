package br.com.regua.desk;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/** The desk's page and the forms it renders, over HTTP (the browser test works them for real). */
class DeskPageTest extends IntegrationTest {

  @LocalServerPort int port;

  @Test
  void theRootLeadsToTheDeskWhosePageLoadsTheBundle() throws Exception {
    HttpResponse<Void> root =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
                HttpResponse.BodyHandlers.discarding());
    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("Location")).get().asString().endsWith("/desk/");

    ResponseEntity<String> page = http.getForEntity("/desk/", String.class);
    if (Files.exists(Path.of("target/classes/static/desk/index.html"))) {
      assertThat(page.getStatusCode().value()).isEqualTo(200);
      assertThat(page.getBody()).contains("Mesa do agente", "desk.js", "style.css");
      assertThat(http.getForEntity("/desk/desk.js", String.class).getStatusCode().value())
          .isEqualTo(200);
    }
  }

  @Test
  void everyFormOfTheJourneyIsServedByItsIdAsTheEngineDeploysIt() throws Exception {
    for (String formId :
        new String[] {"preventive-call", "extra-day-call", "negotiation-call", "dispute-review"}) {
      ResponseEntity<JsonNode> form = api.get("/api/forms/" + formId);
      assertThat(form.getStatusCode().value()).isEqualTo(200);
      assertThat(form.getBody().get("id").asText()).isEqualTo(formId);
      assertThat(form.getBody().get("components").size())
          .isEqualTo(
              new ObjectMapper()
                  .readTree(Path.of("forms", formId + ".form").toFile())
                  .get("components")
                  .size());
    }
    assertThat(api.get("/api/forms").getBody().has("dispute-review")).isTrue();
  }

  @Test
  void anUnknownFormIsNotFound() {
    ResponseEntity<JsonNode> missing = api.get("/api/forms/no-such-form");
    assertThat(missing.getStatusCode().value()).isEqualTo(404);
    assertThat(missing.getHeaders().getContentType().toString())
        .isEqualTo("application/problem+json");
  }
}
