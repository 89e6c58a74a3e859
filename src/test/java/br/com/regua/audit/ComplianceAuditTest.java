package br.com.regua.audit;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.audit.ComplianceAudit.Finding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit over a database written by hand: for each rule, debts that keep it and debts that break
 * it, in a schema of their own migrated by the service's Flyway scripts (real PostgreSQL, no Spring
 * context: the audit runs without the service).
 */
class ComplianceAuditTest {

  private static final String SCHEMA = "audit_test";
  private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
  private static final String CREDITOR =
      "Credora Teste Ltda., CNPJ 12.ABC.345/01DE-35, Rua das Flores, 10, São Paulo - SP";
  private static final AtomicLong KEYS = new AtomicLong();

  private static Connection db;
  private static Map<String, Set<String>> violatorsByRule;

  @BeforeAll
  static void writeARunAndAuditIt() throws SQLException {
    String base =
        System.getenv()
            .getOrDefault("TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/test")
            .replaceFirst("\\?.*$", "");
    Flyway flyway =
        Flyway.configure()
            .dataSource(base, "postgres", "")
            .schemas(SCHEMA)
            .cleanDisabled(false)
            .load();
    flyway.clean();
    flyway.migrate();
    db = DriverManager.getConnection(base + "?currentSchema=" + SCHEMA, "postgres", "");

    givenContactsAtVariousHours();
    givenTwoContactsOnOneDay();
    givenConsents();
    givenClosedAndContestedDebts();
    givenNegativations();
    givenAgreements();
    givenPostponements();
    givenSupersededSteps();
    givenALetterWithoutItsPdf();
    givenALetterRecordedWithoutAProvider();
    givenHolds();

    LegalCalendar calendar = new LegalCalendar();
    ComplianceAudit audit =
        new ComplianceAudit(
            List.of(
                new ContactHoursRule(calendar),
                new DailyContactLimitRule(1),
                new ChannelConsentRule(),
                new SilenceAfterCloseRule(),
                new NoticeBeforeNegativationRule(calendar),
                new RemovalAfterPaymentRule(calendar),
                new LateChargesCapRule(),
                new CreditorNamedRule(
                    "Credora Teste Ltda.", "12.ABC.345/01DE-35", "Rua das Flores, 10"),
                new PostponedStepsRule(),
                new SupersededStepsRule(),
                new NothingWhileHeldRule()));
    List<Finding> findings = audit.run(AuditRecords.load(db));
    violatorsByRule =
        findings.stream()
            .collect(
                Collectors.toMap(
                    f -> f.rule().name(),
                    f ->
                        f.violations().stream()
                            .map(Violation::debtId)
                            .collect(Collectors.toCollection(java.util.TreeSet::new))));
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
  }

  @Test
  void contactsOutsideTheStatesHoursOnSundaysAndHolidaysAreViolations() {
    assertThat(violatorsByRule.get("contact-hours"))
        .containsExactlyInAnyOrder(
            "H-SP-SUNDAY", "H-SP-21H", "H-SP-9-JULY", "H-RJ-SATURDAY", "H-AM-ZONE");
  }

  @Test
  void aSecondContactOnTheSameDayIsAViolationAcrossTheDebtorsDebts() {
    assertThat(violatorsByRule.get("contacts-per-day")).containsExactly("D-TWICE-B");
  }

  @Test
  void optOutsAndWhatsAppWithoutOptInAreViolations() {
    assertThat(violatorsByRule.get("channel-consent"))
        .containsExactlyInAnyOrder("C-SMS-AFTER-OPT-OUT", "C-WHATSAPP-NO-OPT-IN");
  }

  @Test
  void contactsAfterPaymentDuringADisputeOrAfterRenegotiationAreViolations() {
    assertThat(violatorsByRule.get("silence-after-close"))
        .containsExactlyInAnyOrder("S-AFTER-PAID", "S-IN-DISPUTE", "S-REMINDER-AFTER-AGREEMENT");
  }

  @Test
  void aNegativationNeedsAProvenNoticeAndTheStatesWait() {
    assertThat(violatorsByRule.get("notice-before-negativation"))
        .containsExactlyInAnyOrder("N-SP-TOO-SOON", "N-EMAIL-UNPROVEN", "N-NO-NOTICE");
  }

  @Test
  void aPaidDebtIsNotNegativatedAndItsRemovalIsRequestedWithinFiveBusinessDays() {
    assertThat(violatorsByRule.get("removal-after-payment"))
        .containsExactlyInAnyOrder("N-REMOVED-LATE", "N-NEVER-REMOVED", "N-AFTER-PAID");
  }

  @Test
  void aFineAbove2PercentOrInterestAbove1PercentAMonthIsAViolation() {
    assertThat(violatorsByRule.get("late-charges-cap"))
        .containsExactlyInAnyOrder("A-FINE-3", "A-INTEREST-HIGH");
  }

  @Test
  void everyMessageNamesTheCreditor() {
    assertThat(violatorsByRule.get("creditor-named"))
        .containsExactlyInAnyOrder("R-NO-CNPJ", "R-EMAIL-NO-ADDRESS", "R-LETTER-NOT-KEPT");
  }

  @Test
  void aPostponedStepWithNothingAfterItIsAViolation() {
    assertThat(violatorsByRule.get("postponed-steps-resolved"))
        .containsExactlyInAnyOrder("P-VANISHED", "P-PAID-AFTER-MOVING-ON", "P-STALE-PROMISE");
  }

  @Test
  void aSupersededStepHandsOverToAStepThatLeavesAnOutcomeAndTheNoticeIsNeverSuperseded() {
    assertThat(violatorsByRule.get("superseded-steps-handed-over"))
        .containsExactlyInAnyOrder("SUP-VANISHED", "SUP-NOTICE");
    // and a step superseded after its postponement is accounted for
    assertThat(violatorsByRule.get("postponed-steps-resolved")).doesNotContain("SUP-HANDED-OVER");
  }

  @Test
  void aContactOrANegativationWhileAHoldStandsIsAViolationOnAnyOfTheDebtorsDebts() {
    assertThat(violatorsByRule.get("nothing-while-held"))
        .containsExactlyInAnyOrder("HOLD-CONTACT", "HOLD-NEGATIVATED", "HOLD-DEATH-B");
  }

  @Test
  void theReportNamesEachBrokenRuleWithExamplesAndFails() throws SQLException {
    var out = new ByteArrayOutputStream();
    AuditRecords records = AuditRecords.load(db);
    boolean passed =
        ComplianceAudit.report(
            records,
            new ComplianceAudit(List.of(new DailyContactLimitRule(1))).run(records),
            3,
            new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(passed).isFalse();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("FAIL contacts-per-day")
        .contains("D-TWICE-B: 2 contacts on 2026-12-08")
        .contains("audit: FAILED (1 violation(s))");
  }

  @Test
  void aRuleKeptByEveryDebtPasses() throws SQLException {
    AuditRecords records = AuditRecords.load(db);
    var out = new ByteArrayOutputStream();
    boolean passed =
        ComplianceAudit.report(
            records,
            new ComplianceAudit(List.of(new DailyContactLimitRule(5))).run(records),
            3,
            new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(passed).isTrue();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("audit: PASSED");
  }

  // --- the run, written by hand ---

  private static void givenContactsAtVariousHours() throws SQLException {
    debt("H-SP-OK", "SP");
    sent("H-SP-OK", "EMAIL", local("2026-12-07T10:00", "SP")); // a Monday
    debt("H-SP-SUNDAY", "SP");
    sent("H-SP-SUNDAY", "EMAIL", local("2026-12-13T10:00", "SP"));
    debt("H-SP-21H", "SP");
    sent("H-SP-21H", "EMAIL", local("2026-12-08T20:00", "SP"));
    debt("H-SP-9-JULY", "SP"); // state holiday (Revolução Constitucionalista), a Thursday in 2026
    sent("H-SP-9-JULY", "EMAIL", local("2026-07-09T10:00", "SP"));
    debt("H-RJ-SATURDAY", "RJ"); // RJ allows no contact on Saturdays
    sent("H-RJ-SATURDAY", "EMAIL", local("2026-12-12T10:00", "RJ"));
    debt("H-SP-SATURDAY", "SP");
    sent("H-SP-SATURDAY", "EMAIL", local("2026-12-12T10:00", "SP"));
    debt("H-AM-ZONE", "AM"); // 08:30 in São Paulo is 07:30 in Manaus
    sent("H-AM-ZONE", "EMAIL", local("2026-12-09T08:30", "SP"));
    debt("H-RECORDED-ONLY-POSTPONED", "SP");
    contact(
        "H-RECORDED-ONLY-POSTPONED",
        "D0",
        "EMAIL",
        "reminder-due-day",
        "SUPPRESSED",
        local("2026-12-13T10:00", "SP"),
        null,
        null,
        null);
  }

  private static void givenTwoContactsOnOneDay() throws SQLException {
    debtor("11144477735", "SP");
    debtOf("D-TWICE-A", "11144477735");
    debtOf("D-TWICE-B", "11144477735");
    sent("D-TWICE-A", "EMAIL", local("2026-12-08T09:10", "SP"));
    sent("D-TWICE-B", "SMS", local("2026-12-08T15:00", "SP"));
    sent("D-TWICE-A", "EMAIL", local("2026-12-09T09:10", "SP"));
  }

  private static void givenConsents() throws SQLException {
    debt("C-SMS-AFTER-OPT-OUT", "SP");
    consent("C-SMS-AFTER-OPT-OUT", "SMS", "OPT_OUT", local("2026-12-07T09:00", "SP"));
    sent("C-SMS-AFTER-OPT-OUT", "SMS", local("2026-12-08T10:00", "SP"));
    debt("C-SMS-BEFORE-OPT-OUT", "SP");
    consent("C-SMS-BEFORE-OPT-OUT", "SMS", "OPT_OUT", local("2026-12-09T09:00", "SP"));
    sent("C-SMS-BEFORE-OPT-OUT", "SMS", local("2026-12-08T10:00", "SP"));
    debt("C-WHATSAPP-NO-OPT-IN", "SP");
    sent("C-WHATSAPP-NO-OPT-IN", "WHATSAPP", local("2026-12-08T10:00", "SP"));
    debt("C-WHATSAPP-OPT-IN", "SP");
    consent("C-WHATSAPP-OPT-IN", "WHATSAPP", "OPT_IN", local("2026-12-01T09:00", "SP"));
    sent("C-WHATSAPP-OPT-IN", "WHATSAPP", local("2026-12-08T10:00", "SP"));
  }

  private static void givenClosedAndContestedDebts() throws SQLException {
    debt("S-AFTER-PAID", "SP");
    event("S-AFTER-PAID", "PAID", local("2026-12-08T09:00", "SP"));
    sent("S-AFTER-PAID", "EMAIL", local("2026-12-08T10:00", "SP"));
    debt("S-BEFORE-PAID", "SP");
    sent("S-BEFORE-PAID", "EMAIL", local("2026-12-08T10:00", "SP"));
    event("S-BEFORE-PAID", "PAID", local("2026-12-08T11:00", "SP"));
    debt("S-IN-DISPUTE", "SP");
    dispute("S-IN-DISPUTE", local("2026-12-07T09:00", "SP"), null);
    sent("S-IN-DISPUTE", "EMAIL", local("2026-12-08T10:00", "SP"));
    debt("S-AFTER-DISPUTE", "SP");
    dispute("S-AFTER-DISPUTE", local("2026-12-07T09:00", "SP"), local("2026-12-07T12:00", "SP"));
    sent("S-AFTER-DISPUTE", "EMAIL", local("2026-12-08T10:00", "SP"));
    debt("S-INSTALLMENT-AFTER-AGREEMENT", "SP");
    event("S-INSTALLMENT-AFTER-AGREEMENT", "RENEGOTIATED", local("2026-12-07T09:00", "SP"));
    contact(
        "S-INSTALLMENT-AFTER-AGREEMENT",
        "A1",
        "EMAIL",
        "agreement-installment-before-due",
        "SENT",
        local("2026-12-08T10:00", "SP"),
        CREDITOR,
        null,
        null);
    debt("S-REMINDER-AFTER-AGREEMENT", "SP");
    event("S-REMINDER-AFTER-AGREEMENT", "RENEGOTIATED", local("2026-12-07T09:00", "SP"));
    sent("S-REMINDER-AFTER-AGREEMENT", "EMAIL", local("2026-12-08T10:00", "SP"));
    debt("S-BROKEN-AGREEMENT", "SP");
    event("S-BROKEN-AGREEMENT", "RENEGOTIATED", local("2026-12-07T09:00", "SP"));
    event("S-BROKEN-AGREEMENT", "RETURNED_TO_COLLECTION", local("2026-12-07T11:00", "SP"));
    sent("S-BROKEN-AGREEMENT", "EMAIL", local("2026-12-08T10:00", "SP"));
  }

  private static void givenNegativations() throws SQLException {
    // SP waits 20 days: a letter mailed on 16 Nov allows 7 Dec, one mailed on 19 Nov does not
    debt("N-SP-OK", "SP");
    notice("N-SP-OK", "LETTER", local("2026-11-16T10:00", "SP"), null, null);
    negativation("N-SP-OK", local("2026-12-07T10:00", "SP"), null);
    debt("N-SP-TOO-SOON", "SP");
    notice("N-SP-TOO-SOON", "LETTER", local("2026-11-19T10:00", "SP"), null, null);
    negativation("N-SP-TOO-SOON", local("2026-12-07T10:00", "SP"), null);
    debt("N-EMAIL-PROVEN", "BA"); // others wait 10 days, from the delivery
    notice(
        "N-EMAIL-PROVEN",
        "EMAIL",
        local("2026-11-19T10:00", "BA"),
        "READ",
        local("2026-11-25T10:00", "BA"));
    negativation("N-EMAIL-PROVEN", local("2026-12-07T10:00", "BA"), null);
    debt("N-EMAIL-UNPROVEN", "BA");
    notice("N-EMAIL-UNPROVEN", "EMAIL", local("2026-11-19T10:00", "BA"), null, null);
    negativation("N-EMAIL-UNPROVEN", local("2026-12-07T10:00", "BA"), null);
    debt("N-NO-NOTICE", "BA");
    negativation("N-NO-NOTICE", local("2026-12-07T10:00", "BA"), null);
    // paid on Tuesday 1 Dec: 5 business days end on Tuesday 8 Dec
    debt("N-REMOVED-IN-TIME", "BA");
    notice("N-REMOVED-IN-TIME", "LETTER", local("2026-10-01T10:00", "BA"), null, null);
    negativation(
        "N-REMOVED-IN-TIME", local("2026-11-01T10:00", "BA"), local("2026-12-08T18:00", "SP"));
    event("N-REMOVED-IN-TIME", "PAID", local("2026-12-01T10:00", "SP"));
    debt("N-REMOVED-LATE", "BA");
    notice("N-REMOVED-LATE", "LETTER", local("2026-10-01T10:00", "BA"), null, null);
    negativation(
        "N-REMOVED-LATE", local("2026-11-01T10:00", "BA"), local("2026-12-09T10:00", "SP"));
    event("N-REMOVED-LATE", "PAID", local("2026-12-01T10:00", "SP"));
    debt("N-NEVER-REMOVED", "BA");
    notice("N-NEVER-REMOVED", "LETTER", local("2026-10-01T10:00", "BA"), null, null);
    negativation("N-NEVER-REMOVED", local("2026-11-01T10:00", "BA"), null);
    event("N-NEVER-REMOVED", "PAID", local("2026-12-01T10:00", "SP"));
    event("N-NEVER-REMOVED", "EMAIL_OPENED", local("2026-12-20T10:00", "SP")); // the run went on
    debt("N-AFTER-PAID", "BA");
    notice("N-AFTER-PAID", "LETTER", local("2026-10-01T10:00", "BA"), null, null);
    event("N-AFTER-PAID", "PAID", local("2026-10-30T10:00", "SP"));
    negativation("N-AFTER-PAID", local("2026-11-01T10:00", "BA"), null);
  }

  private static void givenAgreements() throws SQLException {
    // 100,000 cents due 1 Nov, interest from then; signed 1 Dec: 30 days, at most 1% and 2%
    debt("A-OK", "SP");
    agreement("A-OK", local("2026-12-01T10:00", "SP"), 100_000, 2_000, 1_000);
    debt("A-FINE-3", "SP");
    agreement("A-FINE-3", local("2026-12-01T10:00", "SP"), 100_000, 3_000, 1_000);
    debt("A-INTEREST-HIGH", "SP");
    agreement("A-INTEREST-HIGH", local("2026-12-01T10:00", "SP"), 100_000, 2_000, 1_001);
  }

  private static void givenPostponements() throws SQLException {
    debt("P-RESOLVED", "RJ");
    postponed(
        "P-RESOLVED", "D-3", local("2026-12-12T10:00", "RJ"), local("2026-12-14T09:00", "RJ"));
    contact(
        "P-RESOLVED",
        "D-3",
        "EMAIL",
        "reminder-before-due",
        "SENT",
        local("2026-12-14T09:00", "RJ"),
        CREDITOR,
        null,
        null);
    debt("P-VANISHED", "RJ");
    postponed("P-VANISHED", "D0", local("2026-12-12T10:00", "RJ"), local("2026-12-14T09:00", "RJ"));
    contact(
        "P-VANISHED",
        "D+1",
        "EMAIL",
        "extra-day-offer",
        "SENT",
        local("2026-12-15T09:00", "RJ"),
        CREDITOR,
        null,
        null);
    debt("P-PAID-MEANWHILE", "RJ");
    postponed(
        "P-PAID-MEANWHILE", "D0", local("2026-12-12T10:00", "RJ"), local("2026-12-14T09:00", "RJ"));
    event("P-PAID-MEANWHILE", "PAID", local("2026-12-13T09:00", "SP"));
    // paid as the step fell due, before its contact: the clock had moved on to noon
    debt("P-PAID-AS-DUE", "RJ");
    postponed(
        "P-PAID-AS-DUE", "D0", local("2026-12-12T10:00", "RJ"), local("2026-12-14T09:00", "RJ"));
    event("P-PAID-AS-DUE", "PAID", local("2026-12-14T12:00", "RJ"));
    // disputed while D0 was being attempted, after D-3: the dispute reached the journey after the
    // attempt recorded its postponement
    debt("P-DISPUTED-AS-ATTEMPTED", "RJ");
    contact(
        "P-DISPUTED-AS-ATTEMPTED",
        "D-3",
        "EMAIL",
        "reminder-before-due",
        "SENT",
        local("2026-12-09T10:00", "RJ"),
        CREDITOR,
        null,
        null);
    event("P-DISPUTED-AS-ATTEMPTED", "DISPUTE_OPENED", local("2026-12-12T09:59", "RJ"));
    postponed(
        "P-DISPUTED-AS-ATTEMPTED",
        "D0",
        local("2026-12-12T10:00", "RJ"),
        local("2026-12-14T09:00", "RJ"));
    // but a promise made before D-3 went out is no excuse for D0
    debt("P-STALE-PROMISE", "RJ");
    event("P-STALE-PROMISE", "PROMISE_MADE", local("2026-12-08T10:00", "RJ"));
    contact(
        "P-STALE-PROMISE",
        "D-3",
        "EMAIL",
        "reminder-before-due",
        "SENT",
        local("2026-12-09T10:00", "RJ"),
        CREDITOR,
        null,
        null);
    postponed(
        "P-STALE-PROMISE", "D0", local("2026-12-12T10:00", "RJ"), local("2026-12-14T09:00", "RJ"));
    // nor a payment after the journey had gone on to D+1 without it: the step vanished
    debt("P-PAID-AFTER-MOVING-ON", "RJ");
    postponed(
        "P-PAID-AFTER-MOVING-ON",
        "D0",
        local("2026-12-12T10:00", "RJ"),
        local("2026-12-14T09:00", "RJ"));
    contact(
        "P-PAID-AFTER-MOVING-ON",
        "D+1",
        "EMAIL",
        "extra-day-offer",
        "SENT",
        local("2026-12-15T09:00", "RJ"),
        CREDITOR,
        null,
        null);
    event("P-PAID-AFTER-MOVING-ON", "PAID", local("2026-12-16T12:00", "RJ"));
    debt("P-NOT-YET-DUE", "RJ");
    postponed(
        "P-NOT-YET-DUE", "D0", local("2026-12-19T10:00", "RJ"), local("2026-12-21T09:00", "RJ"));
    // the creditor's identification
    debt("R-NO-CNPJ", "SP");
    contact(
        "R-NO-CNPJ",
        "D0",
        "SMS",
        "reminder-due-day",
        "SENT",
        local("2026-12-02T10:00", "SP"),
        "Credora Teste Ltda.: vence hoje",
        null,
        null);
    debt("R-SMS-OK", "SP");
    contact(
        "R-SMS-OK",
        "D0",
        "SMS",
        "reminder-due-day",
        "SENT",
        local("2026-12-02T10:00", "SP"),
        "Credora Teste Ltda. CNPJ 12ABC34501DE35: vence hoje",
        null,
        null);
    debt("R-EMAIL-NO-ADDRESS", "SP");
    contact(
        "R-EMAIL-NO-ADDRESS",
        "D0",
        "EMAIL",
        "reminder-due-day",
        "SENT",
        local("2026-12-02T10:00", "SP"),
        "Credora Teste Ltda.\nCNPJ 12.ABC.345/01DE-35",
        null,
        null);
  }

  private static void givenALetterRecordedWithoutAProvider() throws SQLException {
    debt("R-LETTER-RECORDED", "SP");
    contact(
        "R-LETTER-RECORDED",
        "D+20",
        "LETTER",
        "negativation-notice",
        "RECORDED",
        local("2026-12-02T10:00", "SP"),
        CREDITOR,
        null,
        null);
  }

  private static void givenALetterWithoutItsPdf() throws SQLException {
    debt("R-LETTER-NOT-KEPT", "SP");
    contact(
        "R-LETTER-NOT-KEPT",
        "D+20",
        "LETTER",
        "collection-letter",
        "SENT",
        local("2026-12-02T10:00", "SP"),
        null,
        null,
        null);
  }

  private static void givenHolds() throws SQLException {
    // a legal hold from 7 to 10 Dec: a contact made inside it breaks the rule; one logged HELD
    // (not made), one before the placing, one stamped with the placing's very instant (made before
    // the hold committed, both under the debtor's lock: a clock standing still) and one after the
    // lifting do not
    debt("HOLD-CONTACT", "SP");
    hold("HOLD-CONTACT", "LEGAL", local("2026-12-07T09:00", "SP"), local("2026-12-10T09:00", "SP"));
    sent("HOLD-CONTACT", "EMAIL", local("2026-12-08T10:00", "SP"));
    debt("HOLD-KEPT", "SP");
    hold("HOLD-KEPT", "LEGAL", local("2026-12-07T09:00", "SP"), local("2026-12-10T09:00", "SP"));
    sent("HOLD-KEPT", "EMAIL", local("2026-12-04T10:00", "SP"));
    sent("HOLD-KEPT", "EMAIL", local("2026-12-07T09:00", "SP"));
    contact(
        "HOLD-KEPT",
        "K" + KEYS.incrementAndGet(),
        "EMAIL",
        "reminder-due-day",
        "HELD",
        local("2026-12-08T10:00", "SP"),
        null,
        null,
        null);
    sent("HOLD-KEPT", "EMAIL", local("2026-12-11T10:00", "SP"));
    // a negativation during a hold that still stands, its notice proven long before
    debt("HOLD-NEGATIVATED", "BA");
    notice("HOLD-NEGATIVATED", "LETTER", local("2026-11-03T10:00", "BA"), null, null);
    hold("HOLD-NEGATIVATED", "JUDICIAL_RECOVERY", local("2026-12-01T09:00", "SP"), null);
    negativation("HOLD-NEGATIVATED", local("2026-12-07T10:00", "BA"), null);
    // a death: the debtor's other debt is contacted afterwards
    debt("HOLD-DEATH-A", "SP");
    hold("HOLD-DEATH-A", "DECEASED", local("2026-12-07T09:00", "SP"), null);
    debtOf("HOLD-DEATH-B", documentOf("HOLD-DEATH-A"));
    sent("HOLD-DEATH-B", "SMS", local("2026-12-09T10:00", "SP"));
  }

  // --- writing rows ---

  private static String documentOf(String debtId) {
    return String.format("%011d", Math.abs(debtId.hashCode()) % 100_000_000_000L);
  }

  private static void hold(String debtId, String kind, Instant placed, Instant lifted)
      throws SQLException {
    exec(
        """
        insert into debtor_hold (hold_id, debtor_document, kind, reason, source, starts_on,
                                 placed_at, lifted_at)
        values (?, ?, ?, 'ordem', 'TJSP', ?, ?, ?)
        """,
        "HOLD-" + KEYS.incrementAndGet(),
        documentOf(debtId),
        kind,
        LocalDate.of(2026, 12, 1),
        Timestamp.from(placed),
        lifted == null ? null : Timestamp.from(lifted));
  }

  private static void debtor(String document, String state) throws SQLException {
    exec(
        "insert into debtor (document, name, email, phone, state, updated_at) values (?, ?, ?, ?, ?, now())",
        document,
        "Devedor " + document,
        document + "@example.com",
        "+5511999990000",
        state);
  }

  private static void debt(String debtId, String state) throws SQLException {
    String document = documentOf(debtId);
    debtor(document, state);
    debtOf(debtId, document);
  }

  private static void debtOf(String debtId, String document) throws SQLException {
    exec(
        """
        insert into debt (debt_id, debtor_document, amount_cents, open_balance_cents, due_date,
                          status, payment_token, registration_fingerprint, registered_at,
                          updated_at, interest_from)
        values (?, ?, 100000, 100000, ?, 'OPEN', ?, 'x', ?, now(), ?)
        """,
        debtId,
        document,
        LocalDate.of(2026, 11, 1),
        UUID.randomUUID(),
        Timestamp.from(local("2026-10-01T10:00", "SP")),
        LocalDate.of(2026, 11, 1));
  }

  private static void sent(String debtId, String channel, Instant at) throws SQLException {
    contact(
        debtId,
        "S" + KEYS.incrementAndGet(),
        channel,
        "reminder-due-day",
        "SENT",
        at,
        CREDITOR,
        null,
        null);
  }

  private static void notice(
      String debtId, String channel, Instant at, String deliveryStatus, Instant deliveredAt)
      throws SQLException {
    boolean letter = channel.equals("LETTER");
    String key =
        contact(
            debtId,
            "D+20",
            channel,
            "negativation-notice",
            "SENT",
            at,
            letter ? null : CREDITOR,
            deliveryStatus,
            deliveredAt);
    if (letter) {
      exec(
          """
          insert into document (id, debt_id, kind, content_type, bytes, sha256, contact_key,
                                created_at)
          values (?, ?, 'negativation-notice', 'application/pdf', ?, ?, ?, now())
          """,
          UUID.randomUUID(),
          debtId,
          pdf(CREDITOR),
          "0".repeat(64),
          key);
    }
  }

  /** A one-page PDF whose text the audit extracts, as it does from the letters mailed. */
  private static byte[] pdf(String text) {
    try (PDDocument pdf = new PDDocument()) {
      PDPage page = new PDPage();
      pdf.addPage(page);
      try (var content = new PDPageContentStream(pdf, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
        content.newLineAtOffset(40, 700);
        content.showText(text);
        content.endText();
      }
      var bytes = new ByteArrayOutputStream();
      pdf.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void givenSupersededSteps() throws SQLException {
    // D0 postponed from Saturday 12 to Monday 14 December, past D+1's Sunday: D+1 goes out instead
    debt("SUP-HANDED-OVER", "RJ");
    postponed(
        "SUP-HANDED-OVER", "D0", local("2026-12-12T10:00", "RJ"), local("2026-12-14T09:00", "RJ"));
    superseded("SUP-HANDED-OVER", "D0", "reminder-due-day", local("2026-12-12T10:00", "RJ"));
    contact(
        "SUP-HANDED-OVER",
        "D+1",
        "EMAIL",
        "extra-day-offer",
        "SENT",
        local("2026-12-14T09:00", "RJ"),
        CREDITOR,
        null,
        null);
    // an intensive debt's D+1 is an agent's call: its outcome is a timeline event, not a contact
    debt("SUP-TO-CALL", "RJ");
    superseded("SUP-TO-CALL", "D0", "reminder-due-day", local("2026-12-12T10:00", "RJ"));
    exec(
        "insert into debt_event (debt_id, type, detail, occurred_at) values (?, ?, ?, ?)",
        "SUP-TO-CALL",
        "AGENT_TASK_EXPIRED",
        "Ligação D+1 não feita até o prazo (o fim da janela de contato do dia)",
        Timestamp.from(local("2026-12-14T19:00", "RJ")));
    debt("SUP-VANISHED", "RJ");
    superseded("SUP-VANISHED", "D0", "reminder-due-day", local("2026-12-12T10:00", "RJ"));
    debt("SUP-NOTICE", "RJ");
    superseded("SUP-NOTICE", "D+20", "negativation-notice", local("2026-12-12T10:00", "RJ"));
  }

  private static void superseded(String debtId, String step, String template, Instant at)
      throws SQLException {
    exec(
        """
        insert into contact (debt_id, idempotency_key, step, channel, template, outcome, detail,
                             occurred_at)
        values (?, ?, ?, 'EMAIL', ?, 'SKIPPED', ?, ?)
        """,
        debtId,
        debtId + ":" + step + ":EMAIL",
        step,
        template,
        "substituída por D+1, que sai no lugar dela: adiada para 14/12/2026 09:00, ela alcançaria"
            + " o dia de D+1 (13/12/2026)",
        Timestamp.from(at));
  }

  private static void postponed(String debtId, String step, Instant at, Instant until)
      throws SQLException {
    exec(
        """
        insert into contact (debt_id, idempotency_key, step, channel, template, outcome, detail,
                             occurred_at)
        values (?, ?, ?, 'EMAIL', 'reminder-due-day', 'POSTPONED', 'fora do horário', ?)
        """,
        debtId,
        debtId + ":" + step + ":EMAIL@" + until,
        step,
        Timestamp.from(at));
  }

  private static String contact(
      String debtId,
      String step,
      String channel,
      String template,
      String outcome,
      Instant at,
      String payload,
      String deliveryStatus,
      Instant deliveredAt)
      throws SQLException {
    String key = debtId + ":" + step + ":" + channel + ":" + KEYS.incrementAndGet();
    exec(
        """
        insert into contact (debt_id, idempotency_key, step, channel, template, outcome,
                             occurred_at, payload, delivery_status, delivery_updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        debtId,
        key,
        step,
        channel,
        template,
        outcome,
        Timestamp.from(at),
        payload,
        deliveryStatus,
        deliveredAt == null ? null : Timestamp.from(deliveredAt));
    return key;
  }

  private static void event(String debtId, String type, Instant at) throws SQLException {
    exec(
        "insert into debt_event (debt_id, type, occurred_at) values (?, ?, ?)",
        debtId,
        type,
        Timestamp.from(at));
  }

  private static void consent(String debtId, String channel, String consent, Instant at)
      throws SQLException {
    exec(
        """
        insert into debtor_channel_consent (document, channel, consent, updated_at)
        select debtor_document, ?, ?, ? from debt where debt_id = ?
        """,
        channel,
        consent,
        Timestamp.from(at),
        debtId);
  }

  private static void dispute(String debtId, Instant opened, Instant resolved) throws SQLException {
    exec(
        """
        insert into dispute (dispute_id, debt_id, reason, status, opened_at, resolved_at)
        values (?, ?, 'não reconheço', ?, ?, ?)
        """,
        "DSP-" + debtId,
        debtId,
        resolved == null ? "OPEN" : "RESUMED",
        Timestamp.from(opened),
        resolved == null ? null : Timestamp.from(resolved));
  }

  private static void negativation(String debtId, Instant at, Instant removalRequested)
      throws SQLException {
    exec(
        """
        insert into negativation (debt_id, protocol, status, negativated_at, removal_requested_at,
                                  removal_deadline)
        values (?, ?, ?, ?, ?, ?)
        """,
        debtId,
        "P-" + debtId,
        removalRequested == null ? "NEGATIVATED" : "REMOVAL_REQUESTED",
        Timestamp.from(at),
        removalRequested == null ? null : Timestamp.from(removalRequested),
        removalRequested == null ? null : LocalDate.of(2026, 12, 8));
  }

  private static void agreement(
      String debtId, Instant signed, long principal, long fine, long interest) throws SQLException {
    String id = "AG-" + debtId;
    exec(
        """
        insert into agreement (agreement_id, debt_id, installments, signed_at, status, source,
                               principal_cents, fine_cents, interest_cents, discount_cents,
                               total_cents, first_due_date)
        values (?, ?, 1, ?, 'ACTIVE', 'OFFER', ?, ?, ?, 0, ?, ?)
        """,
        id,
        debtId,
        Timestamp.from(signed),
        principal,
        fine,
        interest,
        principal + fine + interest,
        LocalDate.of(2026, 12, 4));
    exec(
        "insert into agreement_debt (agreement_id, debt_id, position, balance_cents) values (?, ?, 1, ?)",
        id,
        debtId,
        principal);
  }

  private static Instant local(String dateTime, String state) {
    ZoneId zone = br.com.regua.brazil.Uf.valueOf(state).zone();
    return LocalDateTime.parse(dateTime).atZone(zone == null ? SAO_PAULO : zone).toInstant();
  }

  private static void exec(String sql, Object... params) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      statement.executeUpdate();
    }
  }
}
