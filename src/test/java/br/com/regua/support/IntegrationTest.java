package br.com.regua.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.brazil.Uf;
import br.com.regua.contact.policy.ContactWindows;
import br.com.regua.devkit.engine.EmbeddedEngine;
import br.com.regua.devkit.simulator.ContactSpread;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole service: the real embedded Zeebe engine, PostgreSQL, a
 * GreenMail SMTP server, a WireMock credit bureau ({@link CreditBureauStub}), WireMock SMS and
 * WhatsApp providers ({@link MessagingProviders}) and a WireMock print-and-post provider ({@link
 * PrintProviderStub}). Every subclass shares one Spring context, one engine, one SMTP server and
 * one of each provider (context caching), so tests never assume a clean engine clock, an empty
 * mailbox or a fresh provider: each works with its own debts and debtor addresses, and dates
 * relative to the engine clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Metrics export as in production (/actuator/prometheus), which Spring Boot turns off in tests.
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
@Import({TestDatabaseConfiguration.class, Api.class})
public abstract class IntegrationTest {

  protected static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

  /**
   * The longest a test waits for the service's own work (Awaitility's {@code atMost}): a wait that
   * is met returns at once, so this bounds only a failure. Generous, since the context's one engine
   * may first have to work through a backlog (a clock jump fires every earlier test's timers) while
   * bin/test's other test JVMs share the two cores.
   */
  protected static final Duration AWAIT = Duration.ofSeconds(60);

  protected static final GreenMail SMTP = startSmtp();

  @Autowired protected TestRestTemplate http;
  @Autowired protected EmbeddedEngine engine;
  @Autowired protected Api api;
  @Autowired protected ContactWindows contactWindows;

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
  }

  @DynamicPropertySource
  static void creditBureau(DynamicPropertyRegistry registry) {
    registry.add("regua.credit-bureau.base-url", CreditBureauStub::baseUrl);
  }

  @DynamicPropertySource
  static void messagingProviders(DynamicPropertyRegistry registry) {
    registry.add("regua.sms.base-url", MessagingProviders::smsBaseUrl);
    registry.add("regua.whatsapp.base-url", MessagingProviders::whatsAppBaseUrl);
  }

  @DynamicPropertySource
  static void printProvider(DynamicPropertyRegistry registry) {
    registry.add("regua.letter.base-url", PrintProviderStub::baseUrl);
  }

  @BeforeEach
  void bindApi() {
    // every call of the shared client authenticates as the suite, unless it brings its own
    var interceptors = http.getRestTemplate().getInterceptors();
    if (!interceptors.contains(TestCredentials.SUITE_KEY_BY_DEFAULT)) {
      interceptors.add(TestCredentials.SUITE_KEY_BY_DEFAULT);
    }
    // the suite's own calls name concrete paths (/api/debts/INV-17…): measured under one uri tag,
    // they no longer fill http.client.requests' uri tag limit (100) in the service's registry
    http.getRestTemplate().setObservationConvention(TestClientObservations.ONE_URI_TAG);
    api.bind(http);
  }

  /**
   * Registers a debt of {@code amount} due on {@code dueDate} under a new id starting with {@code
   * prefix}, and waits for its journey to start; returns the id.
   */
  protected String registerDebt(String prefix, String amount, LocalDate dueDate) {
    String debtId = TestDebtors.uniqueId(prefix);
    assertThat(api.post("/api/debts", api.debt(debtId, amount, dueDate)).getStatusCode().value())
        .isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> api.timelineTypes(debtId).contains("JOURNEY_STARTED"));
    return debtId;
  }

  /** A Pix's endToEndId as a PSP makes it: E, an ISPB, a time, and random letters and digits. */
  protected static String endToEndId() {
    String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    StringBuilder id = new StringBuilder("E60746948202612071200");
    while (id.length() < 32) {
      id.append(
          chars.charAt(java.util.concurrent.ThreadLocalRandom.current().nextInt(chars.length())));
    }
    return id.toString();
  }

  /**
   * Registers a high-value debt of a debtor with late payments (the intensive strategy, whose
   * journey opens a preventive call at D-5) and waits for the strategy; returns the body sent.
   */
  protected ObjectNode registerIntensiveDebt(String debtId, LocalDate dueDate) {
    return registerIntensiveDebt(debtId, dueDate, null);
  }

  /**
   * As {@link #registerIntensiveDebt(String, LocalDate)}, for this debtor's CPF/CNPJ (null: new).
   */
  protected ObjectNode registerIntensiveDebt(String debtId, LocalDate dueDate, String document) {
    ObjectNode body = api.debt(debtId, "8000.00", dueDate);
    if (document != null) {
      ((ObjectNode) body.get("debtor")).put("document", document);
    }
    body.put("latePaymentCount", 3);
    body.put("propensityScore", 450);
    assertThat(api.post("/api/debts", body).getStatusCode().value()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> api.timelineTypes(debtId).contains("STRATEGY_DECIDED"));
    return body;
  }

  /** Today in São Paulo, by the engine's clock. */
  protected LocalDate today() {
    return LocalDate.ofInstant(engine.now(), SAO_PAULO);
  }

  protected static Instant at(LocalDate day, int hour, int minute) {
    return day.atTime(LocalTime.of(hour, minute)).atZone(SAO_PAULO).toInstant();
  }

  /** Moves the engine clock through the dev endpoint, as a user of the local run would. */
  protected void advance(Duration duration) {
    assertThat(
            api.post("/api/dev/clock", Map.of("advance", duration.toString()))
                .getStatusCode()
                .value())
        .isEqualTo(200);
  }

  /** Moves the engine clock to the instant; never backwards. */
  protected void moveClockTo(Instant target) {
    Duration gap = Duration.between(engine.now(), target);
    if (!gap.isNegative()) {
      advance(gap);
    }
  }

  /**
   * Moves the clock into the contact hours of a São Paulo debtor (the test debtors' state), if it
   * is not there, and past the day's contact spread, when every debt's dated steps of the day have
   * run (a step due today waits until 09:00 plus its debt's minute, within {@code contactSpread} of
   * {@code dunning-journey}): the engine clock is shared and its time of day drifts as tests move
   * it.
   */
  protected void moveToContactHours() {
    Instant allowed = contactWindows.nextAllowed(Uf.SP, engine.now());
    Instant stepsRun = afterContactSpread(LocalDate.ofInstant(allowed, SAO_PAULO));
    moveClockTo(allowed.isBefore(stepsRun) ? stepsRun : allowed);
  }

  /**
   * A minute after every debt's dated steps of the day have fired: 09:00 plus the model's {@code
   * contactSpread} (12:00 with PT3H), plus a minute. Read from the model, so a test that looks at a
   * whole day never stops before a debt's contact time when an analyst widens the spread.
   */
  protected static Instant afterContactSpread(LocalDate day) {
    return day.atTime(ContactSpread.dayDone()).plusMinutes(1).atZone(SAO_PAULO).toInstant();
  }

  /**
   * A minute after the debt's dated steps of the day fire: 09:01 plus the debt's minute ({@code
   * contactMinuteOffset}, which its journey derives from the debt id when it starts).
   */
  protected Instant contactAt(String debtId, LocalDate day) {
    return at(day, 9, 1).plus(Duration.ofMinutes(contactMinuteOffset(debtId)));
  }

  /**
   * The debt's minute after 09:00, as its journey decided it. Polled in the test's own thread: the
   * first read of the engine's records in a JVM goes through the whole log, and Awaitility cancels
   * a condition still running at its deadline by interrupting it, which must not happen to a reader
   * of the engine's log.
   */
  protected int contactMinuteOffset(String debtId) {
    EngineRecords records = new EngineRecords(engine);
    String offset =
        await()
            .pollInSameThread()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    api.timelineTypes(debtId).contains("JOURNEY_STARTED")
                        ? records
                            .variable(api.journeyKey(debtId), "contactMinuteOffset")
                            .orElse(null)
                        : null,
                java.util.Objects::nonNull);
    return new java.math.BigDecimal(offset).intValueExact();
  }

  /**
   * The first due date from {@code earliest} on whose step days (due date plus each offset) a São
   * Paulo debtor may be contacted from 09:00 to the end of the contact spread (the debts' minutes):
   * no Sundays, no national holidays. Tests that walk the régua day by day use it, so the contact
   * policy postpones nothing they count on.
   */
  protected LocalDate dueDateWithContactDays(LocalDate earliest, int... stepOffsets) {
    LocalDate due = earliest;
    while (!allContactDays(due, stepOffsets)) {
      due = due.plusDays(1);
    }
    return due;
  }

  private boolean allContactDays(LocalDate due, int... offsets) {
    for (int offset : offsets) {
      LocalDate day = due.plusDays(offset);
      if (!contactWindows.allows(Uf.SP, at(day, 9, 1))
          || !contactWindows.allows(Uf.SP, afterContactSpread(day).minusSeconds(120))) {
        return false;
      }
    }
    return true;
  }

  protected boolean journeyEnded(String debtId) {
    return new EngineRecords(engine).isCompleted(api.journeyKey(debtId));
  }

  private static GreenMail startSmtp() {
    GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    greenMail.start();
    Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
    return greenMail;
  }
}
