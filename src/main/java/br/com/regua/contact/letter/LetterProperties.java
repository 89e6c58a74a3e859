package br.com.regua.contact.letter;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Letters and the print-and-post provider that mails them ({@code regua.letter.*}). The creditor a
 * letter names is {@code regua.creditor} ({@link br.com.regua.creditor.CreditorProperties}).
 *
 * @param baseUrl the provider's API root; when empty, no letter is mailed: letter steps are
 *     rendered and recorded like any channel without a provider ({@link #CONFIGURED})
 * @param apiKey sent as {@code Authorization: Bearer <apiKey>}; default none (no header)
 * @param connectTimeout default 2 s
 * @param readTimeout how long to wait for the provider's answer; default 10 s (it receives a PDF)
 */
@ConfigurationProperties(prefix = "regua.letter")
public record LetterProperties(
    URI baseUrl, String apiKey, Duration connectTimeout, Duration readTimeout) {

  /** The condition on the beans that mail letters: a provider is configured. */
  static final String CONFIGURED = "!'${regua.letter.base-url:}'.isBlank()";

  public LetterProperties {
    apiKey = apiKey != null ? apiKey.strip() : "";
    connectTimeout = connectTimeout != null ? connectTimeout : Duration.ofSeconds(2);
    readTimeout = readTimeout != null ? readTimeout : Duration.ofSeconds(10);
  }

  /** Keeps the API key out of logs and error messages. */
  @Override
  public String toString() {
    return "LetterProperties[baseUrl="
        + baseUrl
        + ", apiKey="
        + (apiKey.isEmpty() ? "<none>" : "<redacted>")
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + "]";
  }
}
