package br.com.regua.contact.sms;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMS provider ({@code regua.sms.*}); see {@link SmsChannel} for its API. The channel is active
 * only when {@code base-url} is set; without it, SMS steps are rendered and recorded.
 *
 * @param baseUrl the provider's API root; embedded mode defaults to the development provider
 * @param apiKey sent as {@code Authorization: Bearer <apiKey>}; default none (no header)
 * @param sender the sender id or short code the debtor sees; default {@code REGUA}
 * @param callbackUrl where the provider posts delivery receipts ({@code https://<this
 *     service>/api/webhooks/sms}); default none: the provider's account setting
 * @param connectTimeout default 2 s
 * @param readTimeout how long to wait for the provider's answer; default 5 s
 */
@ConfigurationProperties(prefix = "regua.sms")
public record SmsProperties(
    URI baseUrl,
    String apiKey,
    String sender,
    String callbackUrl,
    Duration connectTimeout,
    Duration readTimeout) {

  public SmsProperties {
    apiKey = apiKey != null ? apiKey.strip() : "";
    sender = sender != null && !sender.isBlank() ? sender.strip() : "REGUA";
    callbackUrl = callbackUrl != null && !callbackUrl.isBlank() ? callbackUrl.strip() : null;
    connectTimeout = connectTimeout != null ? connectTimeout : Duration.ofSeconds(2);
    readTimeout = readTimeout != null ? readTimeout : Duration.ofSeconds(5);
  }

  /** Keeps the API key out of logs and error messages. */
  @Override
  public String toString() {
    return "SmsProperties[baseUrl="
        + baseUrl
        + ", apiKey="
        + (apiKey.isEmpty() ? "<none>" : "<redacted>")
        + ", sender="
        + sender
        + ", callbackUrl="
        + callbackUrl
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + "]";
  }
}
