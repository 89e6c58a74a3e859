package br.com.regua.security;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every endpoint of the OpenAPI document, called without credentials (401) and with a role that may
 * not call it (403). The table below is the access policy as the README states it; an endpoint it
 * does not classify fails the test, so a new endpoint must be placed in it.
 */
class SecuritySweepTest extends IntegrationTest {

  @LocalServerPort int port;

  /** Who may call an endpoint. */
  enum Access {
    /** Integrations only. */
    INTEGRATION(TestCredentials.AGENT_TOOL_KEY),
    /** Agents and supervisors (the desk, or a tool with the agent role). */
    PEOPLE(TestCredentials.INTEGRATION_KEY),
    /** Integrations, agents and supervisors: reading a debt, a debtor, an agreement. */
    READERS(TestCredentials.METRICS_KEY),
    SUPERVISOR(TestCredentials.AGENT_TOOL_KEY),
    /** Anyone authenticated. */
    AUTHENTICATED(null),
    /** Signed by the provider instead: unsigned is a 401, there is no role to get wrong. */
    SIGNED_WEBHOOK(null),
    /** Public by protocol (Meta's URL verification checks its own token). */
    PUBLIC(null);

    /** A key whose roles do not include this access, or null when none exists. */
    final String wrongRoleKey;

    Access(String wrongRoleKey) {
      this.wrongRoleKey = wrongRoleKey;
    }
  }

  static Access access(String method, String path) {
    if (path.equals("/api/webhooks/whatsapp") && method.equals("GET")) {
      return Access.PUBLIC;
    }
    if (path.startsWith("/api/webhooks/")) {
      return Access.SIGNED_WEBHOOK;
    }
    if (path.equals("/api/me")) {
      return Access.AUTHENTICATED;
    }
    if (path.startsWith("/api/dev/clock")
        || path.startsWith("/api/dev/engine")
        || path.startsWith("/api/kpis")
        || path.startsWith("/api/payments/unidentified")
        || path.startsWith("/api/refunds")) {
      return Access.SUPERVISOR;
    }
    if (path.startsWith("/api/tasks") || path.startsWith("/api/forms")) {
      return Access.PEOPLE;
    }
    if (path.startsWith("/api/debtors/")) {
      return Access.READERS;
    }
    if (method.equals("GET")
        && (path.matches("/api/debts/\\{[^}]+}(/offers|/pix-qrcode\\.png)?")
            || path.matches("/api/debts/\\{[^}]+}/documents/\\{[^}]+}")
            || path.matches("/api/agreements/\\{[^}]+}"))) {
      return Access.READERS;
    }
    if (path.startsWith("/api/")) {
      return Access.INTEGRATION;
    }
    throw new AssertionError(method + " " + path + " is not classified: add it to the table");
  }

  @Test
  void everyEndpointRefusesStrangersAndTheWrongRole() throws Exception {
    JsonNode doc = api.get("/v3/api-docs").getBody();
    List<String[]> endpoints = new ArrayList<>();
    doc.get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        verb -> endpoints.add(new String[] {verb.toUpperCase(), path.getKey()})));
    List<String> checked = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (String[] endpoint : endpoints) {
      String method = endpoint[0];
      String template = endpoint[1];
      if (template.startsWith("/api/dev/")
          && !template.startsWith("/api/dev/clock")
          && !template.startsWith("/api/dev/engine")) {
        continue; // embedded mode's stand-ins for the providers: see the README
      }
      Access access = access(method, template);
      String url = template.replaceAll("\\{[^}]+}", "x1");
      checked.add(method + " " + template + " " + access);
      if (access != Access.PUBLIC) {
        int anonymous = call(method, url, Map.of());
        if (anonymous != 401) {
          wrong.add(method + " " + template + " without credentials: " + anonymous);
        }
      }
      if (access.wrongRoleKey != null) {
        int status = call(method, url, Map.of("X-Api-Key", access.wrongRoleKey));
        if (status != 403) {
          wrong.add(method + " " + template + " with a role outside " + access + ": " + status);
        }
      }
    }
    assertThat(checked).hasSizeGreaterThan(30);
    assertThat(wrong).isEmpty();
  }

  @Test
  void anUnknownKeyIsRefusedAndAKnownOneWithTheRightRoleGetsIn() throws Exception {
    assertThat(call("GET", "/api/debts/nope", Map.of("X-Api-Key", "guess"))).isEqualTo(401);
    assertThat(call("GET", "/api/debts/nope", Map.of("X-Api-Key", TestCredentials.INTEGRATION_KEY)))
        .isEqualTo(404);
    assertThat(call("GET", "/api/tasks", Map.of("X-Api-Key", TestCredentials.AGENT_TOOL_KEY)))
        .isEqualTo(200);
  }

  @Test
  void pagesSendStrangersToTheSignInAndMetricsNeedTheirRole() throws Exception {
    for (String page : List.of("/", "/desk/", "/kpis.html")) {
      HttpResponse<String> answer = send("GET", page, Map.of());
      assertThat(answer.statusCode()).as(page).isEqualTo(302);
      assertThat(answer.headers().firstValue("Location")).get().asString().endsWith("/login");
    }
    assertThat(call("GET", "/actuator/health", Map.of())).isEqualTo(200);
    assertThat(call("GET", "/actuator/prometheus", Map.of())).isEqualTo(401);
    assertThat(
            call(
                "GET", "/actuator/prometheus", Map.of("X-Api-Key", TestCredentials.AGENT_TOOL_KEY)))
        .isEqualTo(403);
    assertThat(
            call(
                "GET",
                "/actuator/prometheus",
                Map.of("X-Api-Key", TestCredentials.METRICS_KEY, "Accept", "text/plain")))
        .isEqualTo(200);
    assertThat(call("GET", "/v3/api-docs", Map.of())).isEqualTo(200);
  }

  @Test
  void anAnswerToAStrangerIsAProblemNamingWhatToSend() throws Exception {
    HttpResponse<String> answer = send("POST", "/api/debts", Map.of());
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/problem+json");
    assertThat(answer.body()).contains("X-Api-Key");
  }

  @Test
  void refusalsHaveNoNullMembersAndNoCallWithoutABrowserGetsASession() throws Exception {
    // given a stranger, an unknown key, a key with the wrong role and a good key
    HttpResponse<String> stranger = send("POST", "/api/debts", Map.of());
    HttpResponse<String> unknownKey = send("GET", "/api/debts/x1", Map.of("X-Api-Key", "guess"));
    HttpResponse<String> wrongRole =
        send("GET", "/api/kpis", Map.of("X-Api-Key", TestCredentials.INTEGRATION_KEY));
    HttpResponse<String> allowed =
        send("GET", "/api/debts/nope", Map.of("X-Api-Key", TestCredentials.INTEGRATION_KEY));

    // then the refusals are problems like every other error: no null member, the path as instance
    assertThat(stranger.statusCode()).isEqualTo(401);
    assertThat(unknownKey.statusCode()).isEqualTo(401);
    assertThat(wrongRole.statusCode()).isEqualTo(403);
    assertThat(allowed.statusCode()).isEqualTo(404);
    for (HttpResponse<String> answer : List.of(stranger, unknownKey, wrongRole, allowed)) {
      JsonNode problem = JSON.readTree(answer.body());
      assertThat(answer.body()).as(answer.uri().toString()).doesNotContain("null");
      assertThat(problem.path("instance").asText()).isEqualTo(answer.uri().getPath());
      assertThat(problem.path("title").asText()).isNotBlank();
      assertThat(problem.path("detail").asText()).isNotBlank();
      // and none of them opens a session: there is no browser to keep it
      assertThat(answer.headers().allValues("Set-Cookie"))
          .as(answer.request().method() + " " + answer.uri().getPath())
          .noneMatch(SecuritySweepTest::sessionCookie);
    }

    // while a page refused to a stranger still remembers where to return after the sign-in
    HttpResponse<String> page = send("GET", "/desk/", Map.of());
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().allValues("Set-Cookie")).anyMatch(SecuritySweepTest::sessionCookie);
  }

  /** The session's cookie: Spring Session's (shared by the replicas), or the container's. */
  private static boolean sessionCookie(String setCookie) {
    return setCookie.startsWith("SESSION=") || setCookie.startsWith("JSESSIONID=");
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private int call(String method, String path, Map<String, String> headers)
      throws IOException, InterruptedException {
    return send(method, path, headers).statusCode();
  }

  private HttpResponse<String> send(String method, String path, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .method(
                method,
                method.equals("GET")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("{}"));
    headers.forEach(request::setHeader);
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
