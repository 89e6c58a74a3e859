package br.com.regua.devkit.providers;

import br.com.regua.charge.pix.PixPayload;
import br.com.regua.devkit.engine.EmbeddedEngine;
import br.com.regua.security.Credentials;
import br.com.regua.security.WebhookSignatures;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * A PSP for the local run: the part of the API Pix the service uses (token, {@code PUT}/{@code
 * PATCH /cobv/{txid}}, {@code GET /pix}), over plain HTTP and without checking credentials, plus
 * {@code POST /api/dev/psp/cobv/{txid}/payments}, "the debtor pays": the Pix is recorded and
 * notified to the service's webhook with the development secret, as a PSP would. Its charges live
 * in memory (a restart forgets them; the service creates them again). Tests use WireMock over
 * mutual TLS instead.
 */
@RestController
@RequestMapping("/api/dev/psp")
@ConditionalOnBean(EmbeddedEngine.class)
@ConditionalOnProperty(name = "regua.dev-psp.enabled", havingValue = "true")
class DevPixPsp {

  private static final DateTimeFormatter E2E_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);

  private final Map<String, Map<String, Object>> cobvs = new ConcurrentHashMap<>();
  private final List<Map<String, Object>> received = new ArrayList<>();
  private final Environment env;
  private final String webhookSecret;

  DevPixPsp(
      Environment env,
      @Value("${regua.dev-psp.webhook-secret:" + Credentials.DEV_WEBHOOK_SECRET + "}")
          String webhookSecret) {
    this.env = env;
    this.webhookSecret = webhookSecret;
  }

  @PostMapping("/oauth/token")
  Map<String, Object> token() {
    return Map.of("access_token", "dev-psp-token", "token_type", "Bearer", "expires_in", 3600);
  }

  @PutMapping("/cobv/{txid}")
  Map<String, Object> create(@PathVariable String txid, @RequestBody JsonNode request) {
    Map<String, Object> cobv = new LinkedHashMap<>();
    cobv.put("txid", txid);
    cobv.put("revisao", 0);
    cobv.put("status", "ATIVA");
    cobv.put("chave", request.path("chave").asText());
    cobv.put("valor", Map.of("original", request.at("/valor/original").asText()));
    cobv.put("pixCopiaECola", copyAndPaste(txid, cobv));
    cobvs.put(txid, cobv);
    return cobv;
  }

  @PatchMapping("/cobv/{txid}")
  ResponseEntity<Map<String, Object>> revise(
      @PathVariable String txid, @RequestBody JsonNode request) {
    Map<String, Object> cobv = cobvs.get(txid);
    if (cobv == null) {
      return ResponseEntity.notFound().build();
    }
    if (request.has("status")) {
      cobv.put("status", request.get("status").asText());
    }
    if (request.at("/valor/original").isTextual()) {
      cobv.put("valor", Map.of("original", request.at("/valor/original").asText()));
      cobv.put("pixCopiaECola", copyAndPaste(txid, cobv));
    }
    cobv.put("revisao", (Integer) cobv.get("revisao") + 1);
    return ResponseEntity.ok(cobv);
  }

  @GetMapping("/cobv/{txid}")
  ResponseEntity<Map<String, Object>> read(@PathVariable String txid) {
    Map<String, Object> cobv = cobvs.get(txid);
    return cobv == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(cobv);
  }

  /** Every Pix received, on one page (the window is not applied: a development run is short). */
  @GetMapping("/pix")
  synchronized Map<String, Object> pix(@RequestParam String inicio, @RequestParam String fim) {
    return Map.of(
        "parametros",
        Map.of(
            "inicio", inicio,
            "fim", fim,
            "paginacao",
                Map.of(
                    "paginaAtual", 0,
                    "itensPorPagina", 1000,
                    "quantidadeDePaginas", 1,
                    "quantidadeTotalDeItens", received.size())),
        "pix",
        List.copyOf(received));
  }

  record Payment(String valor) {}

  /**
   * The debtor pays the cobv ({@code valor} or, without one, the whole of it): the Pix is recorded
   * and the service's webhook is called with it. The answer is the Pix and what the service said.
   */
  @PostMapping("/cobv/{txid}/payments")
  ResponseEntity<Map<String, Object>> pay(
      @PathVariable String txid, @RequestBody(required = false) Payment payment) {
    Map<String, Object> cobv = cobvs.get(txid);
    if (cobv == null || !"ATIVA".equals(cobv.get("status"))) {
      return ResponseEntity.notFound().build();
    }
    String original = ((Map<?, ?>) cobv.get("valor")).get("original").toString();
    String valor = payment == null || payment.valor() == null ? original : payment.valor();
    Instant now = Instant.now();
    Map<String, Object> pix = new LinkedHashMap<>();
    pix.put("endToEndId", endToEndId(now));
    pix.put("txid", txid);
    pix.put("valor", valor);
    pix.put("chave", cobv.get("chave"));
    pix.put("horario", now.toString());
    synchronized (this) {
      received.add(pix);
    }
    if (new BigDecimal(valor).compareTo(new BigDecimal(original)) >= 0) {
      cobv.put("status", "CONCLUIDA");
    }
    return ResponseEntity.ok(Map.of("pix", pix, "webhook", notify(pix)));
  }

  record BrCodePayment(String pixCopiaECola, String valor) {}

  /**
   * The debtor pays a BR Code as a banking app would, whichever it is (a debt's static one, an
   * agreement installment's, this PSP's cobv): its txid (field 62-05) and amount (field 54), or
   * {@code valor} for a code without one, make the Pix, which is recorded and sent to the service's
   * webhook. Lets {@code bin/run} pay what a message or the portal shows, with no PSP configured
   * and no call to the payments API.
   */
  @PostMapping("/brcode-payments")
  ResponseEntity<Map<String, Object>> payBrCode(@RequestBody BrCodePayment payment) {
    Map<String, String> fields =
        emv(payment == null || payment.pixCopiaECola() == null ? "" : payment.pixCopiaECola());
    String txid = emv(fields.getOrDefault("62", "")).get("05");
    String valor = payment.valor() != null ? payment.valor() : fields.get("54");
    if (txid == null || valor == null) {
      return ResponseEntity.unprocessableEntity()
          .body(
              Map.of("error", "pixCopiaECola: not a BR Code with a txid and an amount (or valor)"));
    }
    Instant now = Instant.now();
    Map<String, Object> pix = new LinkedHashMap<>();
    pix.put("endToEndId", endToEndId(now));
    pix.put("txid", txid);
    pix.put("valor", valor);
    pix.put("horario", now.toString());
    synchronized (this) {
      received.add(pix);
    }
    return ResponseEntity.ok(Map.of("pix", pix, "webhook", notify(pix)));
  }

  /** The EMV fields of a BR Code (or of one of its templates): two-digit id, length, value. */
  private static Map<String, String> emv(String code) {
    Map<String, String> fields = new LinkedHashMap<>();
    int at = 0;
    try {
      while (at + 4 <= code.length()) {
        String id = code.substring(at, at + 2);
        int length = Integer.parseInt(code.substring(at + 2, at + 4));
        fields.put(id, code.substring(at + 4, at + 4 + length));
        at += 4 + length;
      }
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      return Map.of();
    }
    return fields;
  }

  private JsonNode notify(Map<String, Object> pix) {
    return RestClient.create()
        .post()
        .uri("http://localhost:" + port() + "/api/webhooks/pix/pix")
        .header(WebhookSignatures.SHARED_SECRET, webhookSecret)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("pix", List.of(pix)))
        .retrieve()
        .body(JsonNode.class);
  }

  private String copyAndPaste(String txid, Map<String, Object> cobv) {
    long cents =
        new BigDecimal(((Map<?, ?>) cobv.get("valor")).get("original").toString())
            .movePointRight(2)
            .longValueExact();
    String key = cobv.get("chave").toString();
    // a development stand-in for the PSP's dynamic BR Code: static, with the txid's 25 first
    return new PixPayload(
            key.isBlank() ? "dev-psp" : key,
            null,
            "Regua Dev PSP",
            "SAO PAULO",
            cents,
            txid.substring(0, Math.min(25, txid.length())))
        .payload();
  }

  private static String endToEndId(Instant at) {
    String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    StringBuilder id = new StringBuilder("E99999999").append(E2E_TIME.format(at));
    while (id.length() < 32) {
      id.append(chars.charAt(ThreadLocalRandom.current().nextInt(chars.length())));
    }
    return id.toString();
  }

  private String port() {
    return env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
  }
}
