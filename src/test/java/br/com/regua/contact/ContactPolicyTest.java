package br.com.regua.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.brazil.Uf;
import br.com.regua.consent.Channel;
import br.com.regua.support.EngineRecords;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * The contact policy on the running service: the daily limit across a debtor's debts, opt-outs and
 * the WhatsApp opt-in with their fallbacks, the state's hours. Debts are due in a month, so their
 * journeys make no contact of their own while a test runs; the test asks for contacts itself.
 */
class ContactPolicyTest extends IntegrationTest {

  @Autowired ContactService contacts;

  @BeforeEach
  void duringContactHours() {
    moveToContactHours();
  }

  @Test
  void theSecondContactOfTheDayForOneDebtorIsPostponedEvenForAnotherDebt() {
    // given one debtor with two debts
    String document = TestDebtors.cpf();
    String first = register(TestDebtors.uniqueId("cap-a"), document, false);
    String second = register(TestDebtors.uniqueId("cap-b"), document, false);

    // when both debts ask for a contact the same day
    ContactAttempt sent = contacts.contact(request(first, Channel.EMAIL));
    ContactAttempt postponed = contacts.contact(request(second, Channel.EMAIL));
    ContactAttempt askedAgain = contacts.contact(request(second, Channel.EMAIL));

    // then the second waits for the next day's window, and the timeline says why and until when
    Instant nextDay = contactWindows.firstWindowAfter(Uf.SP, today());
    assertThat(sent.outcome()).isEqualTo(ContactOutcome.SENT);
    assertThat(postponed.outcome()).isEqualTo(ContactOutcome.POSTPONED);
    assertThat(postponed.postponedUntil()).isEqualTo(nextDay);
    assertThat(askedAgain.postponedUntil()).isEqualTo(nextDay);
    List<JsonNode> log = api.contacts(second);
    assertThat(log).hasSize(1);
    assertThat(log.getFirst().get("outcome").asText()).isEqualTo("POSTPONED");
    assertThat(log.getFirst().get("detail").asText())
        .contains("limite de 1 contato(s) por dia")
        .contains("adiado para");

    // and once the next day's window opens, it goes out
    moveClockTo(nextDay);
    assertThat(contacts.contact(request(second, Channel.EMAIL)).outcome())
        .isEqualTo(ContactOutcome.SENT);
  }

  @Test
  void outsideTheStatesHoursTheContactWaitsForTheNextWindow() {
    String debtId = register(TestDebtors.uniqueId("hours"), TestDebtors.cpf(), false);
    LocalDate sunday = today().with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
    moveClockTo(at(sunday, 10, 0));

    ContactAttempt attempt = contacts.contact(request(debtId, Channel.EMAIL));

    assertThat(attempt.outcome()).isEqualTo(ContactOutcome.POSTPONED);
    assertThat(attempt.postponedUntil()).isEqualTo(contactWindows.nextAllowed(Uf.SP, engine.now()));
    assertThat(attempt.postponedUntil()).isAfterOrEqualTo(at(sunday.plusDays(1), 8, 0));
    assertThat(api.contacts(debtId).getFirst().get("detail").asText())
        .contains("fora do horário permitido em SP");
  }

  @Test
  void aStepDueOnASundayWaitsInTheEngineForMondaysWindow() {
    // given a debt whose D-3 reminder falls on a Sunday
    LocalDate sunday = today().plusDays(7).with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
    String debtId = TestDebtors.uniqueId("sunday");
    ObjectNode body = api.debt(debtId, "700.00", sunday.plusDays(3));
    assertThat(api.post("/api/debts", body).getStatusCode().value()).isEqualTo(201);
    long journey = api.journeyKey(debtId);

    // when Sunday's contact time for the debt (09:00 plus its minute) comes
    moveClockTo(contactAt(debtId, sunday));
    await().atMost(AWAIT).until(() -> api.contacts(debtId).size() == 1);

    // then the reminder is postponed, the journey waits on a timer until the next window, and
    // the email goes out then
    Instant nextWindow = contactWindows.nextAllowed(Uf.SP, engine.now());
    assertThat(api.contacts(debtId).getFirst().get("outcome").asText()).isEqualTo("POSTPONED");
    // (the contact is recorded before its job completes and the engine opens the timer: awaited,
    // in the test's own thread, as a reader of the engine's log must be)
    await()
        .pollInSameThread()
        .atMost(AWAIT)
        .untilAsserted(
            () ->
                assertThat(
                        new EngineRecords(engine)
                            .activeTimer(journey, "WaitForContactWindowTimer")
                            .map(timer -> Instant.ofEpochMilli(timer.getDueDate())))
                    .contains(nextWindow));
    moveClockTo(nextWindow);
    await().atMost(AWAIT).until(() -> api.deliveredSteps(debtId).equals(List.of("D-3")));
  }

  @Test
  void aChannelTheDebtorOptedOutOfIsNeverUsedTheStepFallsBack() {
    String document = TestDebtors.cpf();
    String debtId = register(TestDebtors.uniqueId("optout"), document, false);

    ResponseEntity<JsonNode> optOut =
        api.post("/api/debtors/" + document + "/opt-outs", Map.of("channel", "EMAIL"));
    ContactAttempt attempt = contacts.contact(request(debtId, Channel.EMAIL, Channel.SMS));

    assertThat(optOut.getStatusCode().value()).isEqualTo(200);
    assertThat(optOut.getBody().get("EMAIL").asText()).isEqualTo("OPT_OUT");
    assertThat(attempt.channel()).isEqualTo(Channel.SMS);
    assertThat(attempt.outcome()).isIn(ContactOutcome.SENT, ContactOutcome.RECORDED);
    assertThat(api.contacts(debtId).getFirst().get("detail").asText())
        .contains("canal EMAIL indisponível");
    assertThat(
            api.post("/api/debtors/" + document + "/opt-ins", Map.of("channel", "EMAIL"))
                .getStatusCode()
                .value())
        .as("an opt-out is final")
        .isEqualTo(409);
  }

  @Test
  void whatsAppIsUsedOnlyWithTheDebtorsOptIn() {
    String without = register(TestDebtors.uniqueId("wa-no"), TestDebtors.cpf(), false);
    String with = register(TestDebtors.uniqueId("wa-yes"), TestDebtors.cpf(), true);

    ContactAttempt fellBack = contacts.contact(request(without, Channel.WHATSAPP, Channel.SMS));
    ContactAttempt onWhatsApp = contacts.contact(request(with, Channel.WHATSAPP, Channel.SMS));

    assertThat(fellBack.channel()).isEqualTo(Channel.SMS);
    assertThat(onWhatsApp.channel()).isEqualTo(Channel.WHATSAPP);
  }

  @Test
  void aLandlineGetsNoSmsTheStepFallsBackToEmail() {
    String debtId = TestDebtors.uniqueId("landline");
    ObjectNode body = api.debt(debtId, "700.00", today().plusDays(30));
    ((ObjectNode) body.get("debtor")).put("phone", "+551133334444");
    assertThat(api.post("/api/debts", body).getStatusCode().value()).isEqualTo(201);

    ContactAttempt attempt = contacts.contact(request(debtId, Channel.SMS, Channel.EMAIL));

    assertThat(attempt.channel()).isEqualTo(Channel.EMAIL);
    assertThat(attempt.outcome()).isEqualTo(ContactOutcome.SENT);
    assertThat(api.contacts(debtId))
        .extracting(c -> c.get("channel").asText() + " " + c.get("outcome").asText())
        .containsExactly("SMS FAILED", "EMAIL SENT");
    assertThat(api.contacts(debtId).getFirst().get("detail").asText()).contains("não é um celular");
  }

  @Test
  void noChannelLeftSuppressesTheContactAndSaysWhy() {
    String document = TestDebtors.cpf();
    String debtId = register(TestDebtors.uniqueId("nochannel"), document, false);
    api.post("/api/debtors/" + document + "/opt-outs", Map.of("channel", "SMS"));

    ContactAttempt attempt = contacts.contact(request(debtId, Channel.WHATSAPP, Channel.SMS));

    assertThat(attempt.outcome()).isEqualTo(ContactOutcome.SUPPRESSED);
    assertThat(api.contacts(debtId).getFirst().get("detail").asText())
        .contains("nenhum canal disponível");
  }

  @Test
  void badChannelRequestsAreA400NamingTheFieldAndUnknownDebtorsA404() {
    String document = TestDebtors.cpf();
    register(TestDebtors.uniqueId("consent"), document, false);

    ResponseEntity<JsonNode> badChannel =
        api.post("/api/debtors/" + document + "/opt-outs", Map.of("channel", "PIGEON"));
    ResponseEntity<JsonNode> noChannel =
        api.post("/api/debtors/" + document + "/opt-outs", Map.of());
    ResponseEntity<JsonNode> badDocument =
        api.post("/api/debtors/123/opt-outs", Map.of("channel", "SMS"));
    ResponseEntity<JsonNode> unknown =
        api.post("/api/debtors/" + TestDebtors.cpf() + "/opt-outs", Map.of("channel", "SMS"));

    assertThat(badChannel.getStatusCode().value()).isEqualTo(400);
    assertThat(badChannel.getBody().at("/errors/0/field").asText()).isEqualTo("channel");
    assertThat(noChannel.getStatusCode().value()).isEqualTo(400);
    assertThat(noChannel.getBody().at("/errors/0/field").asText()).isEqualTo("channel");
    assertThat(badDocument.getStatusCode().value()).isEqualTo(400);
    assertThat(badDocument.getBody().at("/errors/0/field").asText()).isEqualTo("document");
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
  }

  private String register(String debtId, String document, boolean whatsappOptIn) {
    ObjectNode body = api.debt(debtId, "700.00", today().plusDays(30));
    ((ObjectNode) body.get("debtor")).put("document", document);
    ((ObjectNode) body.get("debtor")).put("whatsappOptIn", whatsappOptIn);
    assertThat(api.post("/api/debts", body).getStatusCode().value()).isEqualTo(201);
    return debtId;
  }

  private static ContactRequest request(String debtId, Channel channel, Channel... fallbacks) {
    return new ContactRequest(
        debtId, "Teste de política", channel, templateFor(channel), Map.of(), List.of(fallbacks));
  }

  private static String templateFor(Channel channel) {
    return "negotiation-link";
  }
}
