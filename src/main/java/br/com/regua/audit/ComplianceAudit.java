package br.com.regua.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * {@code bin/audit}: checks what a run left in a database against the law and the journey, and
 * prints the violations by rule, with examples. Exits 0 when there is none, 1 when there is any, 2
 * when the audit could not run.
 *
 * <pre>
 * bin/audit [--database-url JDBC_URL] [--examples N]
 * </pre>
 *
 * <p>The creditor and the daily contact limit come from the service's own configuration ({@code
 * application.yaml}, with the same environment variables), so the audit checks a run against what
 * that run was configured with.
 */
public final class ComplianceAudit {

  /** What the audit found: each rule with what it checked and what broke it. */
  public record Finding(AuditRule rule, long checked, List<Violation> violations) {}

  private final List<AuditRule> rules;

  public ComplianceAudit(List<AuditRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The rules, configured as the service's {@code application.yaml} and environment say. */
  public static ComplianceAudit configured(StandardEnvironment environment) {
    LegalCalendar calendar = new LegalCalendar();
    return new ComplianceAudit(
        List.of(
            new ContactHoursRule(calendar),
            new DailyContactLimitRule(
                environment.getProperty(
                    "regua.contact-policy.max-contacts-per-day", Integer.class, 1)),
            new ChannelConsentRule(),
            new SilenceAfterCloseRule(),
            new NoticeBeforeNegativationRule(calendar),
            new RemovalAfterPaymentRule(calendar),
            new LateChargesCapRule(),
            new CreditorNamedRule(
                environment.getRequiredProperty("regua.creditor.name"),
                environment.getRequiredProperty("regua.creditor.cnpj"),
                environment.getRequiredProperty("regua.creditor.address")),
            new PostponedStepsRule(),
            new SupersededStepsRule(),
            new NothingWhileHeldRule()));
  }

  /**
   * The service's configuration: its {@code application.yaml}, resolved against the environment.
   */
  static StandardEnvironment serviceEnvironment() throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    new YamlPropertySourceLoader()
        .load("application", new ClassPathResource("application.yaml"))
        .forEach(environment.getPropertySources()::addLast);
    return environment;
  }

  public List<Finding> run(AuditRecords records) {
    List<Finding> findings = new ArrayList<>();
    for (AuditRule rule : rules) {
      findings.add(new Finding(rule, rule.checked(records), rule.check(records)));
    }
    return findings;
  }

  /** Prints the findings; true when no rule was broken. */
  public static boolean report(
      AuditRecords records, List<Finding> findings, int examples, PrintStream out) {
    out.printf(
        "audit: %d debts, %d contact log entries, observed until %s%n",
        records.debtCount(), records.contacts().size(), records.observedUntil());
    long total = 0;
    for (Finding finding : findings) {
      int count = finding.violations().size();
      total += count;
      out.printf(
          "%s %-28s %6d checked, %d violation(s): %s%n",
          count == 0 ? "ok  " : "FAIL",
          finding.rule().name(),
          finding.checked(),
          count,
          finding.rule().description());
      Map<String, Violation> firstPerDebt = new LinkedHashMap<>();
      finding.violations().forEach(v -> firstPerDebt.putIfAbsent(v.debtId(), v));
      firstPerDebt.values().stream()
          .limit(examples)
          .forEach(v -> out.printf("       %s: %s%n", v.debtId(), v.what()));
    }
    out.printf("audit: %s (%d violation(s))%n", total == 0 ? "PASSED" : "FAILED", total);
    return total == 0;
  }

  public static void main(String[] args) throws IOException {
    StandardEnvironment environment = serviceEnvironment();
    String url = environment.getRequiredProperty("spring.datasource.url");
    int examples = 5;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--database-url" -> url = args[++i];
        case "--examples" -> examples = Integer.parseInt(args[++i]);
        default -> {
          System.err.println("usage: bin/audit [--database-url JDBC_URL] [--examples N]");
          System.exit(2);
        }
      }
    }
    try (Connection db =
        DriverManager.getConnection(
            url,
            environment.getProperty("spring.datasource.username"),
            environment.getProperty("spring.datasource.password"))) {
      db.setAutoCommit(false);
      db.setReadOnly(true);
      AuditRecords records = AuditRecords.load(db);
      boolean passed = report(records, configured(environment).run(records), examples, System.out);
      System.exit(passed ? 0 : 1);
    } catch (SQLException e) {
      System.err.println("audit: could not read " + url + ": " + e.getMessage());
      System.exit(2);
    }
  }
}
