package br.com.regua.desk;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.support.DeskSession;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestCredentials;
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
    // a stranger is sent to the sign-in page
    HttpResponse<Void> stranger =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
                HttpResponse.BodyHandlers.discarding());
    assertThat(stranger.statusCode()).isEqualTo(302);
    assertThat(stranger.headers().firstValue("Location")).get().asString().endsWith("/login");

    // a signed-in agent lands on the desk, whose page loads its bundle
    DeskSession ana = DeskSession.signIn(port, TestCredentials.ANA, TestCredentials.ANA_PASSWORD);
    assertThat(ana.signInAnswer.headers().firstValue("Location"))
        .get()
        .asString()
        .endsWith("/desk/");
    HttpResponse<String> root = ana.get("/");
    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("Location")).get().asString().endsWith("/desk/");
    if (Files.exists(Path.of("target/classes/static/desk/index.html"))) {
      HttpResponse<String> page = ana.get("/desk/");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("Mesa do agente", "desk.js", "style.css");
      assertThat(ana.get("/desk/desk.js").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void theSignInPageSpeaksPortugueseInThePortalsLookAndHasItsFavicon() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> page =
        client.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("lang=\"pt-BR\"", "Entrar na mesa de cobrança", "Usuário", "Senha")
        .contains("/portal-assets/portal.css", "/favicon.svg")
        .doesNotContain("Please sign in", "Username", "Password");
    HttpResponse<String> refused =
        client.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login?error")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(refused.body()).contains("Usuário ou senha incorretos");
    for (String icon : new String[] {"/favicon.ico", "/favicon.svg"}) {
      HttpResponse<byte[]> answer =
          client.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + icon)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(answer.statusCode()).as(icon).isEqualTo(200);
      assertThat(answer.body()).as(icon).isNotEmpty();
    }
  }

  @Test
  void aSignInFormLeftOpenPastItsSessionLeadsToAFreshOneNotToARefusal() throws Exception {
    // a browser that opened the sign-in page (its session cookie), then posts a token that is
    // no longer the session's
    HttpClient browser =
        HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    browser.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
        HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> stale =
        browser.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=ana&password=ana-senha&_csrf=expired"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(stale.statusCode()).isEqualTo(302);
    assertThat(stale.headers().firstValue("Location")).get().asString().endsWith("/login");
    assertThat(stale.body()).doesNotContain("Acesso não permitido");
  }

  @Test
  void aSignInPostedFromElsewhereWithoutTheFormsTokenSignsNobodyIn() throws Exception {
    // a page on another site posting the right credentials to /login, with no session and no token
    // (login CSRF: the victim's browser would end up signed in as the attacker)
    HttpClient browser =
        HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    HttpResponse<String> forged =
        browser.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + TestCredentials.ANA
                            + "&password="
                            + TestCredentials.ANA_PASSWORD))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    // then nobody is signed in: back to the sign-in, and the desk's API refuses that browser
    assertThat(forged.statusCode()).isEqualTo(302);
    assertThat(forged.headers().firstValue("Location")).get().asString().endsWith("/login");
    HttpResponse<String> me =
        browser.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(me.statusCode()).isEqualTo(401);
  }

  @Test
  void anAgentOpeningTheKpiPageGetsTheRefusalPageNotJson() {
    DeskSession ana = DeskSession.signIn(port, TestCredentials.ANA, TestCredentials.ANA_PASSWORD);
    HttpResponse<String> page = ana.page("/kpis.html");
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
    assertThat(page.body())
        .contains("lang=\"pt-BR\"", "Acesso não permitido", "/desk/")
        .doesNotContain("\"status\"", "Forbidden");
    // the API keeps answering in problem+json
    assertThat(ana.get("/api/kpis?from=2026-01-01&to=2026-01-31").statusCode()).isEqualTo(403);
    assertThat(ana.get("/api/kpis?from=2026-01-01&to=2026-01-31").body())
        .contains("\"status\":403");
    // and a supervisor gets the page
    DeskSession sofia =
        DeskSession.signIn(port, TestCredentials.SOFIA, TestCredentials.SOFIA_PASSWORD);
    assertThat(sofia.page("/kpis.html").statusCode()).isEqualTo(200);
  }

  @Test
  void aWrongPasswordStaysOnTheSignIn() {
    DeskSession nobody = DeskSession.signIn(port, TestCredentials.ANA, "not-her-password");
    assertThat(nobody.signInAnswer.statusCode()).isEqualTo(302);
    assertThat(nobody.signInAnswer.headers().firstValue("Location"))
        .get()
        .asString()
        .endsWith("/login?error");
    assertThat(nobody.get("/api/me").statusCode()).isEqualTo(401);
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
