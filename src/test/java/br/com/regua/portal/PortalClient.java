package br.com.regua.portal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A debtor's browser without the browser: one cookie jar, forms posted with the CSRF token of the
 * last page read, redirects not followed (the test sees the 303).
 */
class PortalClient {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  record Page(int status, String body, String location, byte[] bytes) {}

  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private String csrf;

  PortalClient(int port) {
    this.base = "http://localhost:" + port;
  }

  Page get(String path) {
    Page page = send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    Matcher m = CSRF.matcher(page.body());
    if (m.find()) {
      csrf = m.group(1);
    }
    return page;
  }

  /** Posts the form with the last page's CSRF token; then reads the page it redirects to. */
  Page post(String path, Map<String, String> form) {
    Map<String, String> fields = new LinkedHashMap<>(form);
    if (csrf != null && !fields.containsKey("_csrf")) {
      fields.put("_csrf", csrf);
    }
    fields.values().removeIf(v -> v == null);
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** The value of the first hidden field of that name in the form posting to the action. */
  static String field(String html, String action, String name) {
    int form = html.indexOf("action=\"" + action);
    if (form < 0) {
      throw new AssertionError("no form posting to " + action);
    }
    Matcher m =
        Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"")
            .matcher(html.substring(form));
    if (!m.find()) {
      throw new AssertionError("no field " + name + " after the form " + action);
    }
    return m.group(1);
  }

  private Page send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Page(
          response.statusCode(),
          new String(response.body(), StandardCharsets.UTF_8),
          response.headers().firstValue("Location").orElse(null),
          response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
