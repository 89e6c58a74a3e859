package br.com.regua.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person signed in to the desk as a browser is: the sign-in form with its CSRF token, a session
 * cookie, and {@code GET /api/me}'s CSRF token on every state-changing call.
 */
public final class DeskSession {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CSRF_INPUT =
      Pattern.compile("name=\"_csrf\"\\s+type=\"hidden\"\\s+value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient http;
  private String csrfHeader;
  private String csrfToken;

  private DeskSession(int port) {
    this.base = "http://localhost:" + port;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Signs in; the answer of {@code POST /login} is in {@link #signInAnswer}. */
  public static DeskSession signIn(int port, String username, String password) {
    DeskSession session = new DeskSession(port);
    session.signInAnswer = session.login(username, password);
    return session;
  }

  /** The sign-in's answer: 302 to /desk/ when it worked, to /login?error when not. */
  public HttpResponse<String> signInAnswer;

  private HttpResponse<String> login(String username, String password) {
    HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/login")).GET());
    Matcher csrf = CSRF_INPUT.matcher(page.body());
    if (!csrf.find()) {
      throw new IllegalStateException("no CSRF token on the sign-in page: " + page.body());
    }
    String form =
        "username="
            + encode(username)
            + "&password="
            + encode(password)
            + "&_csrf="
            + encode(csrf.group(1));
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (answer.statusCode() == 302
        && answer.headers().firstValue("Location").orElse("").endsWith("/desk/")) {
      JsonNode me = json(get("/api/me"));
      csrfHeader = me.at("/csrf/headerName").asText();
      csrfToken = me.at("/csrf/token").asText();
    }
    return answer;
  }

  /** A page, as a browser asks for it (Accept: text/html). */
  public HttpResponse<String> page(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept", "text/html,application/xhtml+xml")
            .GET());
  }

  public HttpResponse<String> get(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
  }

  /** A JSON POST with the session's CSRF token, as the desk sends it. */
  public HttpResponse<String> post(String path, Object body) {
    return post(path, body, true);
  }

  /** A JSON POST, with or without the CSRF token (a forged cross-site call has none). */
  public HttpResponse<String> post(String path, Object body, boolean withCsrfToken) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(write(body)));
    if (withCsrfToken && csrfToken != null) {
      request.header(csrfHeader, csrfToken);
    }
    return send(request);
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + response.body(), e);
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String write(Object body) {
    try {
      return body instanceof String text ? text : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
