package br.com.regua.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

/**
 * The SMS gateway and the WhatsApp Cloud API as the tests see them: one real HTTP server (WireMock)
 * for the whole test JVM, the SMS API under {@code /sms}, the Cloud API under {@code /whatsapp}.
 * Every journey of every test sends its SMS and WhatsApp steps here, so a catch-all accepts any
 * message with a fresh id; a test that wants another answer stubs its own contact (by the contact
 * key, which both providers receive), at a higher priority. Never reset: tests stub and verify
 * their own debts only.
 */
public final class MessagingProviders {

  public static final WireMockServer SERVER = start();

  public static final String WHATSAPP_MESSAGES = "/whatsapp/v21.0/106540352242922/messages";
  public static final String SMS_MESSAGES = "/sms/v1/messages";

  private static final int CATCH_ALL = 10;
  private static final int PER_TEST = 1;

  private MessagingProviders() {}

  public static String smsBaseUrl() {
    return SERVER.baseUrl() + "/sms";
  }

  public static String whatsAppBaseUrl() {
    return SERVER.baseUrl() + "/whatsapp";
  }

  /** The contact key of a journey step, as ContactService makes it. */
  public static String contactKey(String debtId, String step, String channel) {
    return debtId + ":" + step + ":" + channel;
  }

  /** The SMS gateway answers the contact's message with this status and body. */
  public static void smsAnswers(String contactKey, ResponseDefinitionBuilder answer) {
    SERVER.stubFor(
        post(SMS_MESSAGES)
            .atPriority(PER_TEST)
            .withHeader("Idempotency-Key", equalTo(contactKey))
            .willReturn(answer));
  }

  /** The Cloud API answers the contact's message with this status and body. */
  public static void whatsAppAnswers(String contactKey, ResponseDefinitionBuilder answer) {
    SERVER.stubFor(
        post(urlPathMatching("/whatsapp/[^/]+/[^/]+/messages"))
            .atPriority(PER_TEST)
            .withRequestBody(matchingJsonPath("$.biz_opaque_callback_data", equalTo(contactKey)))
            .willReturn(answer));
  }

  /** The SMS requests made for a contact. */
  public static RequestPatternBuilder smsRequests(String contactKey) {
    return postRequestedFor(urlEqualTo(SMS_MESSAGES))
        .withHeader("Idempotency-Key", equalTo(contactKey));
  }

  /** The WhatsApp requests made for a contact. */
  public static RequestPatternBuilder whatsAppRequests(String contactKey) {
    return postRequestedFor(urlEqualTo(WHATSAPP_MESSAGES))
        .withRequestBody(matchingJsonPath("$.biz_opaque_callback_data", equalTo(contactKey)));
  }

  private static WireMockServer start() {
    WireMockServer server =
        new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    // Catch-alls: any message is accepted, with a unique id (the contact log's ids are unique).
    server.stubFor(
        post(SMS_MESSAGES)
            .atPriority(CATCH_ALL)
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\": \"sms-{{randomValue type='UUID'}}\", \"status\": \"QUEUED\"}")
                    .withTransformers("response-template")));
    server.stubFor(
        post(urlPathMatching("/whatsapp/[^/]+/[^/]+/messages"))
            .atPriority(CATCH_ALL)
            .willReturn(
                okJson(
                        """
                        {"messaging_product": "whatsapp",
                         "contacts": [{"input": "{{jsonPath request.body '$.to'}}",
                                       "wa_id": "{{jsonPath request.body '$.to'}}"}],
                         "messages": [{"id": "wamid.{{randomValue type='UUID'}}"}]}
                        """)
                    .withTransformers("response-template")));
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    return server;
  }
}
