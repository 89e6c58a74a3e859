package br.com.regua.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.support.EngineRecords;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The journey as a user lives it: register through the API, move the engine clock through the dev
 * endpoint, read the emails that reached the SMTP server, pay, and read the debt back.
 */
class DunningJourneyEndToEndTest extends IntegrationTest {

  private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
  private static final Duration AWAIT = Duration.ofSeconds(20);

  @Test
  void anUnpaidDebtGetsEveryReminderByEmailThenEndsUnresolved() throws Exception {
    // given a debt due in ten days
    LocalDate dueDate = today().plusDays(10);
    String debtId = TestDebtors.uniqueId("e2e-unpaid");
    String email = register(debtId, "1234.56", dueDate);

    // when the clock walks through the régua
    int[] reminderDays = {-3, 0, 3, 7, 15};
    for (int i = 0; i < reminderDays.length; i++) {
      moveClockTo(at(dueDate.plusDays(reminderDays[i]), 9, 1));
      int expected = i + 1;
      await().atMost(AWAIT).until(() -> mailsTo(email).size() == expected);
    }

    // then five emails, each with the amount, the due date and the payment link
    List<MimeMessage> mails = mailsTo(email);
    assertThat(mails).hasSize(5);
    assertThat(mails.getFirst().getSubject()).contains("vence em");
    assertThat(mails.get(1).getSubject()).contains("vence hoje");
    for (MimeMessage mail : mails) {
      String body = body(mail);
      assertThat(body)
          .contains("R$ 1.234,56")
          .contains(dueDate.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")))
          .containsPattern("https://pagar\\.example\\.test/p/[0-9a-f-]{36}");
    }
    await().atMost(AWAIT).until(() -> status(debtId).equals("UNRESOLVED"));
    JsonNode debt = api.get("/api/debts/" + debtId).getBody();
    List<JsonNode> contacts =
        debt.get("timeline").findParents("type").stream()
            .filter(entry -> entry.get("type").asText().equals("CONTACT"))
            .toList();
    assertThat(contacts)
        .extracting(c -> c.get("step").asText())
        .containsExactly("D-3", "D0", "D+3", "D+7", "D+15");
    assertThat(contacts).allSatisfy(c -> assertThat(c.get("channel").asText()).isEqualTo("EMAIL"));
    assertThat(contacts).allSatisfy(c -> assertThat(c.get("outcome").asText()).isEqualTo("SENT"));
    assertThat(debt.get("timeline").findValuesAsText("type")).last().isEqualTo("UNRESOLVED");
  }

  @Test
  void aFullPaymentStopsTheJourneyAndNoReminderFollows() throws Exception {
    // given a debt that got its D-3 reminder
    LocalDate dueDate = today().plusDays(10);
    String debtId = TestDebtors.uniqueId("e2e-paid");
    String email = register(debtId, "500.00", dueDate);
    moveClockTo(at(dueDate.minusDays(3), 9, 1));
    await().atMost(AWAIT).until(() -> mailsTo(email).size() == 1);

    // when it is paid in full
    ResponseEntity<JsonNode> paid =
        api.post(
            "/api/debts/" + debtId + "/payments",
            api.payment("pix-" + debtId, "500.00", Instant.now().toString()));

    // then it is PAID at once and the journey ends
    assertThat(paid.getStatusCode().value()).isEqualTo(201);
    assertThat(paid.getBody().get("status").asText()).isEqualTo("PAID");
    assertThat(status(debtId)).isEqualTo("PAID");
    long journey = journeyKey(debtId);
    await().atMost(AWAIT).until(() -> journeyEnded(journey));

    // and no reminder ever follows, however far the clock moves
    moveClockTo(at(dueDate.plusDays(60), 12, 0));
    engine.awaitIdle(Duration.ofSeconds(2));
    assertThat(mailsTo(email)).hasSize(1);
    assertThat(api.get("/api/debts/" + debtId).getBody().get("timeline").findValuesAsText("type"))
        .containsSubsequence("REGISTERED", "CONTACT", "PAYMENT_RECEIVED", "PAID")
        .doesNotContain("UNRESOLVED");
  }

  @Test
  void aPartialPaymentLowersTheBalanceAndTheNextReminderAsksForTheRest() throws Exception {
    // given a debt of 300.00 due in ten days
    LocalDate dueDate = today().plusDays(10);
    String debtId = TestDebtors.uniqueId("e2e-partial");
    String email = register(debtId, "300.00", dueDate);

    // when 100.00 is paid before the first reminder
    ResponseEntity<JsonNode> partial =
        api.post(
            "/api/debts/" + debtId + "/payments",
            api.payment("boleto-" + debtId, "100.00", Instant.now().toString()));
    moveClockTo(at(dueDate.minusDays(3), 9, 1));
    await().atMost(AWAIT).until(() -> mailsTo(email).size() == 1);

    // then the debt stays active and the reminder asks for the 200.00 left
    assertThat(partial.getBody().get("openBalance").asText()).isEqualTo("200.00");
    assertThat(status(debtId)).isEqualTo("ACTIVE");
    assertThat(body(mailsTo(email).getFirst())).contains("R$ 200,00");
  }

  @Test
  void theDevClockReadsAndMovesTheEngineClock() {
    Instant before = Instant.parse(api.get("/api/dev/clock").getBody().get("now").asText());

    ResponseEntity<JsonNode> moved = api.post("/api/dev/clock", Map.of("advance", "PT1H"));

    Instant after = Instant.parse(moved.getBody().get("now").asText());
    assertThat(Duration.between(before, after))
        .isBetween(Duration.ofHours(1), Duration.ofHours(1).plusMinutes(1));
    assertThat(engine.now()).isAfterOrEqualTo(after);
    assertThat(api.post("/api/dev/clock", Map.of("advance", "-PT1H")).getStatusCode().value())
        .isEqualTo(400);
    assertThat(api.post("/api/dev/clock", Map.of("advance", "three days")).getStatusCode().value())
        .isEqualTo(400);
  }

  private String register(String debtId, String amount, LocalDate dueDate) {
    var body = api.debt(debtId, amount, dueDate);
    assertThat(api.post("/api/debts", body).getStatusCode().value()).isEqualTo(201);
    return body.get("debtor").get("email").asText();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(engine.now(), SAO_PAULO);
  }

  private static Instant at(LocalDate date, int hour, int minute) {
    return date.atTime(LocalTime.of(hour, minute)).atZone(SAO_PAULO).toInstant();
  }

  private void moveClockTo(Instant target) {
    Duration gap = Duration.between(engine.now(), target);
    if (!gap.isNegative()) {
      ResponseEntity<JsonNode> response =
          api.post("/api/dev/clock", Map.of("advance", gap.toString()));
      assertThat(response.getStatusCode().value()).isEqualTo(200);
    }
  }

  private String status(String debtId) {
    return api.get("/api/debts/" + debtId).getBody().get("status").asText();
  }

  private long journeyKey(String debtId) {
    return api.get("/api/debts/" + debtId).getBody().get("timeline").findParents("type").stream()
        .filter(e -> e.get("type").asText().equals("JOURNEY_STARTED"))
        .map(e -> Long.parseLong(e.get("detail").asText().replaceAll("\\D", "")))
        .findFirst()
        .orElseThrow();
  }

  private boolean journeyEnded(long processInstanceKey) {
    return new EngineRecords(engine).isCompleted(processInstanceKey);
  }

  private static List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(SMTP.getReceivedMessages())
        .filter(m -> recipients(m).contains(address))
        .toList();
  }

  private static String recipients(MimeMessage message) {
    try {
      return Arrays.toString(message.getRecipients(Message.RecipientType.TO));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String body(MimeMessage message) throws Exception {
    return message.getContent().toString();
  }
}
