package br.com.regua.contact.whatsapp;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The WhatsApp Cloud API ({@code regua.whatsapp.*}); see {@link WhatsAppChannel}. The channel is
 * active only when {@code phone-number-id} is set (the base URL has a real default, so it cannot be
 * the switch); without it, WhatsApp steps are rendered and recorded.
 *
 * @param baseUrl default {@code https://graph.facebook.com}; embedded mode points it at the
 *     development provider
 * @param apiVersion the Graph API version in the path; default {@code v21.0}
 * @param phoneNumberId the business phone number's id in WhatsApp Manager
 * @param accessToken a system user's token, sent as {@code Authorization: Bearer <token>}
 * @param webhookVerifyToken the token Meta echoes when it verifies the webhook ({@code GET
 *     /api/webhooks/whatsapp}); default none: verification refused
 * @param connectTimeout default 2 s
 * @param readTimeout default 10 s (the Graph API is slower than an SMS gateway)
 */
@ConfigurationProperties(prefix = "regua.whatsapp")
public record WhatsAppProperties(
    URI baseUrl,
    String apiVersion,
    String phoneNumberId,
    String accessToken,
    String webhookVerifyToken,
    Duration connectTimeout,
    Duration readTimeout) {

  public WhatsAppProperties {
    baseUrl = baseUrl != null ? baseUrl : URI.create("https://graph.facebook.com");
    apiVersion = apiVersion != null && !apiVersion.isBlank() ? apiVersion.strip() : "v21.0";
    phoneNumberId = phoneNumberId != null ? phoneNumberId.strip() : "";
    accessToken = accessToken != null ? accessToken.strip() : "";
    webhookVerifyToken = webhookVerifyToken != null ? webhookVerifyToken.strip() : "";
    connectTimeout = connectTimeout != null ? connectTimeout : Duration.ofSeconds(2);
    readTimeout = readTimeout != null ? readTimeout : Duration.ofSeconds(10);
  }

  /** Keeps the tokens out of logs and error messages. */
  @Override
  public String toString() {
    return "WhatsAppProperties[baseUrl="
        + baseUrl
        + ", apiVersion="
        + apiVersion
        + ", phoneNumberId="
        + phoneNumberId
        + ", accessToken="
        + (accessToken.isEmpty() ? "<none>" : "<redacted>")
        + ", webhookVerifyToken="
        + (webhookVerifyToken.isEmpty() ? "<none>" : "<redacted>")
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + "]";
  }
}
