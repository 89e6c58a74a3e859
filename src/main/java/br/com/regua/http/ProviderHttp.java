package br.com.regua.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * What the clients of external HTTP providers share (credit bureau, SMS gateway, WhatsApp Cloud
 * API, print provider): how their clients are built and how their errors are read.
 */
public final class ProviderHttp {

  private static final Logger log = LoggerFactory.getLogger(ProviderHttp.class);

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
  public static RestClient client(
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

  /**
   * As {@link #client(RestClient.Builder, URI, Duration, Duration)}, sending {@code Authorization:
   * Bearer <token>}; a blank token sends none, with a warning naming the property to set.
   */
  public static RestClient client(
      RestClient.Builder builder,
      URI baseUrl,
      Duration connectTimeout,
      Duration readTimeout,
      String bearerToken,
      String tokenProperty) {
    if (bearerToken == null || bearerToken.isBlank()) {
      log.warn("{} is not set: requests to {} go without Authorization", tokenProperty, baseUrl);
    } else {
      builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
    }
    return client(builder, baseUrl, connectTimeout, readTimeout);
  }

  /** Whether an error answer may succeed later: 5xx, or a 4xx that means "try again later". */
  public static boolean isTransient(RestClientResponseException e) {
    return e.getStatusCode().is5xxServerError()
        || TRANSIENT_CLIENT_ERRORS.contains(e.getStatusCode().value());
  }

  /** "HTTP 503 body…", for exception messages. */
  public static String describe(RestClientResponseException e) {
    String body = abbreviate(e.getResponseBodyAsString());
    return "HTTP " + e.getStatusCode().value() + (body.isEmpty() ? "" : " " + body);
  }

  /** Enough of an answer's body to explain an error, not a whole HTML error page. */
  public static String abbreviate(String body) {
    String text = body.strip();
    return text.length() <= MAX_BODY_IN_MESSAGE
        ? text
        : text.substring(0, MAX_BODY_IN_MESSAGE) + "…";
  }
}
