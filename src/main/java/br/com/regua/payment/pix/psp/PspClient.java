package br.com.regua.payment.pix.psp;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The API Pix at the creditor's PSP: OAuth2 client credentials (the token cached until a minute
 * before it expires), every call over mutual TLS with the configured client certificate and trusted
 * CAs. Errors are thrown as they come ({@code RestClientResponseException}); callers decide what
 * retries.
 */
public class PspClient {

  /** The API Pix's answer to a cobv: its revision, status and what the debtor pastes. */
  public record Cobv(String txid, int revision, String status, String pixCopiaECola) {}

  private final PspProperties properties;
  private final RestClient http;
  private final Clock wallClock;
  private String token;
  private Instant tokenExpires = Instant.MIN;

  public PspClient(PspProperties properties, RestClient.Builder builder, Clock wallClock) {
    this.properties = properties;
    this.wallClock = wallClock;
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(properties.connectTimeout())
            .sslContext(mutualTls(properties))
            .build();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
    requests.setReadTimeout(properties.readTimeout());
    this.http = builder.requestFactory(requests).build();
  }

  // Every URI is a template and its values: the http.client.requests metric tags each call with
  // the template ("/cobv/{txid}"), where a URI built by concatenation was tagged "none" at best
  // and, as a template of its own, one tag per charge until the registry's limit.

  /** {@code PUT /cobv/{txid}}: creates the charge with due date, or replaces it. */
  public Cobv putCobv(String txid, Map<String, Object> body) {
    return cobv(
        http.put()
            .uri(properties.baseUrl() + "/cobv/{txid}", txid)
            .headers(this::authorize)
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .retrieve()
            .body(JsonNode.class));
  }

  /** {@code PATCH /cobv/{txid}}: changes the charge (a new balance, its removal). */
  public Cobv patchCobv(String txid, Map<String, Object> body) {
    return cobv(
        http.patch()
            .uri(properties.baseUrl() + "/cobv/{txid}", txid)
            .headers(this::authorize)
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .retrieve()
            .body(JsonNode.class));
  }

  /** Removes the charge, so that nobody pays it any more. */
  public Cobv removeCobv(String txid) {
    return patchCobv(txid, Map.of("status", "REMOVIDA_PELO_USUARIO_RECEBEDOR"));
  }

  /**
   * {@code GET /pix?inicio=&fim=&paginacao.paginaAtual=}: one page of the Pix received in the
   * window (RFC 3339 instants), as the API Pix answers it ({@code parametros.paginacao}, {@code
   * pix}).
   */
  public JsonNode listPix(Instant from, Instant to, int page) {
    return http.get()
        .uri(
            properties.baseUrl() + "/pix?inicio={from}&fim={to}&paginacao.paginaAtual={page}",
            from,
            to,
            page)
        .headers(this::authorize)
        .retrieve()
        .body(JsonNode.class);
  }

  /**
   * {@code PUT /pix/{e2eid}/devolucao/{id}}: gives back {@code valor} of a received Pix; the
   * answer's {@code status} (EM_PROCESSAMENTO, DEVOLVIDO, NAO_REALIZADO).
   */
  public String refund(String endToEndId, String refundId, String valor, String description) {
    JsonNode answer =
        http.put()
            .uri(properties.baseUrl() + "/pix/{e2eid}/devolucao/{id}", endToEndId, refundId)
            .headers(this::authorize)
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("valor", valor, "natureza", "ORIGINAL", "descricao", description))
            .retrieve()
            .body(JsonNode.class);
    return answer == null ? "" : answer.path("status").asText("");
  }

  private static Cobv cobv(JsonNode answer) {
    return new Cobv(
        answer.path("txid").asText(),
        answer.path("revisao").asInt(),
        answer.path("status").asText(),
        answer.path("pixCopiaECola").asText(null));
  }

  private void authorize(HttpHeaders headers) {
    headers.setBearerAuth(token());
  }

  private synchronized String token() {
    Instant now = wallClock.instant();
    if (token != null && now.isBefore(tokenExpires)) {
      return token;
    }
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (properties.clientId() + ":" + properties.clientSecret())
                    .getBytes(StandardCharsets.UTF_8));
    JsonNode answer =
        http.post()
            .uri(properties.tokenUrl())
            .header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(
                "grant_type=client_credentials&scope=cobv.write%20cobv.read%20pix.read%20pix.write")
            .retrieve()
            .body(JsonNode.class);
    String accessToken = answer == null ? "" : answer.path("access_token").asText("");
    if (accessToken.isEmpty()) {
      throw new IllegalStateException("the PSP's token endpoint answered no access_token");
    }
    token = accessToken;
    tokenExpires = now.plusSeconds(Math.max(0, answer.path("expires_in").asLong(300) - 60));
    return token;
  }

  /** The client certificate and the CAs trusted for the PSP's server certificate (PKCS#12). */
  static SSLContext mutualTls(PspProperties properties) {
    try {
      KeyManagerFactory keys = null;
      if (properties.keyStore() != null && !properties.keyStore().isBlank()) {
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(
            load(properties.keyStore(), properties.keyStorePassword()),
            password(properties.keyStorePassword()));
      }
      TrustManagerFactory trust = null;
      if (properties.trustStore() != null && !properties.trustStore().isBlank()) {
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(properties.trustStore(), properties.trustStorePassword()));
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          keys == null ? null : keys.getKeyManagers(),
          trust == null ? null : trust.getTrustManagers(),
          null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(
          "regua.pix.psp key store or trust store: " + e.getMessage(), e);
    }
  }

  private static KeyStore load(String path, String password)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(Path.of(path))) {
      store.load(in, password(password));
    }
    return store;
  }

  private static char[] password(String password) {
    return password == null ? new char[0] : password.toCharArray();
  }
}
