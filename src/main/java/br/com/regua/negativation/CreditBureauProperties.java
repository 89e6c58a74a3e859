package br.com.regua.negativation;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the credit bureau is and how we talk to it ({@code regua.credit-bureau.*}). Every property
 * is optional: a missing one takes the default below. The creditor the bureau shows is {@code
 * regua.creditor} ({@link br.com.regua.creditor.CreditorProperties}).
 *
 * @param baseUrl the bureau's API root; default {@code http://localhost:8089}
 * @param apiKey sent as {@code Authorization: Bearer <apiKey>}; default none (no header)
 * @param connectTimeout default 2 s
 * @param readTimeout how long to wait for a response; default 5 s
 * @param retryBackoff how long a job whose bureau call failed waits before its next try, growing as
 *     its retries run out: the durations are the waits before the last tries, the longest last (see
 *     {@link CreditBureauRetryPolicy}); default 1 min, 5 min, 30 min. The number of tries is the
 *     task's {@code retries} in the model.
 */
@ConfigurationProperties(prefix = "regua.credit-bureau")
public record CreditBureauProperties(
    URI baseUrl,
    String apiKey,
    Duration connectTimeout,
    Duration readTimeout,
    List<Duration> retryBackoff) {

  public CreditBureauProperties {
    baseUrl = baseUrl != null ? baseUrl : URI.create("http://localhost:8089");
    apiKey = apiKey != null ? apiKey.strip() : "";
    connectTimeout = connectTimeout != null ? connectTimeout : Duration.ofSeconds(2);
    readTimeout = readTimeout != null ? readTimeout : Duration.ofSeconds(5);
    retryBackoff =
        retryBackoff != null && !retryBackoff.isEmpty()
            ? List.copyOf(retryBackoff)
            : List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30));
    if (retryBackoff.stream().anyMatch(Duration::isNegative)) {
      throw new IllegalArgumentException(
          "regua.credit-bureau.retry-backoff must not be negative: " + retryBackoff);
    }
  }

  /** Keeps the API key out of logs and error messages. */
  @Override
  public String toString() {
    return "CreditBureauProperties[baseUrl="
        + baseUrl
        + ", apiKey="
        + (apiKey.isEmpty() ? "<none>" : "<redacted>")
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", retryBackoff="
        + retryBackoff
        + "]";
  }
}
