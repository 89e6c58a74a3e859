package br.com.regua.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.charge.boleto.Boleto;
import br.com.regua.charge.pix.Txid;
import br.com.regua.payment.pix.ApiPixContract;
import br.com.regua.security.WebhookSignatures;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The PSP's Pix notifications ({@code POST /api/webhooks/pix/pix}, API Pix callback {@code
 * listaPix}): authenticated, stored first, idempotent by endToEndId, applied to the debt the txid
 * names through the real engine, unknown txids to the unidentified queue, excess to a refund.
 */
class PixWebhookTest extends IntegrationTest {

  static final String WEBHOOK = "/api/webhooks/pix/pix";
  private static final String FREE_FIELD = "0500940144816060680935031";

  @Autowired JdbcClient jdbc;

  /**
   * A notification as the PSP sends it, checked against the API Pix's own schema first. Except a
   * txid shorter than 26 characters (a static BR Code's): the document's {@code Pix.txid} is {@code
   * allOf} the cobv's {@code TxId} (26-35) and {@code [a-zA-Z0-9]{1,35}}, meant as an override but
   * in JSON Schema both apply; see PixContractTest.
   */
  static String notification(String endToEndId, String txid, String valor) {
    String body = notificationUnchecked(endToEndId, txid, valor);
    if (txid.length() >= 26) {
      assertThat(ApiPixContract.checkPixNotification(body)).as(body).isEmpty();
    }
    return body;
  }

  static String notificationUnchecked(String endToEndId, String txid, String valor) {
    return """
        {"pix":[{"endToEndId":"%s","txid":"%s","valor":"%s",
          "chave":"123e4567-e12b-12d1-a456-426655440000",
          "horario":"2026-12-07T15:30:00.358Z","infoPagador":"pagamento da fatura"}]}
        """
        .formatted(endToEndId, txid, valor);
  }

  private String register(String prefix, String amount, boolean withBoleto) {
    String debtId = TestDebtors.uniqueId(prefix);
    LocalDate dueDate = today().plusDays(20);
    ObjectNode body = api.debt(debtId, amount, dueDate);
    if (withBoleto) {
      long cents = Long.parseLong(amount.replace(".", ""));
      body.putObject("boleto")
          .put("barcode", Boleto.build("001", dueDate, cents, FREE_FIELD).barcode());
    }
    assertThat(api.post("/api/debts", body).getStatusCode().value()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> api.timelineTypes(debtId).contains("JOURNEY_STARTED"));
    return debtId;
  }

  private JsonNode debt(String debtId) {
    return api.get("/api/debts/" + debtId).getBody();
  }

  private long count(String sql, Object param) {
    return jdbc.sql(sql).param(param).query(Long.class).single();
  }

  @Test
  void aPixOfTheWholeBalanceEndsTheJourneyOnceAndRecordsTheBoletosWriteOff() {
    // given a debt of 150.00 with a boleto, its journey running
    String debtId = register("pix-full", "150.00", true);
    String e2e = endToEndId();
    String body = notification(e2e, Txid.forDebt(debtId), "150.00");

    // when the PSP notifies a Pix of 150.00 to the debt's cobv txid, twice
    ResponseEntity<JsonNode> first = api.post(WEBHOOK, body);
    ResponseEntity<JsonNode> again = api.post(WEBHOOK, body);

    // then it was applied once: the debt is PAID, its journey ended, the repeat changed nothing
    assertThat(first.getStatusCode().value()).isEqualTo(200);
    assertThat(first.getBody().at("/pix/0/outcome").asText()).isEqualTo("APPLIED");
    assertThat(first.getBody().at("/pix/0/debtId").asText()).isEqualTo(debtId);
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getBody().at("/pix/0/outcome").asText()).isEqualTo("DUPLICATE");
    assertThat(debt(debtId).get("status").asText()).isEqualTo("PAID");
    assertThat(debt(debtId).get("openBalance").asText()).isEqualTo("0.00");
    await().atMost(Duration.ofSeconds(20)).until(() -> journeyEnded(debtId));
    assertThat(count("select count(*) from payment where debt_id = ?", debtId)).isEqualTo(1);
    assertThat(
            jdbc.sql("select payment_id, amount_cents from payment where debt_id = ?")
                .param(debtId)
                .query((rs, n) -> rs.getString(1) + " " + rs.getLong(2))
                .single())
        .isEqualTo("pix-" + e2e + " 15000");
    assertThat(
            jdbc.sql("select body ->> 'infoPagador' from pix_received where end_to_end_id = ?")
                .param(e2e)
                .query(String.class)
                .single())
        .isEqualTo("pagamento da fatura");

    // and the boleto is to be written off at the bank; the cobv that was paid is not removed
    JsonNode cancellations = api.get("/api/instrument-cancellations?debtId=" + debtId).getBody();
    assertThat(cancellations).hasSize(1);
    assertThat(cancellations.get(0).get("instrument").asText()).isEqualTo("BOLETO");
    assertThat(cancellations.get(0).get("instruction").asText()).contains("pedido de baixa");
    assertThat(cancellations.get(0).get("paidBy").asText()).isEqualTo("pix-" + e2e);
    assertThat(api.timelineTypes(debtId)).contains("INSTRUMENTS_CANCELLATION_RECORDED");
  }

  @Test
  void withoutAPspThereIsNoCobvAndAPaidDebtHasNothingToCancel() {
    // given a debt without boleto, and no PSP (the static BR Code is its Pix)
    String debtId = register("pix-no-psp", "80.00", false);

    // when its static BR Code is paid in full
    api.post(WEBHOOK, notification(endToEndId(), Txid.staticReference(debtId), "80.00"));

    // then it is paid, and no cobv removal is recorded for a cobv that never existed
    assertThat(debt(debtId).get("status").asText()).isEqualTo("PAID");
    assertThat(api.get("/api/instrument-cancellations?debtId=" + debtId).getBody()).isEmpty();
    assertThat(api.timelineTypes(debtId)).doesNotContain("INSTRUMENTS_CANCELLATION_RECORDED");
  }

  @Test
  void aStaticBrCodesPixPaysPartOfTheBalanceAndTheCobvIsRemovedOnceTheRestIsPaid() {
    // given a debt of 300.00, no boleto, and its cobv at the PSP (the tests configure no PSP: its
    // charge as the sync records one)
    String debtId = register("pix-partial", "300.00", false);
    jdbc.sql(
            """
            insert into pix_charge (txid, debt_id, amount_cents, status, revision, updated_at)
            values (:txid, :debtId, 30000, 'ATIVA', 0, now())
            """)
        .param("txid", Txid.forDebt(debtId))
        .param("debtId", debtId)
        .update();

    // when 100.00 arrives by the static BR Code's 25-character txid
    ResponseEntity<JsonNode> partial =
        api.post(WEBHOOK, notification(endToEndId(), Txid.staticReference(debtId), "100.00"));

    // then the balance is 200.00 and the journey goes on
    assertThat(partial.getBody().at("/pix/0/outcome").asText()).isEqualTo("APPLIED");
    assertThat(debt(debtId).get("openBalance").asText()).isEqualTo("200.00");
    assertThat(debt(debtId).get("status").asText()).isNotEqualTo("PAID");

    // when the other 200.00 arrive the same way
    String last = endToEndId();
    api.post(WEBHOOK, notification(last, Txid.staticReference(debtId), "200.00"));

    // then the debt is paid and its cobv (never paid itself) is to be removed at the PSP
    assertThat(debt(debtId).get("status").asText()).isEqualTo("PAID");
    await().atMost(Duration.ofSeconds(20)).until(() -> journeyEnded(debtId));
    JsonNode cancellations = api.get("/api/instrument-cancellations?debtId=" + debtId).getBody();
    assertThat(cancellations).hasSize(1);
    assertThat(cancellations.get(0).get("instrument").asText()).isEqualTo("COBV");
    assertThat(cancellations.get(0).get("reference").asText()).isEqualTo(Txid.forDebt(debtId));
    assertThat(cancellations.get(0).get("instruction").asText())
        .isEqualTo("PATCH /cobv/{txid} status REMOVIDA_PELO_USUARIO_RECEBEDOR");
  }

  @Test
  void anOverpaymentIsAppliedAndItsExcessProposedForRefundAsIsAPixToAPaidDebt() {
    // given a debt of 80.00
    String debtId = register("pix-over", "80.00", false);
    String e2e = endToEndId();

    // when 100.00 is paid
    JsonNode over = api.post(WEBHOOK, notification(e2e, Txid.forDebt(debtId), "100.00")).getBody();

    // then the debt is paid and 20.00 proposed for refund, under the API Pix's devolução id
    assertThat(over.at("/pix/0/outcome").asText()).isEqualTo("REFUND_PROPOSED");
    assertThat(debt(debtId).get("status").asText()).isEqualTo("PAID");
    JsonNode refund = refundOf("pix-" + e2e);
    assertThat(refund.get("amount").asText()).isEqualTo("20.00");
    assertThat(refund.get("refundId").asText()).isEqualTo("D" + e2e).matches("[a-zA-Z0-9]{1,35}");
    assertThat(refund.get("endToEndId").asText()).isEqualTo(e2e);
    assertThat(refund.get("reason").asText()).contains("acima do saldo").contains("80,00");
    assertThat(api.timelineTypes(debtId)).contains("REFUND_PROPOSED");

    // when the debtor pays 80.00 again to the paid debt
    String again = endToEndId();
    api.post(WEBHOOK, notification(again, Txid.forDebt(debtId), "80.00"));

    // then the whole of it is proposed for refund, and a supervisor approves it
    assertThat(refundOf("pix-" + again).get("amount").asText()).isEqualTo("80.00");
    assertThat(refundOf("pix-" + again).get("reason").asText()).contains("já paga");
    ResponseEntity<JsonNode> approved =
        api.post("/api/refunds/D" + again + "/decision", java.util.Map.of("approve", true));
    assertThat(approved.getStatusCode().value()).isEqualTo(200);
    assertThat(approved.getBody().get("status").asText()).isEqualTo("APPROVED");
    assertThat(approved.getBody().get("decidedBy").asText()).isEqualTo("test-suite");
  }

  private JsonNode refundOf(String paymentId) {
    for (String status : List.of("PROPOSED", "APPROVED")) {
      for (JsonNode refund : api.get("/api/refunds?status=" + status).getBody()) {
        if (refund.get("paymentId").asText().equals(paymentId)) {
          return refund;
        }
      }
    }
    throw new AssertionError("no refund of " + paymentId);
  }

  @Test
  void aPixOfAnUnknownTxidWaitsForASupervisorWhoAssignsItToItsDebt() {
    // given a Pix whose txid names no debt
    String e2e = endToEndId();
    String unknown = "unknowntxid" + Long.toString(System.nanoTime(), 36);

    // when the PSP notifies it
    JsonNode answer = api.post(WEBHOOK, notification(e2e, unknown, "45.00")).getBody();

    // then it waits in the unidentified queue
    assertThat(answer.at("/pix/0/outcome").asText()).isEqualTo("UNMATCHED");
    JsonNode waiting = unidentified("pix-" + e2e);
    assertThat(waiting.get("reference").asText()).isEqualTo(unknown);
    assertThat(waiting.get("amount").asText()).isEqualTo("45.00");

    // when a supervisor assigns it to the debt it paid
    String debtId = register("pix-assigned", "45.00", false);
    ResponseEntity<JsonNode> assigned =
        api.post(
            "/api/payments/unidentified/" + waiting.get("id").asLong() + "/assignment",
            java.util.Map.of("debtId", debtId));

    // then it is applied to that debt, and no longer waits
    assertThat(assigned.getStatusCode().value()).isEqualTo(200);
    assertThat(assigned.getBody().get("outcome").asText()).isEqualTo("APPLIED");
    assertThat(debt(debtId).get("status").asText()).isEqualTo("PAID");
    assertThat(api.get("/api/payments/unidentified").getBody().findValuesAsText("paymentId"))
        .doesNotContain("pix-" + e2e);
  }

  private JsonNode unidentified(String paymentId) {
    for (JsonNode payment : api.get("/api/payments/unidentified").getBody()) {
      if (payment.get("paymentId").asText().equals(paymentId)) {
        return payment;
      }
    }
    throw new AssertionError("no unidentified payment " + paymentId);
  }

  @Test
  void aNotificationWithoutTheSecretIsRefusedAndStoresNothing() {
    String e2e = endToEndId();
    for (String secret : new String[] {null, "wrong-secret"}) {
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.APPLICATION_JSON);
      if (secret != null) {
        headers.set(WebhookSignatures.SHARED_SECRET, secret);
      }
      ResponseEntity<JsonNode> answer =
          http.postForEntity(
              WEBHOOK, new HttpEntity<>(notification(e2e, "abc", "1.00"), headers), JsonNode.class);
      assertThat(answer.getStatusCode().value()).isEqualTo(401);
      assertThat(answer.getHeaders().getContentType().toString())
          .isEqualTo("application/problem+json");
    }
    assertThat(count("select count(*) from pix_received where end_to_end_id = ?", e2e)).isZero();
  }

  @Test
  void aMalformedPixIsA400NamingItsField() {
    String e2e = endToEndId();
    String twoPix =
        """
        {"pix":[{"endToEndId":"%s","txid":"abc","valor":"1.00","horario":"2026-12-07T15:30:00Z"},
                {"endToEndId":"%s","txid":"abc","valor":"1,00","horario":"2026-12-07T15:30:00Z"}]}
        """
            .formatted(e2e, endToEndId());
    ResponseEntity<JsonNode> answer = api.post(WEBHOOK, twoPix);
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody().at("/errors/0/field").asText()).isEqualTo("pix[1].valor");
    // nothing of a refused notification is stored, not even its good Pix
    assertThat(count("select count(*) from pix_received where end_to_end_id = ?", e2e)).isZero();

    ResponseEntity<JsonNode> noArray = api.post(WEBHOOK, "{\"pix\":{}}");
    assertThat(noArray.getBody().at("/errors/0/field").asText()).isEqualTo("pix");
    ResponseEntity<JsonNode> badE2e =
        api.post(WEBHOOK, notificationUnchecked("E123", "abc", "1.00".toLowerCase(Locale.ROOT)));
    assertThat(badE2e.getBody().at("/errors/0/field").asText()).isEqualTo("pix[0].endToEndId");
  }
}
