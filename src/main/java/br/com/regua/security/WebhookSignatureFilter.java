package br.com.regua.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks the signature of every {@code POST /api/webhooks/{provider}} before the controller reads
 * it ({@link WebhookSignatures}); a provider without a configured secret is refused. Wall-clock
 * time, not the engine's: providers sign with theirs.
 */
final class WebhookSignatureFilter extends OncePerRequestFilter {

  private static final String PREFIX = "/api/webhooks/";

  /**
   * The PSP's Pix notifications: it calls the registered {@code webhookUrl} ({@code
   * /api/webhooks/pix}) with {@code /pix} appended.
   */
  private static final String PIX = "pix/pix";

  /** The client certificate chain the servlet container verified during the TLS handshake. */
  static final String CLIENT_CERTIFICATES = "jakarta.servlet.request.X509Certificate";

  private final Credentials credentials;
  private final Duration window;
  private final Clock wallClock;
  private final boolean pixMutualTls;

  WebhookSignatureFilter(
      Credentials credentials, Duration window, Clock wallClock, boolean pixMutualTls) {
    this.credentials = credentials;
    this.window = window;
    this.wallClock = wallClock;
    this.pixMutualTls = pixMutualTls;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith(PREFIX);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String provider = request.getRequestURI().substring(PREFIX.length());
    if (provider.equals(PIX)) {
      pix(request, response, chain);
      return;
    }
    Optional<String> secret = credentials.webhookSecret(provider);
    if (secret.isEmpty()) {
      Problems.unauthorized(
          request,
          response,
          "no webhook secret configured for " + provider + ": every call is refused");
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    Optional<String> refused =
        provider.equals("whatsapp")
            ? WebhookSignatures.checkMeta(
                secret.get(), request.getHeader(WebhookSignatures.META_SIGNATURE), body)
            : WebhookSignatures.checkRegua(
                secret.get(),
                request.getHeader(WebhookSignatures.TIMESTAMP),
                request.getHeader(WebhookSignatures.SIGNATURE),
                body,
                wallClock.instant(),
                window);
    if (refused.isPresent()) {
      Problems.unauthorized(request, response, "webhook refused: " + refused.get());
      return;
    }
    chain.doFilter(new CachedBody(request, body), response);
  }

  /**
   * The API Pix authenticates the PSP's calls by mTLS, not by a signature. Behind a proxy that
   * terminates TLS (and checks the PSP's client certificate), the proxy forwards the call with the
   * configured shared secret ({@code regua.security.webhook-secrets.pix}) in {@link
   * WebhookSignatures#SHARED_SECRET}.
   */
  private void pix(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // The service terminates TLS itself (server.ssl.client-auth: want, a trust store holding only
    // the PSP's CA): the container verified the PSP's certificate, as the standard asks.
    if (pixMutualTls
        && request.getAttribute(CLIENT_CERTIFICATES) instanceof X509Certificate[] certificates
        && certificates.length > 0) {
      chain.doFilter(request, response);
      return;
    }
    Optional<String> secret = credentials.webhookSecret("pix");
    if (secret.isEmpty()) {
      Problems.unauthorized(
          request, response, "no webhook secret configured for pix: every call is refused");
      return;
    }
    Optional<String> refused =
        WebhookSignatures.checkSharedSecret(
            secret.get(), request.getHeader(WebhookSignatures.SHARED_SECRET));
    if (refused.isPresent()) {
      Problems.unauthorized(request, response, "webhook refused: " + refused.get());
      return;
    }
    chain.doFilter(request, response);
  }

  /** The request with its body read once, for the signature, and again by the controller. */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
