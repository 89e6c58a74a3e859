package br.com.regua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.charge.boleto.Boleto;
import br.com.regua.charge.pix.Txid;
import br.com.regua.money.Money;
import br.com.regua.security.PortalTokens;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.PrintedCodeReader;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The debtor's portal against the real service: the engine, PostgreSQL, the API's services. Each
 * test follows a debt's link as the API shows it (the same link the messages carry).
 */
class PortalTest extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired PortalTokens tokens;
  @Autowired PortalVisits visits;
  @Autowired JdbcClient jdbc;
  @Autowired PortalIdentity identity;
  @Autowired br.com.regua.debt.DebtRepository debtRepository;

  record Registered(String debtId, String document, String token, ObjectNode body) {}

  @Test
  void unknownForgedExpiredAndRevokedLinksAllGetTheSamePageThatRevealsNothing() {
    // given a debt and its link
    Registered debt = register("portal-bad", "321.00", today().plusDays(20), null);
    PortalClient browser = new PortalClient(port);
    String token = debt.token();
    String forgedToken = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
    UUID paymentToken = paymentToken(debt.debtId());

    // when each kind of bad link is opened
    var unknown = browser.get("/portal/" + tokens.issue(UUID.randomUUID(), today()));
    var forged = browser.get("/portal/" + forgedToken);
    var expired = browser.get("/portal/" + tokens.issue(paymentToken, today().minusDays(31)));
    var garbage = browser.get("/portal/" + paymentToken);

    // then one page, the same for all, says the link does not work and nothing else
    for (var page : new PortalClient.Page[] {unknown, forged, expired, garbage}) {
      assertThat(page.status()).isEqualTo(404);
      assertThat(page.body()).isEqualTo(unknown.body()).contains("Link inválido ou expirado");
      // the amount as pages print it: "321" alone may occur in a random token
      assertThat(page.body()).doesNotContain("Maria", "321,00", debt.debtId());
    }
    // and the good link asks who you are, revealing nothing of the debt either
    var good = browser.get("/portal/" + debt.token());
    assertThat(good.status()).isEqualTo(200);
    assertThat(good.body())
        .contains("Confirme sua identidade", "Loja Exemplo S.A.")
        .doesNotContain("Maria", "321,00", debt.debtId());

    // when the debt's links are revoked, its link of today answers like a forged one
    assertThat(
            api.post(
                    "/api/debts/" + debt.debtId() + "/portal-link-revocations",
                    Map.of("reason", "celular perdido"))
                .getStatusCode()
                .value())
        .isEqualTo(204);
    assertThat(browser.get("/portal/" + debt.token()).body()).isEqualTo(unknown.body());
  }

  @Test
  void wrongIdentityAnswersAreRefusedWithoutRevealingAnythingAndLockTheLinkAfterFive() {
    // given a debt's link
    Registered debt = register("portal-id", "150.00", today().plusDays(20), null);
    PortalClient browser = new PortalClient(port);
    browser.get("/portal/" + debt.token());

    // when a stranger tries five wrong answers
    for (int i = 0; i < 4; i++) {
      var refused =
          browser.post("/portal/" + debt.token() + "/identidade", Map.of("inicio", "00000"));
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.body())
          .contains("Os dados não conferem")
          .doesNotContain("Maria", "150,00", debt.debtId());
    }
    var fifth = browser.post("/portal/" + debt.token() + "/identidade", Map.of("inicio", "99999"));

    // then the link is locked for the day, even for the right answer
    assertThat(fifth.status()).isEqualTo(429);
    assertThat(fifth.body()).contains("Muitas tentativas").doesNotContain("Maria");
    var right =
        browser.post(
            "/portal/" + debt.token() + "/identidade",
            Map.of("inicio", debt.document().substring(0, 5)));
    assertThat(right.status()).isEqualTo(429);
    assertThat(countAudit(debt.debtId(), "IDENTITY_REFUSED")).isEqualTo(5);
  }

  @Test
  void oneAddressTryingManyLinksIsLockedOutOfAllOfThemForAnHour() {
    // given five debtors' links, and someone at one address holding them all
    List<Registered> links = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      links.add(register("portal-ip" + i, "100.00", today().plusDays(20), null));
    }
    String address = "203.0.113." + (1 + new java.util.Random().nextInt(250));

    // when that address answers four links wrong five times each (20 in all)
    for (Registered link : links.subList(0, 4)) {
      for (int i = 0; i < 5; i++) {
        assertThat(identity.confirm(debt(link), "00000", address))
            .isEqualTo(PortalIdentity.Result.REFUSED);
      }
    }

    // then even the right answer on the fifth link is refused from there, not from elsewhere
    Registered fifth = links.get(4);
    String right = fifth.document().substring(0, 5);
    assertThat(identity.confirm(debt(fifth), right, address))
        .isEqualTo(PortalIdentity.Result.LOCKED);
    assertThat(identity.confirm(debt(fifth), right, "198.51.100.1"))
        .isEqualTo(PortalIdentity.Result.CONFIRMED);
  }

  private br.com.regua.debt.Debt debt(Registered link) {
    return debtRepository.find(link.debtId()).orElseThrow();
  }

  @Test
  void aFormWithoutTheCsrfTokenIsRefused() {
    Registered debt = register("portal-csrf", "150.00", today().plusDays(20), null);
    PortalClient browser = new PortalClient(port);
    browser.get("/portal/" + debt.token());

    var forged =
        browser.post(
            "/portal/" + debt.token() + "/identidade",
            Map.of("inicio", debt.document().substring(0, 5), "_csrf", "forged"));

    // then nothing is done: back to the link's page, which still asks who the debtor is
    assertThat(forged.status()).isEqualTo(303);
    assertThat(forged.location()).isEqualTo("/portal/" + debt.token());
    assertThat(countAudit(debt.debtId(), "IDENTITY_CONFIRMED")).isZero();
    assertThat(browser.get("/portal/" + debt.token()).body()).contains("Confirme sua identidade");
  }

  @Test
  void theDebtorSeesTodaysAmountPaysByPixOrBoletoAndTheDownloadTellsTheJourney() throws Exception {
    // given an overdue debt with its boleto
    LocalDate due = today().minusDays(10);
    Boleto boleto = Boleto.build("237", due, 480_00, "0500940144816060680935031");
    Registered debt = register("portal-pay", "480.00", due, boleto);
    JsonNode offers = api.get("/api/debts/" + debt.debtId() + "/offers").getBody();

    String pix =
        api.get("/api/debts/" + debt.debtId())
            .getBody()
            .at("/paymentOptions/pixCopyAndPaste")
            .asText();

    // when the debtor confirms who they are
    PortalClient browser = confirmed(debt);
    var home = browser.get("/portal/" + debt.token());

    // then the page shows the debt at today's amount, its Pix and its boleto
    assertThat(home.status()).isEqualTo(200);
    String today = Money.toReais(Money.parseCents(offers.get("updatedAmount").asText()));
    assertThat(offers.get("updatedAmount").asText()).isNotEqualTo("480.00");
    assertThat(home.body())
        .contains("Olá, Maria da Silva", "Dívida " + debt.debtId())
        .contains("Valor hoje (com multa e juros)</dt><dd class=\"today-amount\">" + today)
        .contains(boleto.formattedDigitableLine())
        .contains("data:image/png;base64,")
        .contains(pix)
        .contains("Loja Exemplo S.A.", "A1.B2C.3D4/E5F6-68"); // the test's creditor

    // when the debtor downloads the boleto
    var pdf = browser.get("/portal/" + debt.token() + "/boleto/0");

    // then it is the second copy with the digitable line and the amount
    assertThat(pdf.status()).isEqualTo(200);
    try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .contains("Segunda via de boleto", boleto.formattedDigitableLine(), "R$ 480,00");
      // and its barcode, printed and read back, is the boleto's 44 digits
      assertThat(PrintedCodeReader.boletoBarcode(document, 0)).isEqualTo(boleto.barcode());
      // and beside it the QR code of the same debt's Pix (a BolePix)
      assertThat(text).contains("Ou pague com Pix");
      assertThat(PrintedCodeReader.qrCode(document, 0)).isEqualTo(pix);
    }
    // and the journey hears of a visit in which the boleto was downloaded
    await().atMost(AWAIT).until(() -> api.timelineTypes(debt.debtId()).contains("PORTAL_VISITED"));
    assertThat(timelineDetail(debt.debtId(), "PORTAL_VISITED")).contains("boleto baixado: sim");
    assertThat(countAudit(debt.debtId(), "BOLETO_DOWNLOADED")).isEqualTo(1);
  }

  @Test
  void aVisitWithoutActionIsReportedOnceQuietAndTheJourneyOffersTheDiscountHoursLater() {
    // given a debtor who confirmed identity and did nothing else
    moveToContactHours();
    Registered debt = register("portal-quiet", "260.00", today().plusDays(20), null);
    confirmed(debt);
    visits.reportQuietVisits();
    assertThat(api.timelineTypes(debt.debtId())).doesNotContain("PORTAL_VISITED");

    // when the visit has been quiet for a while
    advance(PortalVisits.QUIET.plusMinutes(1));
    visits.reportQuietVisits();
    visits.reportQuietVisits();

    // then one visit without boleto nor renegotiation reaches the timeline (and the journey)
    assertThat(api.timelineTypes(debt.debtId()).stream().filter("PORTAL_VISITED"::equals).count())
        .isEqualTo(1);
    assertThat(timelineDetail(debt.debtId(), "PORTAL_VISITED"))
        .contains("boleto baixado: não; renegociação iniciada: não");

    // when four hours pass (and the contact hours allow it)
    advance(Duration.ofHours(4).plusMinutes(1));
    moveToContactHours();

    // then the journey's discount incentive (seed 004) reached the debtor, once
    await()
        .atMost(AWAIT)
        .until(
            () ->
                api.deliveredSteps(debt.debtId()).stream()
                    .anyMatch(s -> s.contains("portal-visit")));
    assertThat(
            api.deliveredSteps(debt.debtId()).stream()
                .filter(s -> s.contains("portal-visit"))
                .count())
        .isEqualTo(1);
  }

  @Test
  void theDebtorAcceptsAnOfferOnceEvenWhenTheFormIsSentTwice() {
    // given an overdue debt and its offers on the portal
    LocalDate due = today().minusDays(5);
    JsonNode before = funnel(due);
    Registered debt = register("portal-deal", "900.00", due, null);
    PortalClient browser = confirmed(debt);
    String page = browser.get("/portal/" + debt.token()).body();
    String offerId = PortalClient.field(page, "/portal/" + debt.token() + "/acordo", "oferta");
    String key = PortalClient.field(page, "/portal/" + debt.token() + "/acordo", "chave");
    Map<String, String> form = Map.of("debt", debt.debtId(), "oferta", offerId, "chave", key);

    // when the debtor accepts the first offer, and the form goes twice
    var accepted = browser.post("/portal/" + debt.token() + "/acordo", form);
    browser.post("/portal/" + debt.token() + "/acordo", form);

    // then one agreement is signed from the portal, its journey runs, the debt is renegotiated
    assertThat(accepted.status()).isEqualTo(303);
    await().atMost(AWAIT).until(() -> api.status(debt.debtId()).equals("RENEGOTIATED"));
    JsonNode agreement = api.get("/api/agreements/" + key).getBody();
    assertThat(agreement.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(agreement.get("offerId").asText()).isEqualTo(offerId);
    assertThat(
            jdbc.sql("select count(*) from agreement where debtor_document = :d")
                .param("d", debt.document())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    await()
        .atMost(AWAIT)
        .until(
            () ->
                jdbc.sql("select process_instance_key from agreement where agreement_id = :id")
                        .param("id", key)
                        .query(Long.class)
                        .optional()
                        .orElse(null)
                    != null);
    assertThat(timelineDetail(debt.debtId(), "AGREEMENT_SIGNED")).endsWith("(PORTAL)");
    // and the page now follows the agreement's installments
    var after = browser.get("/portal/" + debt.token()).body();
    assertThat(after).contains("Acordo fechado!", "Seus acordos", "Acordo " + key);
    // and the KPI page's portal funnel counted the debt at each step
    JsonNode funnel = funnel(due);
    for (String step : new String[] {"opened", "identityConfirmed", "agreed"}) {
      assertThat(funnel.get(step).asLong()).as(step).isEqualTo(before.get(step).asLong() + 1);
    }
    assertThat(funnel.get("promised").asLong()).isEqualTo(before.get("promised").asLong());
  }

  @Test
  void everyPortalFormAsksForTheIdentityFirstAndChangesNothingBefore() {
    // given a debt's link opened, its identity not confirmed
    Registered debt = register("portal-sweep", "333.00", today().plusDays(20), null);
    PortalClient stranger = new PortalClient(port);
    stranger.get("/portal/" + debt.token());
    String base = "/portal/" + debt.token();

    // when a stranger posts every form and asks for the boleto
    Map<String, Map<String, String>> forms =
        Map.of(
            base + "/acordo", Map.of("debt", debt.debtId(), "oferta", "x", "chave", "s-1"),
            base + "/promessa",
                Map.of(
                    "debt", debt.debtId(), "data", today().plusDays(3).toString(), "chave", "s-2"),
            base + "/contestacao", Map.of("debt", debt.debtId(), "motivo", "x", "chave", "s-3"),
            base + "/canais", Map.of("canal", "SMS", "acao", "optout"));
    // then each is sent back to the identity page, and nothing changed
    forms.forEach(
        (path, form) -> {
          var answer = stranger.post(path, form);
          assertThat(answer.status()).as(path).isEqualTo(303);
          assertThat(answer.location()).as(path).isEqualTo(base);
        });
    assertThat(stranger.get(base + "/boleto/0").status()).isEqualTo(303);
    // and requests the pages never send go back to the link too, not to a problem+json
    var noKey = stranger.post(base + "/promessa", Map.of("debt", debt.debtId()));
    assertThat(noKey.status()).isEqualTo(303);
    assertThat(noKey.location()).isEqualTo(base);
    assertThat(stranger.get(base + "/boleto/abc").status()).isEqualTo(303);
    assertThat(api.status(debt.debtId())).isEqualTo("ACTIVE");
    assertThat(api.get("/api/debtors/" + debt.document() + "/channels").getBody().size()).isZero();
    // and a form without the CSRF token does nothing either, session or not
    var noToken = new PortalClient(port).post(base + "/canais", forms.get(base + "/canais"));
    assertThat(noToken.status()).isEqualTo(303);
    assertThat(noToken.body()).isEmpty();
    assertThat(api.get("/api/debtors/" + debt.document() + "/channels").getBody().size()).isZero();
  }

  @Test
  void aPromiseBeyondTheStrategysHorizonIsRefusedInPortugueseNamingTheLimit() {
    // given a debt of the standard strategy (15 days at most)
    Registered debt = register("portal-prom", "700.00", today().plusDays(20), null);
    PortalClient browser = confirmed(debt);
    String page = browser.get("/portal/" + debt.token()).body();
    String key = PortalClient.field(page, "/portal/" + debt.token() + "/promessa", "chave");
    LocalDate limit = today().plusDays(15);

    // when the debtor promises a day after the limit
    var refused =
        browser.post(
            "/portal/" + debt.token() + "/promessa",
            Map.of("debt", debt.debtId(), "data", limit.plusDays(1).toString(), "chave", key));

    // then the page says the limit, and nothing is promised
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains(
            "A data prometida pode ser no máximo 15 dias a partir de hoje, ou seja, até "
                + PortalDebts.BR_DATE.format(limit));
    assertThat(api.status(debt.debtId())).isEqualTo("ACTIVE");

    // when the debtor promises the last day allowed
    var made =
        browser.post(
            "/portal/" + debt.token() + "/promessa",
            Map.of("debt", debt.debtId(), "data", limit.toString(), "chave", key));

    // then the debt is promised, from the portal
    assertThat(made.status()).isEqualTo(303);
    assertThat(api.status(debt.debtId())).isEqualTo("PROMISED");
    assertThat(timelineDetail(debt.debtId(), "PROMISE_MADE")).contains("(PORTAL)");
    await().atMost(AWAIT).until(() -> api.timelineTypes(debt.debtId()).contains("PORTAL_VISITED"));
    assertThat(timelineDetail(debt.debtId(), "PORTAL_VISITED"))
        .contains("renegociação iniciada: sim");
  }

  @Test
  void theDebtorContestsOptsOutOfSmsAndOptsInToWhatsAppWithTheConsentRecorded() {
    // given a debtor on the portal
    Registered debt = register("portal-chan", "410.00", today().plusDays(20), null);
    PortalClient browser = confirmed(debt);
    String page = browser.get("/portal/" + debt.token()).body();
    String key = PortalClient.field(page, "/portal/" + debt.token() + "/contestacao", "chave");

    // when the debtor opts out of SMS, opts in to WhatsApp and contests the debt
    var smsOut =
        browser.post(
            "/portal/" + debt.token() + "/canais", Map.of("canal", "SMS", "acao", "optout"));
    var noConsent =
        browser.post(
            "/portal/" + debt.token() + "/canais", Map.of("canal", "WHATSAPP", "acao", "optin"));
    var whatsappIn =
        browser.post(
            "/portal/" + debt.token() + "/canais",
            Map.of("canal", "WHATSAPP", "acao", "optin", "autorizo", "sim"));
    var contested =
        browser.post(
            "/portal/" + debt.token() + "/contestacao",
            Map.of("debt", debt.debtId(), "motivo", "Já paguei em outubro", "chave", key));

    // then each went through the API's rules and is recorded
    assertThat(smsOut.status()).isEqualTo(303);
    assertThat(noConsent.status()).isEqualTo(422);
    assertThat(noConsent.body()).contains("marque a autorização");
    assertThat(whatsappIn.status()).isEqualTo(303);
    assertThat(contested.status()).isEqualTo(303);
    JsonNode channels = api.get("/api/debtors/" + debt.document() + "/channels").getBody();
    assertThat(channels.get("SMS").asText()).isEqualTo("OPT_OUT");
    assertThat(channels.get("WHATSAPP").asText()).isEqualTo("OPT_IN");
    assertThat(api.status(debt.debtId())).isEqualTo("DISPUTED");
    assertThat(timelineDetail(debt.debtId(), "DISPUTE_OPENED"))
        .contains("(PORTAL)", "Já paguei em outubro");
    Map<String, Object> consent =
        jdbc.sql(
                "select at, remote_address, user_agent from portal_audit"
                    + " where payment_token = :t and action = 'WHATSAPP_OPTED_IN'")
            .param("t", paymentToken(debt.debtId()))
            .query()
            .singleRow();
    assertThat(consent.get("at")).isNotNull();
    assertThat(consent.get("remote_address")).isNotNull();
  }

  @Test
  void afterAPartialPaymentTheBoletoWhichWouldChargeTooMuchIsNeitherShownNorServed() {
    // given a debt with its boleto of the whole amount, partly paid
    LocalDate due = today().plusDays(20);
    Boleto boleto = Boleto.build("237", due, 300_00, "0500940144816060680935032");
    Registered debt = register("portal-partial", "300.00", due, boleto);
    assertThat(
            api.post(
                    "/api/debts/" + debt.debtId() + "/payments",
                    api.payment("PIX-" + debt.debtId(), "100.00", engine.now().toString()))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    await()
        .atMost(AWAIT)
        .until(
            () ->
                api.get("/api/debts/" + debt.debtId())
                    .getBody()
                    .get("openBalance")
                    .asText()
                    .equals("200.00"));

    // when the debtor opens the portal and asks for the boleto anyway
    PortalClient browser = confirmed(debt);
    var home = browser.get("/portal/" + debt.token());
    var pdf = browser.get("/portal/" + debt.token() + "/boleto/0");

    // then the page offers the Pix of the balance and no boleto, and the PDF is not served
    assertThat(home.body())
        .contains("Pix copia e cola do saldo em aberto (R$ 200,00)")
        .doesNotContain(boleto.formattedDigitableLine(), "Baixar boleto");
    assertThat(pdf.status()).isEqualTo(404);
  }

  @Test
  void aDebtorWithOnlyAnAgreementSeesItsScheduleAndPaysTheNextInstallmentByPix() {
    // given a debt renegotiated in 2 installments: nothing open, an agreement active
    Registered debt = register("portal-agreement", "400.00", today().minusDays(10), null);
    JsonNode offer = null;
    for (JsonNode o : api.get("/api/debts/" + debt.debtId() + "/offers").getBody().get("offers")) {
      if (o.get("installments").asInt() == 2) {
        offer = o;
      }
    }
    assertThat(offer).isNotNull();
    String agreementId = "acordo-" + debt.debtId();
    JsonNode agreement =
        api.post(
                "/api/debts/" + debt.debtId() + "/agreements",
                Map.of("agreementId", agreementId, "offerId", offer.get("offerId").asText()))
            .getBody();
    assertThat(api.status(debt.debtId())).isEqualTo("RENEGOTIATED");

    // when the debtor opens the link of an installment's reminder
    PortalClient stranger = new PortalClient(port);
    var first = stranger.get("/portal/" + debt.token());
    PortalClient browser = confirmed(debt);
    var home = browser.get("/portal/" + debt.token());

    // then identity is asked (there is something to pay), and the page shows the schedule and the
    // first installment's Pix, naming the agreement
    String installment =
        Money.toReais(Money.parseCents(agreement.at("/schedule/0/amount").asText()));
    assertThat(first.body()).doesNotContain("Nada em aberto").contains("Confirme sua identidade");
    assertThat(home.body())
        .contains("Suas dívidas foram renegociadas")
        .doesNotContain("Você não tem pagamentos em aberto")
        .contains("Seus acordos", "Acordo " + agreementId)
        .contains("Pagar a parcela 1 (" + installment)
        .contains("Pix copia e cola da parcela 1 (" + installment + ")")
        .contains("0525" + Txid.forAgreement(agreementId).substring(0, Txid.STATIC_LENGTH));
  }

  @Test
  void aLinkToAClosedDebtShowsAFriendlyPageWithoutAskingAnything() {
    // given a debt paid in full
    Registered debt = register("portal-paid", "120.00", today().plusDays(20), null);
    assertThat(
            api.post(
                    "/api/debts/" + debt.debtId() + "/payments",
                    api.payment("PIX-" + debt.debtId(), "120.00", engine.now().toString()))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    await().atMost(AWAIT).until(() -> api.status(debt.debtId()).equals("PAID"));

    // when its link is opened
    var page = new PortalClient(port).get("/portal/" + debt.token());

    // then a friendly page, with nothing of the debt
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Nada em aberto por aqui").doesNotContain("Maria", "120,00");
  }

  // --- given ---

  private Registered register(String prefix, String amount, LocalDate due, Boleto boleto) {
    String debtId = TestDebtors.uniqueId(prefix);
    ObjectNode body = api.debt(debtId, amount, due);
    if (boleto != null) {
      body.putObject("boleto").put("barcode", boleto.barcode());
    }
    JsonNode created = api.post("/api/debts", body).getBody();
    assertThat(created.get("debtId").asText()).isEqualTo(debtId);
    await().atMost(AWAIT).until(() -> api.timelineTypes(debtId).contains("STRATEGY_DECIDED"));
    String link = created.at("/paymentOptions/paymentLink").asText();
    assertThat(link).startsWith("https://pagar.example.test/p/");
    return new Registered(
        debtId,
        body.at("/debtor/document").asText(),
        link.substring(link.lastIndexOf('/') + 1),
        body);
  }

  private PortalClient confirmed(Registered debt) {
    PortalClient browser = new PortalClient(port);
    browser.get("/portal/" + debt.token());
    var confirmed =
        browser.post(
            "/portal/" + debt.token() + "/identidade",
            Map.of("inicio", debt.document().substring(0, 5)));
    assertThat(confirmed.status()).isEqualTo(303);
    return browser;
  }

  private JsonNode funnel(LocalDate due) {
    return api.get("/api/kpis?from=" + due + "&to=" + due).getBody().get("portal");
  }

  private UUID paymentToken(String debtId) {
    return jdbc.sql("select payment_token from debt where debt_id = :id")
        .param("id", debtId)
        .query(UUID.class)
        .single();
  }

  private long countAudit(String debtId, String action) {
    return jdbc.sql(
            "select count(*) from portal_audit a join debt d on d.payment_token = a.payment_token"
                + " where d.debt_id = :id and a.action = :action")
        .param("id", debtId)
        .param("action", action)
        .query(Long.class)
        .single();
  }

  private String timelineDetail(String debtId, String type) {
    Map<String, String> last = new HashMap<>();
    for (JsonNode entry : api.get("/api/debts/" + debtId).getBody().get("timeline")) {
      if (entry.get("type").asText().equals(type)) {
        last.put(type, entry.path("detail").asText());
      }
    }
    return last.getOrDefault(type, "");
  }
}
