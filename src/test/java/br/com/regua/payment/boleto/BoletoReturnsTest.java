package br.com.regua.payment.boleto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.charge.boleto.Boleto;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code POST /api/boletos/returns} with the CNAB 240 return of {@code cnab/retorno-001.ret}: three
 * liquidations pay three debts and end their journeys, one names no debt, one line is cut short, a
 * write-off confirms the boleto's cancellation, and the same file again changes nothing.
 */
class BoletoReturnsTest extends IntegrationTest {

  private static final String FREE_FIELD = "0500940144816060680935031";

  @Autowired JdbcClient jdbc;

  private void register(String debtId, String amount) {
    LocalDate dueDate = today().plusDays(20);
    ObjectNode body = api.debt(debtId, amount, dueDate);
    body.putObject("boleto")
        .put(
            "barcode",
            Boleto.build("001", dueDate, Long.parseLong(amount.replace(".", "")), FREE_FIELD)
                .barcode());
    assertThat(api.post("/api/debts", body).getStatusCode().value()).isEqualTo(201);
  }

  private ResponseEntity<JsonNode> send(byte[] file) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.TEXT_PLAIN);
    return http.postForEntity(
        "/api/boletos/returns?fileName=RET001.ret",
        new HttpEntity<>(file, headers),
        JsonNode.class);
  }

  private List<String> statuses(JsonNode report) {
    List<String> statuses = new ArrayList<>();
    report
        .get("lines")
        .forEach(l -> statuses.add(l.get("line").asInt() + " " + l.get("status").asText()));
    return statuses;
  }

  private String payments(String debtId) {
    return String.join(
        ",",
        jdbc.sql(
                "select payment_id || ' ' || amount_cents from payment where debt_id = ? order by 1")
            .param(debtId)
            .query(String.class)
            .list());
  }

  @Test
  void aReturnFilePaysThreeDebtsOnceAndTheSameFileAgainChangesNothing() throws Exception {
    // given the debts the file's titles name; CNABT-0004 already paid through the API, so its
    // boleto's write-off is pending, and CNABT-9999 never registered
    register("CNABT-0001", "150.00");
    register("CNABT-0002", "200.00");
    register("CNABT-0003", "99.90");
    register("CNABT-0004", "80.00");
    for (String id : List.of("CNABT-0001", "CNABT-0002", "CNABT-0003")) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> api.timelineTypes(id).contains("JOURNEY_STARTED"));
    }
    api.post(
        "/api/debts/CNABT-0004/payments",
        api.payment("api-CNABT-0004", "80.00", "2026-12-03T10:00:00-03:00"));
    assertThat(
            api.get("/api/instrument-cancellations?debtId=CNABT-0004")
                .getBody()
                .findValuesAsText("instrument"))
        .contains("BOLETO");
    // CNABT-0001 has a cobv at the PSP too (the tests configure no PSP: its charge as the sync
    // records one)
    jdbc.sql(
            """
            insert into pix_charge (txid, debt_id, amount_cents, status, revision, updated_at)
            values (md5('regua-pix:CNABT-0001'), 'CNABT-0001', 15000, 'ATIVA', 0, now())
            on conflict do nothing
            """)
        .update();
    byte[] file = Cnab240ReturnTest.fixture().getBytes(StandardCharsets.ISO_8859_1);

    // when the bank's return arrives
    ResponseEntity<JsonNode> first = send(file);

    // then each line's fate is reported
    assertThat(first.getStatusCode().value()).isEqualTo(200);
    assertThat(statuses(first.getBody()))
        .containsExactly(
            "3 applied",
            "5 applied",
            "7 applied",
            "9 unmatched",
            "11 written_off",
            "13 rejected",
            "14 ignored");
    JsonNode rejected = first.getBody().get("lines").get(5);
    assertThat(rejected.get("reason").asText()).isEqualTo("has 238 characters, not 240");
    assertThat(first.getBody().at("/totals/applied").asInt()).isEqualTo(3);
    assertThat(first.getBody().get("timesReceived").asInt()).isEqualTo(1);

    // and three debts are paid, at the amounts the file says, their journeys ended
    assertThat(api.status("CNABT-0001")).isEqualTo("PAID");
    assertThat(payments("CNABT-0001")).isEqualTo("cnab-001-1234567000000001 15000");
    // 204.50 paid late with 4.50 of fine and interest: no refund for what the contract charges
    assertThat(payments("CNABT-0002")).isEqualTo("cnab-001-1234567000000002 20450");
    assertThat(api.status("CNABT-0002")).isEqualTo("PAID");
    assertThat(
            jdbc.sql("select count(*) from refund where debt_id = 'CNABT-0002'")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(payments("CNABT-0003")).isEqualTo("cnab-001-1234567000000003 9990");
    for (String id : List.of("CNABT-0001", "CNABT-0002", "CNABT-0003")) {
      await().atMost(Duration.ofSeconds(20)).until(() -> journeyEnded(id));
    }
    // paid on 05/12/2026, São Paulo
    assertThat(
            jdbc.sql("select paid_at from payment where debt_id = 'CNABT-0001'")
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant())
        .isEqualTo(java.time.Instant.parse("2026-12-05T03:00:00Z"));
    // the boleto that paid is not written off again; the cobv is to be removed at the PSP
    assertThat(
            api.get("/api/instrument-cancellations?debtId=CNABT-0001")
                .getBody()
                .findValuesAsText("instrument"))
        .containsExactly("COBV");

    // and the unknown title waits for a supervisor; the write-off confirmed CNABT-0004's
    // instruction
    assertThat(api.get("/api/payments/unidentified").getBody().findValuesAsText("paymentId"))
        .contains("cnab-001-1234567000000009");
    assertThat(api.timelineTypes("CNABT-0004")).contains("BOLETO_WRITTEN_OFF");
    assertThat(
            api.get("/api/instrument-cancellations?status=DONE&debtId=CNABT-0004")
                .getBody()
                .findValuesAsText("instrument"))
        .containsExactly("BOLETO");

    // when the same file arrives again
    ResponseEntity<JsonNode> again = send(file);

    // then nothing changes: every line a duplicate, but the malformed one still rejected
    assertThat(statuses(again.getBody()))
        .containsExactly(
            "3 duplicate",
            "5 duplicate",
            "7 duplicate",
            "9 duplicate",
            "11 duplicate",
            "13 rejected",
            "14 ignored");
    assertThat(again.getBody().get("timesReceived").asInt()).isEqualTo(2);
    assertThat(payments("CNABT-0001")).isEqualTo("cnab-001-1234567000000001 15000");
    assertThat(payments("CNABT-0002")).isEqualTo("cnab-001-1234567000000002 20450");
    assertThat(
            jdbc.sql(
                    "select count(*) from unidentified_payment where payment_id like 'cnab-001-1234567%'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(api.timelineTypes("CNABT-0004").stream().filter("BOLETO_WRITTEN_OFF"::equals))
        .hasSize(1);
  }

  @Test
  void aTitleIsMatchedByTheNossoNumeroRegisteredWithTheDebtsBoleto() throws Exception {
    // given a debt whose boleto was registered with its nosso número, punctuated and without the
    // zeros the bank pads it with
    String debtId = TestDebtors.uniqueId("CNABN");
    LocalDate dueDate = today().plusDays(20);
    ObjectNode body = api.debt(debtId, "150.00", dueDate);
    body.putObject("boleto")
        .put("barcode", Boleto.build("001", dueDate, 150_00, FREE_FIELD).barcode())
        .put("ourNumber", "1234567.000000077");
    assertThat(api.post("/api/debts", body).getStatusCode().value()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> api.timelineTypes(debtId).contains("JOURNEY_STARTED"));

    // when the bank returns its liquidation naming it only by the nosso número (20 positions,
    // zero-padded), with a seu número and a title id from another system of the creditor's
    List<String> lines = new ArrayList<>(List.of(Cnab240ReturnTest.fixture().split("\r\n")));
    String t = lines.get(2);
    t = t.substring(0, 37) + "00001234567000000077" + t.substring(57);
    t = t.substring(0, 58) + "%-15s".formatted("ERP-77") + t.substring(73);
    t = t.substring(0, 105) + "%-25s".formatted("ERP-77") + t.substring(130);
    String file =
        String.join(
            "\r\n",
            lines.get(0),
            lines.get(1),
            t,
            lines.get(3),
            lines.get(lines.size() - 2),
            lines.get(lines.size() - 1));
    ResponseEntity<JsonNode> report = send(file.getBytes(StandardCharsets.ISO_8859_1));

    // then the liquidation pays that debt
    assertThat(statuses(report.getBody())).containsExactly("3 applied");
    assertThat(report.getBody().at("/lines/0/debtId").asText()).isEqualTo(debtId);
    assertThat(payments(debtId)).isEqualTo("cnab-001-00001234567000000077 15000");
    assertThat(api.status(debtId)).isEqualTo("PAID");
  }

  @Test
  void anEmptyBodyOrARemessaIsA400NamingTheFile() throws Exception {
    ResponseEntity<JsonNode> empty = send(new byte[0]);
    assertThat(empty.getStatusCode().value()).isEqualTo(400);
    assertThat(empty.getBody().at("/errors/0/field").asText()).isEqualTo("file");

    String remessa = Cnab240ReturnTest.fixture();
    remessa = remessa.substring(0, 142) + "1" + remessa.substring(143);
    ResponseEntity<JsonNode> answer = send(remessa.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody().at("/errors/0/field").asText()).isEqualTo("file");
    assertThat(answer.getBody().at("/errors/0/message").asText()).contains("remessa");
  }
}
