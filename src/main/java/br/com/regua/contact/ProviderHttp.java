package br.com.regua.contact;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Set;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/** What the HTTP channels share: how their clients are built and how provider errors are read. */
final class ProviderHttp {

  /** 4xx answers that say "not now" rather than "no": the job retries. */
  private static final Set<Integer> TRANSIENT_CLIENT_ERRORS = Set.of(408, 409, 425, 429);

  /** Enough of an error body to explain it in an incident, not a whole HTML error page. */
  private static final int MAX_BODY_IN_MESSAGE = 500;

  private ProviderHttp() {}

  /**
   * A client for one provider, from Spring Boot's builder (its JSON settings and observations),
   * with our timeouts. HTTP/1.1: the JDK client would otherwise try an h2c upgrade on plain http,
   * which some gateways mishandle; a provider's API gains nothing from HTTP/2.
   */
  static RestClient client(
      RestClient.Builder builder, URI baseUrl, Duration connectTimeout, Duration readTimeout) {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .build();
    JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(http);
    requestFactory.setReadTimeout(readTimeout);
    return builder.baseUrl(baseUrl.toString()).requestFactory(requestFactory).build();
  }

  /** Whether an error answer may succeed later: 5xx, or a 4xx that means "try again later". */
  static boolean isTransient(RestClientResponseException e) {
    return e.getStatusCode().is5xxServerError()
        || TRANSIENT_CLIENT_ERRORS.contains(e.getStatusCode().value());
  }

  /** "HTTP 503 body…", for exception messages. */
  static String describe(RestClientResponseException e) {
    String body = e.getResponseBodyAsString().strip();
    if (body.length() > MAX_BODY_IN_MESSAGE) {
      body = body.substring(0, MAX_BODY_IN_MESSAGE) + "…";
    }
    return "HTTP " + e.getStatusCode().value() + (body.isEmpty() ? "" : " " + body);
  }
}
