package br.com.regua.contact.whatsapp;

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
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * WhatsApp through Meta's Cloud API, as template messages (a business may start a conversation only
 * with a template Meta approved, of which {@link WhatsAppTemplates} picks the variant that carries
 * the debt's payment options). Active when {@code regua.whatsapp.phone-number-id} is set ({@link
 * WhatsAppProperties}).
 *
 * <p>{@code POST {baseUrl}/{apiVersion}/{phoneNumberId}/messages} with {@code Authorization: Bearer
 * <accessToken>} and
 *
 * <pre>{@code
 * {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "5511987654321",
 *  "type": "template",
 *  "template": {"name": "cobranca_link_negociacao", "language": {"code": "pt_BR"},
 *               "components": [{"type": "body", "parameters": [{"type": "text", "text": "Maria"}, …]}]},
 *  "biz_opaque_callback_data": "INV-1001:D+3:WHATSAPP"}
 * }</pre>
 *
 * answers {@code {"messages": [{"id": "wamid.…"}]}}. The Cloud API takes no idempotency key, so our
 * contact key travels as {@code biz_opaque_callback_data}, which Meta returns in every status
 * webhook; the contact log keeps a redelivered job from sending twice.
 *
 * <p>Errors come as {@code {"error": {"code": 131026, "message": "…", "error_data": {"details":
 * "…"}}}}. The codes about the recipient ({@link #RECIPIENT_ERRORS}: not on WhatsApp, not allowed,
 * blocked for engagement or marketing) are {@link UndeliverableException}; 5xx, 429, timeouts and
 * every other refusal (an expired token, a template Meta does not know) are {@link
 * ChannelDeliveryException}: the job retries, then an incident. Most undeliverable numbers are only
 * known later, as a {@code failed} status webhook ({@link DeliveryWebhookController}).
 */
@Component
@ConditionalOnExpression("'${regua.whatsapp.phone-number-id:}' != ''")
public class WhatsAppChannel implements ChannelSender {

  /**
   * Cloud API error codes about the recipient: 131021 recipient is the sender, 131026 message
   * undeliverable (no WhatsApp account, old app, terms not accepted), 131030 not in the allowed
   * list (test numbers), 131049 withheld for ecosystem engagement, 131050 the user stopped
   * marketing messages.
   */
  static final Set<Integer> RECIPIENT_ERRORS = Set.of(131021, 131026, 131030, 131049, 131050);

  private final RestClient rest;
  private final WhatsAppProperties properties;
  private final WhatsAppTemplates approved;
  private final MessageTemplates templates;
  private final ObjectMapper json;

  WhatsAppChannel(
      RestClient.Builder builder,
      WhatsAppProperties properties,
      WhatsAppTemplates approved,
      MessageTemplates templates,
      ObjectMapper json) {
    this.rest =
        ProviderHttp.client(
            builder,
            properties.baseUrl(),
            properties.connectTimeout(),
            properties.readTimeout(),
            properties.accessToken(),
            "regua.whatsapp.access-token");
    this.properties = properties;
    this.approved = approved;
    this.templates = templates;
    this.json = json;
  }

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Message(
      String messagingProduct,
      String recipientType,
      String to,
      String type,
      Template template,
      String bizOpaqueCallbackData) {}

  record Template(String name, Language language, List<TemplateComponent> components) {}

  record Language(String code) {}

  record TemplateComponent(String type, List<Parameter> parameters) {}

  record Parameter(String type, String text) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Sent(List<SentMessage> messages) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record SentMessage(String id) {}

  @Override
  public Channel channel() {
    return Channel.WHATSAPP;
  }

  @Override
  public Delivery send(Debt debt, String template, Map<String, ?> values, String contactKey) {
    String phone = debt.debtor().phone();
    if (phone == null || phone.isBlank()) {
      throw new UndeliverableException(Channel.WHATSAPP, "devedor sem telefone");
    }
    if (!PhoneNumbers.isMobile(phone)) {
      throw new UndeliverableException(
          Channel.WHATSAPP, "o telefone " + phone + " não é um celular");
    }
    Map<String, Object> model = templates.model(debt, values);
    // The first approved variant all of whose parameters have values: the PIX one when the debt
    // has a PIX charge (the Cloud API refuses an empty parameter).
    WhatsAppTemplates.Approved mapping = approved.approved(template, model);
    List<Parameter> parameters =
        mapping.parameters().stream()
            .map(name -> new Parameter("text", model.get(name).toString()))
            .toList();
    Message message =
        new Message(
            "whatsapp",
            "individual",
            phone.startsWith("+") ? phone.substring(1) : phone,
            "template",
            new Template(
                mapping.name(),
                new Language(mapping.language()),
                parameters.isEmpty()
                    ? List.of()
                    : List.of(new TemplateComponent("body", parameters))),
            contactKey);
    Sent sent;
    try {
      sent =
          rest.post()
              .uri(
                  "/{version}/{phoneNumberId}/messages",
                  properties.apiVersion(),
                  properties.phoneNumberId())
              .contentType(MediaType.APPLICATION_JSON)
              .accept(MediaType.APPLICATION_JSON)
              .body(message)
              .retrieve()
              .body(Sent.class);
    } catch (RestClientResponseException e) {
      String recipientError = recipientError(e);
      if (recipientError != null) {
        throw new UndeliverableException(Channel.WHATSAPP, recipientError);
      }
      throw new ChannelDeliveryException(
          "WhatsApp " + contactKey + " failed at the Cloud API: " + ProviderHttp.describe(e), e);
    } catch (RestClientException e) {
      throw new ChannelDeliveryException(
          "WhatsApp "
              + contactKey
              + " failed: Cloud API unreachable or unreadable: "
              + e.getMessage(),
          e);
    }
    if (sent == null
        || sent.messages() == null
        || sent.messages().isEmpty()
        || sent.messages().getFirst().id() == null) {
      throw new ChannelDeliveryException(
          "WhatsApp " + contactKey + ": the Cloud API answered without a message id");
    }
    String text = templates.render(Channel.WHATSAPP, template, debt, values).body();
    return new Delivery(sent.messages().getFirst().id(), text);
  }

  /** "131026 Message undeliverable: details" when a refusal is about the recipient. */
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
    int code = error.path("code").asInt(-1);
    return RECIPIENT_ERRORS.contains(code) ? describeError(code, error) : null;
  }

  /** One line for the contact log from a Cloud API error object (a response's or a webhook's). */
  static String describeError(int code, JsonNode error) {
    String title = error.path("title").asText(error.path("message").asText(""));
    String details = error.path("error_data").path("details").asText("");
    return code + " " + title + (details.isEmpty() ? "" : ": " + details);
  }
}
