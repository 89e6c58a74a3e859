package br.com.regua.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.support.Api;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Thousands of malformed requests against every endpoint that writes: each is a valid body with one
 * part broken (a field removed, null, of the wrong type, huge, an invalid CPF, 2026-02-30, a
 * negative or over-precise amount, …) or a body that is not JSON at all. None may answer 5xx, every
 * refusal is problem+json, and a refused request stores nothing under its id. The seed and the
 * outcomes (endpoint and status, counted) are printed.
 */
class MalformedInputFuzzTest extends IntegrationTest {

  private static final int CASES_PER_ENDPOINT = 300;

  /**
   * Fixed so that CI is repeatable; explore with {@code -Dregua.fuzz.seed=$RANDOM} (seeds tried so
   * far are listed in the issue notes).
   */
  private static final long DEFAULT_SEED = 20261123L;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Autowired JdbcClient jdbc;

  private String debtId;
  private String document;
  private final Map<String, Integer> outcomes = new TreeMap<>();

  /** One endpoint: its path, a valid body with a fresh id, and the row that id would create. */
  private record Endpoint(
      String name, String path, Function<String, ObjectNode> body, String idField, String table) {}

  private void registerADebtToWriteTo() {
    debtId = TestDebtors.uniqueId("fuzz");
    ObjectNode debt = api.debt(debtId, "800.00", today().plusDays(40));
    document = debt.get("debtor").get("document").asText();
    assertThat(api.post("/api/debts", debt).getStatusCode().value()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> api.timelineTypes(debtId).contains("STRATEGY_DECIDED"));
  }

  @Test
  void noMalformedRequestCausesAServerErrorOrAPartialWrite() {
    registerADebtToWriteTo();
    long seed = Long.getLong("regua.fuzz.seed", DEFAULT_SEED);
    System.out.println("MalformedInputFuzzTest seed " + seed);
    Random random = new Random(seed);
    int tried = 0;
    for (Endpoint endpoint : endpoints()) {
      for (int i = 0; i < CASES_PER_ENDPOINT; i++) {
        String id = TestDebtors.uniqueId("fz");
        ObjectNode valid = endpoint.body().apply(id);
        String body = malformed(valid, random);
        ResponseEntity<String> response = post(endpoint.path(), body, random.nextInt(20) == 0);
        int status = response.getStatusCode().value();
        String what = endpoint.name() + " <- " + abbreviate(body) + " (seed " + seed + ")";
        assertThat(status).as(what).isLessThan(500);
        outcomes.merge(endpoint.name() + " " + status, 1, Integer::sum);
        if (status >= 400) {
          assertThat(response.getHeaders().getContentType())
              .as(what)
              .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
          if (endpoint.table() != null) {
            assertThat(rows(endpoint.table(), endpoint.idField(), id)).as(what).isZero();
          }
        }
        tried++;
      }
    }
    System.out.println("MalformedInputFuzzTest: " + tried + " requests, outcomes " + outcomes);
    assertThat(tried).isEqualTo(endpoints().size() * CASES_PER_ENDPOINT);
  }

  private List<Endpoint> endpoints() {
    String debts = "/api/debts/" + debtId;
    return List.of(
        new Endpoint(
            "register",
            "/api/debts",
            id -> api.debt(id, "123.45", today().plusDays(30)),
            "debt_id",
            "debt"),
        new Endpoint(
            "payment",
            debts + "/payments",
            id -> api.payment(id, "1.00", "2026-11-20T10:00:00-03:00"),
            "payment_id",
            "payment"),
        new Endpoint(
            "promise",
            debts + "/promises",
            id -> object(Map.of("promiseId", id, "promisedDate", today().plusDays(3).toString())),
            "promise_id",
            "promise"),
        new Endpoint(
            "dispute",
            debts + "/disputes",
            id -> object(Map.of("disputeId", id, "reason", "Não reconheço a compra")),
            "dispute_id",
            "dispute"),
        new Endpoint(
            "resolution",
            debts + "/disputes/unknown/resolution",
            id -> object(Map.of("resolution", "RESUME", "notes", "ok " + id)),
            null,
            null),
        new Endpoint(
            "email-opened",
            "/api/events/email-opened",
            id ->
                object(Map.of("eventId", id, "debtId", debtId, "openedAt", "2026-11-20T10:00:00Z")),
            "event_id",
            "engagement_event"),
        new Endpoint(
            "portal-visit",
            "/api/events/portal-visits",
            id ->
                object(
                    Map.of(
                        "eventId",
                        id,
                        "debtId",
                        debtId,
                        "visitedAt",
                        "2026-11-20T10:00:00Z",
                        "downloadedBoleto",
                        false,
                        "startedRenegotiation",
                        false)),
            "event_id",
            "engagement_event"),
        new Endpoint(
            "opt-out",
            "/api/debtors/" + document + "/opt-outs",
            id -> object(Map.of("channel", "SMS")),
            null,
            null),
        new Endpoint(
            "task-complete",
            "/api/tasks/42/complete",
            id -> object(Map.of("assignee", "ana", "variables", Map.of("callOutcome", "WILL_PAY"))),
            null,
            null),
        new Endpoint(
            "sms-webhook",
            "/api/webhooks/sms",
            id -> object(Map.of("messageId", id, "status", "DELIVERED")),
            null,
            null));
  }

  /** The valid body with one thing broken, or something that is not the body at all. */
  private static String malformed(ObjectNode valid, Random random) {
    if (random.nextInt(10) == 0) {
      return pick(
          random,
          "",
          "null",
          "[]",
          "\"text\"",
          "42",
          "{",
          "{\"a\":",
          "not json at all",
          "{}",
          "[".repeat(3000) + "]".repeat(3000),
          valid.toString().substring(0, valid.toString().length() / 2));
    }
    List<String[]> paths = new ArrayList<>();
    collect(valid, new ArrayList<>(), paths);
    String[] path = paths.get(random.nextInt(paths.size()));
    ObjectNode parent = valid;
    for (int i = 0; i < path.length - 1; i++) {
      parent = (ObjectNode) parent.get(path[i]);
    }
    String field = path[path.length - 1];
    switch (random.nextInt(4)) {
      case 0 -> parent.remove(field);
      case 1 -> parent.putNull(field);
      case 2 -> parent.set(field, wrongType(random));
      default -> parent.put(field, badText(random));
    }
    return valid.toString();
  }

  private static JsonNode wrongType(Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> NODES.numberNode(42);
      case 1 -> NODES.numberNode(-1);
      case 2 -> NODES.numberNode(1e308);
      case 3 -> NODES.numberNode(new java.math.BigDecimal("12.3456789"));
      case 4 -> NODES.booleanNode(true);
      case 5 -> NODES.arrayNode().add("x");
      case 6 -> NODES.objectNode().put("nested", "x");
      default -> NODES.numberNode(Long.MAX_VALUE);
    };
  }

  private static String badText(Random random) {
    return pick(
        random,
        "",
        "   ",
        "x".repeat(100_000),
        "ü".repeat(5_000),
        "\u0000\u0001\u001f",
        "💥 emoji",
        "'; drop table debt; --",
        "2026-02-30",
        "2026-13-01",
        "2026-11-20T25:61:00Z",
        "-0.01",
        "-100.00",
        "1.001",
        "0.00",
        "99999999999999999999.99",
        "1e3",
        "NaN",
        "123.456.789-00",
        "11.111.111/1111-11",
        "+55 11 0000",
        "nobody@",
        "XX",
        "RESUMEX",
        "WHATSAPP_OR_SMS");
  }

  private static void collect(JsonNode node, List<String> prefix, List<String[]> paths) {
    node.fieldNames()
        .forEachRemaining(
            name -> {
              List<String> path = new ArrayList<>(prefix);
              path.add(name);
              paths.add(path.toArray(String[]::new));
              JsonNode child = node.get(name);
              if (child.isObject()) {
                collect(child, path, paths);
              }
            });
  }

  private ResponseEntity<String> post(String path, String body, boolean wrongContentType) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(wrongContentType ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_JSON);
    if (path.startsWith("/api/webhooks/")) {
      // signed as the provider would: the fuzz is about the body, not the signature
      Api.signWebhook(path.substring("/api/webhooks/".length()), body, headers);
    }
    return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }

  private long rows(String table, String idField, String id) {
    return jdbc.sql("select count(*) from " + table + " where " + idField + " = :id")
        .param("id", id)
        .query(Long.class)
        .single();
  }

  private static ObjectNode object(Map<String, Object> fields) {
    return JSON.valueToTree(fields);
  }

  @SafeVarargs
  private static <T> T pick(Random random, T... options) {
    return options[random.nextInt(options.length)];
  }

  private static String abbreviate(String body) {
    return body.length() <= 300 ? body : body.substring(0, 300) + "… (" + body.length() + " chars)";
  }
}
