package br.com.regua.security;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Providers' webhooks are taken only with a good signature, and a recent one. */
class WebhookSignaturesTest extends IntegrationTest {

  @LocalServerPort int port;

  private static final String RECEIPT = "{\"id\": \"sms-never-sent\", \"status\": \"delivered\"}";

  @Test
  void aSignedReceiptIsReadAnUnsignedForgedOrOldOneIsRefused() throws Exception {
    byte[] body = RECEIPT.getBytes(StandardCharsets.UTF_8);
    long now = Instant.now().getEpochSecond();
    String secret = TestCredentials.SMS_WEBHOOK_SECRET;

    // signed now: read (an unknown message is a 404, past the signature)
    assertThat(
            sms(Map.of(
                    "X-Regua-Timestamp",
                    "" + now,
                    "X-Regua-Signature",
                    WebhookSignatures.sign(secret, now, body)))
                .statusCode())
        .isEqualTo(404);
    // unsigned, signed with another secret, or a body changed after signing: 401
    assertThat(sms(Map.of()).statusCode()).isEqualTo(401);
    assertThat(
            sms(Map.of(
                    "X-Regua-Timestamp",
                    "" + now,
                    "X-Regua-Signature",
                    WebhookSignatures.sign("guess", now, body)))
                .statusCode())
        .isEqualTo(401);
    byte[] other = RECEIPT.replace("delivered", "failed").getBytes(StandardCharsets.UTF_8);
    assertThat(
            sms(Map.of(
                    "X-Regua-Timestamp",
                    "" + now,
                    "X-Regua-Signature",
                    WebhookSignatures.sign(secret, now, other)))
                .statusCode())
        .isEqualTo(401);
    // a captured call replayed ten minutes later (window: 5 minutes)
    long old = now - Duration.ofMinutes(10).toSeconds();
    HttpResponse<String> replay =
        sms(
            Map.of(
                "X-Regua-Timestamp",
                "" + old,
                "X-Regua-Signature",
                WebhookSignatures.sign(secret, old, body)));
    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(replay.body()).contains("replay window");
  }

  @Test
  void whatsAppIsCheckedWithMetasSignature() throws Exception {
    String payload = "{\"object\": \"whatsapp_business_account\", \"entry\": []}";
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    assertThat(
            post(
                    "/api/webhooks/whatsapp",
                    payload,
                    Map.of(
                        "X-Hub-Signature-256",
                        WebhookSignatures.signMeta(TestCredentials.WHATSAPP_APP_SECRET, body)))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            post(
                    "/api/webhooks/whatsapp",
                    payload,
                    Map.of("X-Hub-Signature-256", WebhookSignatures.signMeta("guess", body)))
                .statusCode())
        .isEqualTo(401);
  }

  private HttpResponse<String> sms(Map<String, String> headers) throws Exception {
    return post("/api/webhooks/sms", RECEIPT, headers);
  }

  private HttpResponse<String> post(String path, String body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
