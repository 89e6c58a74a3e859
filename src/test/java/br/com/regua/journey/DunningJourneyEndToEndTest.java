package br.com.regua.journey;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.support.CreditBureauStub;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.MessagingProviders;
import br.com.regua.support.PrintProviderStub;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The journey as a user lives it: register through the API, move the engine clock through the dev
 * endpoint, read the emails that reached the SMTP server and the requests that reached the credit
 * bureau (WireMock), pay, and read the debt back.
 */
class DunningJourneyEndToEndTest extends IntegrationTest {

  private static final DateTimeFormatter BR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Test
  void anUnpaidStandardDebtWalksTheWholeRéguaIsNegativatedAndHandedOff() throws Exception {
    // given a standard debt (no score, no late history) of a debtor in São Paulo, due in 10 days
    LocalDate dueDate = dueDateWithContactDays(today().plusDays(10), -3, 0, 1, 3, 7, 15, 20, 23);
    String debtId = TestDebtors.uniqueId("e2e-unpaid");
    String email = register(debtId, "1234.56", dueDate, true);
    CreditBureauStub.acceptNegativation(debtId);
    PrintProviderStub.accept(
        MessagingProviders.contactKey(debtId, "Aviso prévio de negativação (carta)", "LETTER"));
    await().atMost(AWAIT).until(() -> api.timelineTypes(debtId).contains("STRATEGY_DECIDED"));

    // when the clock walks through the régua
    int[] stepDays = {-3, 0, 1, 3, 7, 15};
    for (int day : stepDays) {
      moveClockTo(contactAt(debtId, dueDate.plusDays(day)));
      await().atMost(AWAIT).until(() -> api.contacts(debtId).size() == indexOf(stepDays, day) + 1);
    }
    moveClockTo(contactAt(debtId, dueDate.plusDays(20)));
    await()
        .atMost(AWAIT)
        .until(() -> api.contactSteps(debtId).contains("Aviso prévio de negativação"));
    // the e-mail notice gets no delivery receipt (SMTP gives none): once the model's three days
    // of waiting for one are over, at its next check, the notice goes out as a letter
    Instant letterMailed = contactAt(debtId, dueDate.plusDays(23)).plus(Duration.ofHours(1));
    moveClockTo(letterMailed);
    await()
        .atMost(AWAIT)
        .until(() -> api.contactSteps(debtId).contains("Aviso prévio de negativação (carta)"));
    moveClockTo(letterMailed.plus(Duration.ofDays(20)).minusSeconds(60));
    engine.awaitIdle(Duration.ofSeconds(2));
    assertThat(api.status(debtId))
        .as("20 days after the letter, not the e-mail")
        .isEqualTo("ACTIVE");
    moveClockTo(letterMailed.plus(Duration.ofDays(20)).plusSeconds(60));
    await().atMost(AWAIT).until(() -> api.status(debtId).equals("NEGATIVATED"));
    moveClockTo(contactAt(debtId, dueDate.plusDays(60)));
    await().atMost(AWAIT).until(() -> api.status(debtId).equals("HANDED_OFF"));

    // then every step went out on its channel: emails over SMTP, WhatsApp (the debtor opted in)
    // and SMS to their providers
    assertThat(api.contacts(debtId))
        .extracting(
            c ->
                c.get("step").asText()
                    + " "
                    + c.get("channel").asText()
                    + " "
                    + c.get("outcome").asText())
        .containsExactly(
            "D-3 EMAIL SENT",
            "D0 EMAIL SENT",
            "D+1 EMAIL SENT",
            "D+3 WHATSAPP SENT",
            "D+7 EMAIL SENT",
            "D+15 SMS SENT",
            "Aviso prévio de negativação EMAIL SENT",
            "Aviso prévio de negativação (carta) LETTER SENT");
    List<MimeMessage> mails = mailsTo(email);
    assertThat(mails).hasSize(5);
    for (MimeMessage mail : mails) {
      assertThat(body(mail))
          .contains("R$ 1.234,56")
          .contains(BR_DATE.format(dueDate))
          .containsPattern("https://pagar\\.example\\.test/p/t2\\.[A-Za-z0-9_-]{40}");
    }
    assertThat(body(mails.get(3))).contains("até 10%").contains("até 6 vezes");
    assertThat(body(mails.getLast()))
        .contains("art. 43")
        .contains(BR_DATE.format(dueDate.plusDays(40)));

    MessagingProviders.SERVER.verify(
        1,
        MessagingProviders.whatsAppRequests(
            MessagingProviders.contactKey(debtId, "D+3", "WHATSAPP")));
    MessagingProviders.SERVER.verify(
        1, MessagingProviders.smsRequests(MessagingProviders.contactKey(debtId, "D+15", "SMS")));

    // the bureau got the negativation once, 20 days after the letter proved the notice
    CreditBureauStub.SERVER.verify(
        1,
        postRequestedFor(urlEqualTo("/v1/negativations"))
            .withHeader("Idempotency-Key", equalTo("negativate:" + debtId)));
    assertThat(api.timelineTypes(debtId))
        .containsSubsequence(
            "REGISTERED",
            "JOURNEY_STARTED",
            "STRATEGY_DECIDED",
            "NOTICE_PROVEN",
            "NEGATIVATED",
            "HANDED_OFF");
  }

  @Test
  void aFullPaymentStopsTheJourneyAndNoReminderFollows() throws Exception {
    // given a debt that got its D-3 reminder
    LocalDate dueDate = dueDateWithContactDays(today().plusDays(10), -3);
    String debtId = TestDebtors.uniqueId("e2e-paid");
    String email = register(debtId, "500.00", dueDate);
    moveClockTo(contactAt(debtId, dueDate.minusDays(3)));
    await().atMost(AWAIT).until(() -> mailsTo(email).size() == 1);

    // when it is paid in full
    ResponseEntity<JsonNode> paid =
        api.post(
            "/api/debts/" + debtId + "/payments",
            api.payment("pix-" + debtId, "500.00", Instant.now().toString()));

    // then it is PAID at once and the journey ends
    assertThat(paid.getStatusCode().value()).isEqualTo(201);
    assertThat(paid.getBody().get("status").asText()).isEqualTo("PAID");
    assertThat(api.status(debtId)).isEqualTo("PAID");
    await().atMost(AWAIT).until(() -> journeyEnded(debtId));

    // and no reminder ever follows, however far the clock moves
    moveClockTo(at(dueDate.plusDays(60), 12, 0));
    engine.awaitIdle(Duration.ofSeconds(2));
    assertThat(mailsTo(email)).hasSize(1);
    assertThat(api.timelineTypes(debtId))
        .containsSubsequence("REGISTERED", "CONTACT", "PAYMENT_RECEIVED", "PAID")
        .doesNotContain("HANDED_OFF", "NEGATIVATED");
  }

  @Test
  void aNegativatedDebtPaidInFullIsRemovedFromTheBureauWithinTheLegalDeadline() {
    // given a debt negativated 20 days after its e-mail notice was delivered
    moveToContactHours(); // the notice goes out at registration
    LocalDate dueDate = today().minusDays(20);
    String debtId = TestDebtors.uniqueId("e2e-denegativate");
    register(debtId, "800.00", dueDate);
    CreditBureauStub.acceptNegativation(debtId);
    CreditBureauStub.acceptRemoval(debtId);
    CreditBureauStub.removalPendingThenDone(debtId);
    await()
        .atMost(AWAIT)
        .until(() -> api.contactSteps(debtId).contains("Aviso prévio de negativação"));
    assertThat(
            api.post(
                    "/api/webhooks/email",
                    Map.of(
                        "contactKey",
                        MessagingProviders.contactKey(
                            debtId, "Aviso prévio de negativação", "EMAIL"),
                        "status",
                        "delivered",
                        "occurredAt",
                        engine.now().toString()))
                .getStatusCode()
                .value())
        .isEqualTo(200);
    moveClockTo(engine.now().plus(Duration.ofDays(20)).plusSeconds(60));
    await().atMost(AWAIT).until(() -> api.status(debtId).equals("NEGATIVATED"));

    // when it is paid
    String protocol = CreditBureauStub.protocol(debtId);
    api.post(
        "/api/debts/" + debtId + "/payments",
        api.payment("ted-" + debtId, "800.00", engine.now().toString()));

    // then the removal is requested at once, checked, and confirmed four hours later
    await()
        .atMost(AWAIT)
        .until(() -> api.timelineTypes(debtId).contains("DENEGATIVATION_REQUESTED"));
    await()
        .atMost(AWAIT)
        .until(
            () ->
                CreditBureauStub.SERVER
                    .findAll(getRequestedFor(urlEqualTo("/v1/negativations/" + protocol)))
                    .size(),
            checks -> checks == 1);
    engine.awaitIdle(Duration.ofSeconds(2)); // the re-check timer is set
    moveClockTo(engine.now().plus(Duration.ofHours(4)).plusSeconds(60));
    await().atMost(AWAIT).until(() -> api.timelineTypes(debtId).contains("DENEGATIVATED"));
    assertThat(api.status(debtId)).isEqualTo("PAID");
    await().atMost(AWAIT).until(() -> journeyEnded(debtId));
  }

  @Test
  void aPartialPaymentLowersTheBalanceAndTheNextReminderAsksForTheRest() throws Exception {
    // given a debt of 300.00 due in ten days
    LocalDate dueDate = dueDateWithContactDays(today().plusDays(10), -3);
    String debtId = TestDebtors.uniqueId("e2e-partial");
    String email = register(debtId, "300.00", dueDate);

    // when 100.00 is paid before the first reminder
    ResponseEntity<JsonNode> partial =
        api.post(
            "/api/debts/" + debtId + "/payments",
            api.payment("boleto-" + debtId, "100.00", Instant.now().toString()));
    moveClockTo(contactAt(debtId, dueDate.minusDays(3)));
    await().atMost(AWAIT).until(() -> mailsTo(email).size() == 1);

    // then the debt stays active and the reminder asks for the 200.00 left
    assertThat(partial.getBody().get("openBalance").asText()).isEqualTo("200.00");
    assertThat(api.status(debtId)).isEqualTo("ACTIVE");
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

  @Test
  void aSettledClockMoveAnswersOnceItsWorkIsDoneAndTheEngineShowsTheJourneysItRuns() {
    // given a debt whose D-3 reminder falls on a contact day, and its journey in the engine
    LocalDate dueDate = dueDateWithContactDays(today().plusDays(10), -3);
    String debtId = TestDebtors.uniqueId("e2e-settle");
    String email = register(debtId, "300.00", dueDate);
    await().atMost(AWAIT).until(() -> api.timelineTypes(debtId).contains("STRATEGY_DECIDED"));
    long journey = api.journeyKey(debtId);
    assertThat(liveJourneys()).contains(journey);

    // when the clock moves past the reminder's time on D-3, waiting for what fell due
    Duration gap = Duration.between(engine.now(), afterContactSpread(dueDate.minusDays(3)));
    ResponseEntity<JsonNode> moved =
        api.post("/api/dev/clock", Map.of("advance", gap.toString(), "settle", "PT60S"));

    // then the answer comes once the reminder has gone out, with no wait of the caller's own
    assertThat(moved.getBody().get("settled").asBoolean()).isTrue();
    assertThat(mailsTo(email)).hasSize(1);
    assertThat(
            api.post("/api/dev/clock", Map.of("advance", "PT1M", "settle", "PT5M"))
                .getStatusCode()
                .value())
        .isEqualTo(400);

    // and once the debt is paid, the engine runs its journey no more
    api.post(
        "/api/debts/" + debtId + "/payments",
        api.payment("pix-" + debtId, "300.00", Instant.now().toString()));
    await().atMost(AWAIT).until(() -> !liveJourneys().contains(journey));
  }

  private List<Long> liveJourneys() {
    List<Long> keys = new java.util.ArrayList<>();
    api.get("/api/dev/engine")
        .getBody()
        .get("liveInstances")
        .forEach(instance -> keys.add(instance.get("key").asLong()));
    return keys;
  }

  private static int indexOf(int[] values, int value) {
    return Arrays.stream(values).boxed().toList().indexOf(value);
  }

  private String register(String debtId, String amount, LocalDate dueDate) {
    return register(debtId, amount, dueDate, false);
  }

  /** Registers a debtor with a postal address: a notice not proven by e-mail goes by letter. */
  private String register(String debtId, String amount, LocalDate dueDate, boolean whatsappOptIn) {
    var body = api.withAddress(api.debt(debtId, amount, dueDate));
    ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("debtor"))
        .put("whatsappOptIn", whatsappOptIn);
    assertThat(api.post("/api/debts", body).getStatusCode().value()).isEqualTo(201);
    return body.get("debtor").get("email").asText();
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
    return br.com.regua.contact.email.MimeText.plain(message);
  }
}
