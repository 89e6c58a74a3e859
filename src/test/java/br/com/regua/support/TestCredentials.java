package br.com.regua.support;

import org.springframework.http.client.ClientHttpRequestInterceptor;

/** The credentials of application-test.yaml, in clear (the configuration holds their hashes). */
public final class TestCredentials {

  /** Every role: what the shared TestRestTemplate and {@link Api} send by default. */
  public static final String SUITE_KEY = "test-suite-key";

  public static final String INTEGRATION_KEY = "test-integration-key";
  public static final String AGENT_TOOL_KEY = "test-agent-key";
  public static final String METRICS_KEY = "test-metrics-key";

  /** Agent of the team collection-agents (the models' candidate group). */
  public static final String ANA = "ana";

  public static final String ANA_PASSWORD = "ana-senha";

  /** Agent of another team (legal-team). */
  public static final String BRUNO = "bruno";

  public static final String BRUNO_PASSWORD = "bruno-senha";

  public static final String SOFIA = "sofia";
  public static final String SOFIA_PASSWORD = "sofia-senha";

  public static final String SMS_WEBHOOK_SECRET = "test-sms-webhook-secret";
  public static final String EMAIL_WEBHOOK_SECRET = "test-email-webhook-secret";
  public static final String PIX_WEBHOOK_SECRET = "test-pix-webhook-secret";
  public static final String WHATSAPP_APP_SECRET = "test-whatsapp-app-secret";

  private TestCredentials() {}

  /**
   * Adds the suite's API key to a request that carries no credentials of its own (an API key, a
   * session cookie, a webhook signature).
   */
  static final ClientHttpRequestInterceptor SUITE_KEY_BY_DEFAULT =
      (request, body, execution) -> {
        var headers = request.getHeaders();
        if (!headers.containsKey("X-Api-Key")
            && !headers.containsKey("Cookie")
            && !headers.containsKey("X-Regua-Signature")
            && !headers.containsKey("X-Hub-Signature-256")) {
          headers.add("X-Api-Key", SUITE_KEY);
        }
        return execution.execute(request, body);
      };
}
