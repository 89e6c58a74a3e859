package br.com.regua.support;

import br.com.regua.security.WebhookSignatures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The service's REST API as a test calls it: JSON in, status and JSON out. */
@TestComponent
public class Api {

  private final ObjectMapper json;
  private TestRestTemplate http;

  Api(ObjectMapper json) {
    this.json = json;
  }

  void bind(TestRestTemplate http) {
    this.http = http;
  }

  /** A valid registration body for a fresh debtor; tests change one field to break it. */
  public ObjectNode debt(String debtId, String amount, LocalDate dueDate) {
    ObjectNode body = json.createObjectNode();
    body.put("debtId", debtId);
    ObjectNode debtor = body.putObject("debtor");
    debtor.put("document", TestDebtors.cpf());
    debtor.put("name", "Maria da Silva");
    debtor.put("email", debtId.toLowerCase() + "@devedor.example.test");
    debtor.put("phone", "+5511987654321");
    debtor.put("state", "SP");
    body.put("amount", amount);
    body.put("dueDate", dueDate.toString());
    return body;
  }

  /** The registration body with a valid postal address for the debtor, for letters. */
  public ObjectNode withAddress(ObjectNode debt) {
    ObjectNode address = ((ObjectNode) debt.get("debtor")).putObject("address");
    address.put("street", "Rua Augusta");
    address.put("number", "1500");
    address.put("complement", "apto 42");
    address.put("district", "Consolação");
    address.put("city", "São Paulo");
    address.put("state", "SP");
    address.put("postalCode", "01304-001");
    return debt;
  }

  public ObjectNode payment(String paymentId, String amount, String paidAt) {
    ObjectNode body = json.createObjectNode();
    body.put("paymentId", paymentId);
    body.put("amount", amount);
    body.put("paidAt", paidAt);
    return body;
  }

  /** Posts JSON; a provider's webhook is signed as that provider signs it. */
  public ResponseEntity<JsonNode> post(String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String text = body instanceof String raw ? raw : json.valueToTree(body).toString();
    if (path.startsWith(WEBHOOKS)) {
      signWebhook(path.substring(WEBHOOKS.length()).replaceAll("\\?.*", ""), text, headers);
    }
    return http.postForEntity(path, new HttpEntity<>(text, headers), JsonNode.class);
  }

  private static final String WEBHOOKS = "/api/webhooks/";

  /** The signature headers {@code provider}'s webhook carries for the body, signed now. */
  public static void signWebhook(String provider, String body, HttpHeaders headers) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    switch (provider) {
      case "whatsapp" ->
          headers.set(
              WebhookSignatures.META_SIGNATURE,
              WebhookSignatures.signMeta(TestCredentials.WHATSAPP_APP_SECRET, bytes));
      case "sms", "email" -> {
        long now = Instant.now().getEpochSecond();
        String secret =
            provider.equals("sms")
                ? TestCredentials.SMS_WEBHOOK_SECRET
                : TestCredentials.EMAIL_WEBHOOK_SECRET;
        headers.set(WebhookSignatures.TIMESTAMP, Long.toString(now));
        headers.set(WebhookSignatures.SIGNATURE, WebhookSignatures.sign(secret, now, bytes));
      }
      case "pix/pix" ->
          headers.set(WebhookSignatures.SHARED_SECRET, TestCredentials.PIX_WEBHOOK_SECRET);
      default -> throw new IllegalArgumentException("no webhook " + provider);
    }
  }

  /** Each row's HTTP status in an answer of {@code POST /api/debts:batch}, in the rows' order. */
  public static List<Integer> batchStatuses(JsonNode answer) {
    List<Integer> statuses = new ArrayList<>();
    answer.get("rows").forEach(row -> statuses.add(row.get("status").asInt()));
    return statuses;
  }

  public ResponseEntity<JsonNode> get(String path) {
    return http.getForEntity(path, JsonNode.class);
  }

  // Reading a debt back: GET /api/debts/{debtId}.

  public String status(String debtId) {
    return get("/api/debts/" + debtId).getBody().get("status").asText();
  }

  /** The types of the debt's timeline entries, oldest first. */
  public List<String> timelineTypes(String debtId) {
    return timeline(debtId).stream().map(entry -> entry.get("type").asText()).toList();
  }

  /** The timeline's contacts, oldest first. */
  public List<JsonNode> contacts(String debtId) {
    return timeline(debtId).stream()
        .filter(entry -> entry.get("type").asText().equals("CONTACT"))
        .toList();
  }

  /** The steps of the timeline's contacts, oldest first. */
  public List<String> contactSteps(String debtId) {
    return contacts(debtId).stream().map(contact -> contact.get("step").asText()).toList();
  }

  /** The steps of the contacts that reached the debtor (sent, or recorded without provider). */
  public List<String> deliveredSteps(String debtId) {
    return contacts(debtId).stream()
        .filter(contact -> List.of("SENT", "RECORDED").contains(contact.get("outcome").asText()))
        .map(contact -> contact.get("step").asText())
        .toList();
  }

  /**
   * The process instance key of the debt's journey, from its latest JOURNEY_STARTED entry (a lost
   * journey is started again).
   */
  public long journeyKey(String debtId) {
    return timeline(debtId).stream()
        .filter(entry -> entry.get("type").asText().equals("JOURNEY_STARTED"))
        .map(entry -> Long.parseLong(entry.get("detail").asText().replaceAll("\\D", "")))
        .reduce((first, later) -> later)
        .orElseThrow();
  }

  private List<JsonNode> timeline(String debtId) {
    List<JsonNode> entries = new java.util.ArrayList<>();
    get("/api/debts/" + debtId).getBody().get("timeline").forEach(entries::add);
    return entries;
  }
}
