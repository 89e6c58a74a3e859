package br.com.regua.contact.sms;

import br.com.regua.brazil.PhoneNumbers;
import br.com.regua.consent.Channel;
import br.com.regua.contact.ChannelDeliveryException;
import br.com.regua.contact.ChannelSender;
import br.com.regua.contact.UndeliverableException;
import br.com.regua.contact.delivery.DeliveryWebhookController;
import br.com.regua.contact.template.MessageTemplates;
import br.com.regua.debt.Debt;
import br.com.regua.http.ProviderHttp;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * SMS through an HTTP provider, rendered from {@code templates/sms/}. Active when {@code
 * regua.sms.base-url} is set ({@link SmsProperties}). The API is the common shape of Brazilian and
 * global SMS gateways (Zenvia, Twilio, Infobip), as we define it for the provider's integration:
 *
 * <ul>
 *   <li>{@code POST {baseUrl}/v1/messages} with {@code Authorization: Bearer <apiKey>}, {@code
 *       Idempotency-Key: <contact key>} and
 *       <pre>{@code
 * {"to": "+5511987654321", "from": "REGUA", "text": "Maria, seu pagamento…",
 *  "reference": "INV-1001:D+15:SMS", "callbackUrl": "https://…/api/webhooks/sms"}
 * }</pre>
 *       {@code to} in E.164; {@code reference} is echoed in delivery receipts; {@code callbackUrl}
 *       only when configured. Answers {@code 201} (or {@code 200} for the same Idempotency-Key
 *       again: the same message, not a second one) with {@code {"id": "…", "status": "QUEUED"}}.
 *   <li>Errors: {@code 400}/{@code 422} with {@code {"error": {"code": "INVALID_NUMBER", "message":
 *       "…"}}}. The codes {@code INVALID_NUMBER}, {@code UNREACHABLE} and {@code OPTED_OUT} are
 *       about the recipient: {@link UndeliverableException}. 5xx, 408/409/429, timeouts and any
 *       other refusal are {@link ChannelDeliveryException}: the job retries, then an incident.
 * </ul>
 *
 * <p>Receipts come back to {@code POST /api/webhooks/sms} ({@link DeliveryWebhookController}).
 */
@Component
@ConditionalOnExpression("'${regua.sms.base-url:}' != ''")
class SmsChannel implements ChannelSender {

  private static final Logger log = LoggerFactory.getLogger(SmsChannel.class);

  /** The provider's error codes that are about the recipient, not about our request. */
  private static final Set<String> RECIPIENT_ERRORS =
      Set.of("INVALID_NUMBER", "UNREACHABLE", "OPTED_OUT");

  private final RestClient rest;
  private final MessageTemplates templates;
  private final SmsProperties properties;
  private final ObjectMapper json;

  SmsChannel(
      RestClient.Builder builder,
      SmsProperties properties,
      MessageTemplates templates,
      ObjectMapper json) {
    this.rest =
        ProviderHttp.client(
            builder,
            properties.baseUrl(),
            properties.connectTimeout(),
            properties.readTimeout(),
            properties.apiKey(),
            "regua.sms.api-key");
    this.templates = templates;
    this.properties = properties;
    this.json = json;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SmsRequest(String to, String from, String text, String reference, String callbackUrl) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record SmsAccepted(String id, String status) {}

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  /** The provider takes the contact key as its Idempotency-Key. */
  @Override
  public boolean deduplicatesByKey() {
    return true;
  }

  @Override
  public Delivery send(Debt debt, String template, Map<String, ?> values, String contactKey) {
    String phone = debt.debtor().phone();
    if (phone == null || phone.isBlank()) {
      throw new UndeliverableException(Channel.SMS, "devedor sem telefone");
    }
    if (!PhoneNumbers.isMobile(phone)) {
      throw new UndeliverableException(Channel.SMS, "o telefone " + phone + " não é um celular");
    }
    // sent (and recorded) in the GSM alphabet: a name with "ç" or "ã" made a message UCS-2,
    // 70 characters a part instead of 160 (SmsText.toGsm)
    String text = SmsText.toGsm(templates.render(Channel.SMS, template, debt, values).body());
    int parts = SmsText.parts(text);
    if (parts > 1) {
      log.warn(
          "SMS {} ({}) is {} characters{}: sent as {} messages",
          template,
          contactKey,
          text.length(),
          SmsText.isGsm(text) ? "" : " outside the GSM alphabet",
          parts);
    }
    SmsRequest request =
        new SmsRequest(phone, properties.sender(), text, contactKey, properties.callbackUrl());
    SmsAccepted accepted;
    try {
      accepted =
          rest.post()
              .uri("/v1/messages")
              .header("Idempotency-Key", contactKey)
              .contentType(MediaType.APPLICATION_JSON)
              .accept(MediaType.APPLICATION_JSON)
              .body(request)
              .retrieve()
              .body(SmsAccepted.class);
    } catch (RestClientResponseException e) {
      String recipientError = recipientError(e);
      if (recipientError != null) {
        throw new UndeliverableException(Channel.SMS, recipientError);
      }
      throw new ChannelDeliveryException(
          "SMS " + contactKey + " failed at the provider: " + ProviderHttp.describe(e), e);
    } catch (RestClientException e) {
      throw new ChannelDeliveryException(
          "SMS " + contactKey + " failed: provider unreachable or unreadable: " + e.getMessage(),
          e);
    }
    if (accepted == null || accepted.id() == null || accepted.id().isBlank()) {
      throw new ChannelDeliveryException(
          "SMS " + contactKey + ": the provider answered without a message id");
    }
    return new Delivery(accepted.id(), text);
  }

  /** "INVALID_NUMBER: message" when a refusal is about the recipient; null otherwise. */
  private String recipientError(RestClientResponseException e) {
    if (ProviderHttp.isTransient(e) || !e.getStatusCode().is4xxClientError()) {
      return null;
    }
    JsonNode error;
    try {
      error = json.readTree(e.getResponseBodyAsString()).path("error");
    } catch (JsonProcessingException unreadable) {
      return null;
    }
    String code = error.path("code").asText("");
    return RECIPIENT_ERRORS.contains(code) ? code + ": " + error.path("message").asText("") : null;
  }
}
