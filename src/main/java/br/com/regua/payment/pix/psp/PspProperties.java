package br.com.regua.payment.pix.psp;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The creditor's PSP for the API Pix ({@code regua.pix.psp.*}): where it is, the OAuth2 client
 * credentials it issued, and the client certificate (PKCS#12 keystore) and trusted CAs (PKCS#12
 * truststore) of the mutual TLS every API Pix call goes over. No base URL: no PSP, and the static
 * BR Code is the debtor's Pix.
 */
@ConfigurationProperties(prefix = "regua.pix.psp")
public record PspProperties(
    String baseUrl,
    String tokenUrl,
    String clientId,
    String clientSecret,
    String keyStore,
    String keyStorePassword,
    String trustStore,
    String trustStorePassword,
    Duration connectTimeout,
    Duration readTimeout) {

  public PspProperties {
    baseUrl = baseUrl == null ? "" : baseUrl.strip();
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(15) : readTimeout;
  }

  public boolean enabled() {
    return !baseUrl.isEmpty();
  }
}
