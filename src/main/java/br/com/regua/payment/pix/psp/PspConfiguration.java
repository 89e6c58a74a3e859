package br.com.regua.payment.pix.psp;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** The PSP's client, when {@code regua.pix.psp.base-url} names one. */
@Configuration
@EnableConfigurationProperties(PspProperties.class)
class PspConfiguration {

  @Bean
  // not ConditionalOnProperty: an empty value (${REGUA_PIX_PSP_BASE_URL:}) would count as set
  @ConditionalOnExpression("!'${regua.pix.psp.base-url:}'.isBlank()")
  PspClient pspClient(PspProperties properties, RestClient.Builder builder) {
    // wall-clock time for the token's expiry, not the engine's: the PSP's tokens expire in its time
    return new PspClient(properties, builder, Clock.systemUTC());
  }
}
