package br.com.regua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import br.com.regua.charge.boleto.Boleto;
import br.com.regua.consent.Channel;
import br.com.regua.contact.ContactOutcome;
import br.com.regua.contact.ContactRequest;
import br.com.regua.contact.ContactService;
import br.com.regua.contact.email.MimeText;
import br.com.regua.security.PortalTokens;
import br.com.regua.support.BrowserScripts;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The debtor's portal in a real browser: headless Chromium driven by {@code
 * desk/test/portal-browser.mjs} (playwright-core and axe-core, installed by the build's {@code npm
 * ci}), at a phone's viewport and a desktop's. Each run follows the link of a reminder GreenMail
 * received, and this test checks the data afterwards. Skipped, saying why, when node, the npm
 * packages or Chromium are missing. Screenshots land in {@code target/portal/}.
 */
class PortalBrowserTest extends IntegrationTest {

  private static final Path SCREENSHOTS = Path.of("target", "portal");
  private static final Pattern LINK = Pattern.compile("https://pagar\\.example\\.test/p/(\\S+)");

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired ContactService contacts;
  @Autowired PortalTokens tokens;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  record Debtor(
      String document,
      String offerDebt,
      String promiseDebt,
      String contestDebt,
      Boleto boleto,
      String link) {}

  @BeforeAll
  static void browserAvailable() {
    assumeTrue(
        Files.isExecutable(BrowserScripts.CHROMIUM),
        "no Chromium at "
            + BrowserScripts.CHROMIUM
            + ": apt-get install chromium (or set REGUA_CHROMIUM)");
    assumeTrue(
        Files.isDirectory(BrowserScripts.DESK.resolve("node_modules/axe-core")),
        "desk/node_modules has no axe-core: the build's npm ci did not run (-Ddesk.skip?)");
  }

  @Test
  void aDebtorFollowsTheEmailsLinkOnAPhoneAndOnADesktopAndDoesEverythingThere() throws Exception {
    // given two debtors, each with three debts and the D-3 reminder in their mailbox
    moveToContactHours();
    LocalDate promiseDate = today().plusDays(5);
    Debtor phone = debtor("pphone");
    Debtor desktop = debtor("pdesk");

    // when each follows the e-mail's link in the browser: a phone, then a desktop
    String output =
        runBrowser(
            List.of(
                run("phone", 390, 844, phone, promiseDate),
                run("desktop", 1280, 900, desktop, promiseDate)));

    // then every step worked and axe found nothing serious on any page
    assertThat(output).contains("portal ok").doesNotContain("PROBLEM");
    assertThat(output).containsPattern("axe phone debts: 0 serious/critical");
    for (Debtor debtor : List.of(phone, desktop)) {
      assertDone(debtor, promiseDate);
    }
    // and the boleto the phone downloaded is the second copy, its line and amount in its text
    try (PDDocument pdf =
        Loader.loadPDF(Files.readAllBytes(SCREENSHOTS.resolve("portal-phone-boleto.pdf")))) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains(phone.boleto().formattedDigitableLine(), "R$ 640,00");
    }
    assertThat(output).contains("phone: pix copied 000201");
  }

  private void assertDone(Debtor debtor, LocalDate promiseDate) {
    // the offer accepted: the debt renegotiated, the agreement's journey running
    await().atMost(AWAIT).until(() -> api.status(debtor.offerDebt()).equals("RENEGOTIATED"));
    await()
        .atMost(AWAIT)
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from agreement a join agreement_debt d using"
                                + " (agreement_id) where d.debt_id = :id and a.status = 'ACTIVE'"
                                + " and a.process_instance_key is not null")
                        .param("id", debtor.offerDebt())
                        .query(Long.class)
                        .single()
                    == 1);
    assertThat(api.status(debtor.promiseDebt())).isEqualTo("PROMISED");
    assertThat(api.status(debtor.contestDebt())).isEqualTo("DISPUTED");
    JsonNode channels = api.get("/api/debtors/" + debtor.document() + "/channels").getBody();
    assertThat(channels.get("SMS").asText()).isEqualTo("OPT_OUT");
    // the boleto's download and the renegotiation reached the journey
    await()
        .atMost(AWAIT)
        .until(() -> api.timelineTypes(debtor.offerDebt()).contains("PORTAL_VISITED"));
    // no SMS after the opt-out: a new debt's SMS-only reminder is suppressed
    String later = TestDebtors.uniqueId("portal-later");
    ObjectNode body = api.debt(later, "90.00", today().plusDays(30));
    ((ObjectNode) body.get("debtor")).put("document", debtor.document());
    assertThat(api.post("/api/debts", body).getStatusCode().value()).isEqualTo(201);
    var sms =
        contacts.contact(
            new ContactRequest(
                later, "D-3", Channel.SMS, "reminder-before-due", Map.of(), List.of(Channel.SMS)));
    assertThat(sms.outcome()).isEqualTo(ContactOutcome.SUPPRESSED);
  }

  // --- given ---

  private Debtor debtor(String prefix) throws Exception {
    String offerDebt = TestDebtors.uniqueId(prefix + "-o");
    LocalDate overdue = today().minusDays(6);
    Boleto boleto = Boleto.build("237", overdue, 640_00, "0500940144816060680935031");
    ObjectNode body = api.debt(offerDebt, "640.00", overdue);
    body.putObject("boleto").put("barcode", boleto.barcode());
    assertThat(api.post("/api/debts", body).getStatusCode().value()).isEqualTo(201);
    String document = body.at("/debtor/document").asText();
    String promiseDebt = sameDebtor(body, prefix + "-p", "350.00", today().plusDays(20));
    String contestDebt = sameDebtor(body, prefix + "-c", "199.90", today().plusDays(25));
    for (String id : List.of(offerDebt, promiseDebt, contestDebt)) {
      await().atMost(AWAIT).until(() -> api.timelineTypes(id).contains("STRATEGY_DECIDED"));
    }
    // the reminder goes out by e-mail, to GreenMail
    assertThat(
            contacts.remind(offerDebt, "Lembrete do teste", Channel.EMAIL, "reminder-before-due"))
        .isEqualTo(ContactOutcome.SENT);
    String mail = mailTo(body.at("/debtor/email").asText());
    Matcher link = LINK.matcher(mail);
    assertThat(link.find()).as("a portal link in the e-mail:%n%s", mail).isTrue();
    // the tests' portal base URL is a public-looking address; the browser reaches this service
    String local = "http://localhost:" + port + "/portal/" + link.group(1);
    return new Debtor(document, offerDebt, promiseDebt, contestDebt, boleto, local);
  }

  private String sameDebtor(ObjectNode first, String prefix, String amount, LocalDate due) {
    String debtId = TestDebtors.uniqueId(prefix);
    ObjectNode body = api.debt(debtId, amount, due);
    body.set("debtor", first.get("debtor"));
    assertThat(api.post("/api/debts", body).getStatusCode().value()).isEqualTo(201);
    return debtId;
  }

  private Map<String, Object> run(
      String name, int width, int height, Debtor debtor, LocalDate promiseDate) {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("name", name);
    run.put("viewport", Map.of("width", width, "height", height));
    run.put("link", debtor.link());
    run.put(
        "forgedLink",
        "http://localhost:" + port + "/portal/" + tokens.issue(UUID.randomUUID(), today()));
    run.put("identity", debtor.document().substring(0, 5));
    run.put("offerDebt", debtor.offerDebt());
    run.put("promiseDebt", debtor.promiseDebt());
    run.put("promiseDate", promiseDate.toString());
    run.put("contestDebt", debtor.contestDebt());
    return run;
  }

  private static String mailTo(String address) throws Exception {
    await()
        .atMost(AWAIT)
        .until(
            () ->
                Arrays.stream(SMTP.getReceivedMessages())
                    .anyMatch(m -> recipients(m).contains(address)));
    MimeMessage mail =
        Arrays.stream(SMTP.getReceivedMessages())
            .filter(m -> recipients(m).contains(address))
            .findFirst()
            .orElseThrow();
    return MimeText.plain(mail).replace("\r\n", "\n");
  }

  private static String recipients(MimeMessage m) {
    try {
      return Arrays.toString(m.getAllRecipients());
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String runBrowser(List<Map<String, Object>> runs)
      throws IOException, InterruptedException {
    return BrowserScripts.run(
        json,
        "portal-browser.mjs",
        Map.of("runs", runs),
        SCREENSHOTS,
        Duration.ofSeconds(240),
        "the portal's browser script");
  }
}
