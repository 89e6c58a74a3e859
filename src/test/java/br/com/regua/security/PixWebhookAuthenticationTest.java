package br.com.regua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * How the PSP's Pix notifications get in: the proxy's shared secret, or — when the service
 * terminates TLS itself and {@code regua.security.pix-webhook-mutual-tls} is on — the client
 * certificate the container verified. Nothing else.
 */
class PixWebhookAuthenticationTest {

  private static final String SECRET = "pix-secret";

  private static WebhookSignatureFilter filter(boolean mutualTls) {
    Credentials credentials =
        new Credentials(
            new SecurityProperties(
                List.of(), List.of(), Map.of("pix", SECRET), Duration.ofMinutes(5), false),
            new MockEnvironment());
    return new WebhookSignatureFilter(
        credentials, Duration.ofMinutes(5), Clock.systemUTC(), mutualTls);
  }

  private static MockHttpServletRequest notification() {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/webhooks/pix/pix");
    request.setContent("{\"pix\":[]}".getBytes());
    return request;
  }

  private static int status(WebhookSignatureFilter filter, MockHttpServletRequest request)
      throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(request, response, chain);
    return chain.getRequest() == null ? response.getStatus() : 200;
  }

  @Test
  void theProxysSecretLetsTheNotificationInAndNothingElseDoes() throws Exception {
    MockHttpServletRequest withSecret = notification();
    withSecret.addHeader(WebhookSignatures.SHARED_SECRET, SECRET);
    MockHttpServletRequest wrong = notification();
    wrong.addHeader(WebhookSignatures.SHARED_SECRET, SECRET + "x");

    assertThat(status(filter(false), withSecret)).isEqualTo(200);
    assertThat(status(filter(false), wrong)).isEqualTo(401);
    assertThat(status(filter(false), notification())).isEqualTo(401);
  }

  @Test
  void aVerifiedClientCertificateLetsItInOnlyWhenMutualTlsIsOn() throws Exception {
    MockHttpServletRequest withCertificate = notification();
    withCertificate.setAttribute(
        WebhookSignatureFilter.CLIENT_CERTIFICATES,
        new X509Certificate[] {org.mockito.Mockito.mock(X509Certificate.class)});

    assertThat(status(filter(true), withCertificate)).isEqualTo(200);
    assertThat(status(filter(false), withCertificate)).isEqualTo(401);
    assertThat(status(filter(true), notification())).isEqualTo(401);
  }
}
