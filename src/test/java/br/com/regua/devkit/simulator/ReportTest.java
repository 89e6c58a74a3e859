package br.com.regua.devkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

  @TempDir Path dir;

  static SimulationResult result(String label, long perDay) {
    List<SimulationResult.Day> days = new ArrayList<>();
    long cumulative = 0;
    for (int d = 0; d < 3; d++) {
      cumulative += perDay;
      days.add(
          new SimulationResult.Day(
              d,
              LocalDate.of(2030, 1, 7).plusDays(d),
              2,
              perDay,
              cumulative,
              5,
              1,
              2,
              0,
              3,
              d,
              4,
              1,
              1,
              2,
              1,
              10 - d));
    }
    TreeMap<Integer, Integer> settled = new TreeMap<>(Map.of(-2, 3, 10, 2, 70, 1));
    Map<String, Long> statuses = new TreeMap<>(Map.of("PAID", 6L, "ACTIVE", 4L));
    Map<String, Long> channels = new LinkedHashMap<>();
    channels.put("EMAIL", 15L);
    channels.put("SMS", 3L);
    channels.put("WHATSAPP", 6L);
    channels.put("LETTER", 0L);
    return new SimulationResult(
        label, 42, 10, 3, 1_000_000, days, settled, statuses, channels, 4, 2, 1, 1, 0);
  }

  @Test
  void writesTheFiguresTheIssueAsksForAsCsvAndAsAnHtmlPageWithInlineCharts() throws Exception {
    Report.write(result("bpmn/", 100_000), dir);

    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html).contains("<svg").contains("polyline").doesNotContain("http://cdn", "<script");
    assertThat(html)
        .contains("Recovery curve", "Contacts per channel", "task load", "postponements");
    Map<String, String> summary = Report.readSummary(dir);
    assertThat(summary)
        .containsEntry("recovered_brl", "3000.00")
        .containsEntry("recovered_pct", "30.00")
        .containsEntry("contacts_total", "24")
        .containsEntry("contacts_per_1000_brl_recovered", "8.000")
        .containsEntry("promises_kept", "2")
        .containsEntry("promises_broken", "1")
        .containsEntry("negativations", "2")
        .containsEntry("contact_policy_postponements", "9")
        .containsEntry("settled_within_30_days_overdue_pct", "83.33")
        .containsEntry("settled_after_60_days_overdue_pct", "16.67")
        .containsEntry("agent_tasks_peak_open", "4");
    assertThat(Report.recoveryCurve(dir)).containsExactly(10.0, 20.0, 30.0);
    assertThat(Files.readAllLines(dir.resolve("days.csv"))).hasSize(4);
    assertThat(Files.readAllLines(dir.resolve("settlement.csv")))
        .containsExactly("days_overdue,debts_settled", "-2,3", "10,2", "70,1");
  }

  @Test
  void comparesTwoReportsSideBySideMarkingWhatDiffers() throws Exception {
    Report.write(result("bpmn/", 100_000), dir.resolve("a"));
    Report.write(result("bpmn-d5/", 120_000), dir.resolve("b"));

    Path compare = Report.compare(dir.resolve("a"), dir.resolve("b"), dir.resolve("c"));

    String html = Files.readString(compare);
    assertThat(html).contains("A: bpmn/", "B: bpmn-d5/", "<svg", "3000.00", "3600.00");
    assertThat(html).contains("background:#fff3c4");
  }

  @Test
  void theSameResultWritesTheSameBytes() throws Exception {
    Report.write(result("bpmn/", 100_000), dir.resolve("x"));
    Report.write(result("bpmn/", 100_000), dir.resolve("y"));
    for (String f : List.of("report.html", "days.csv", "summary.csv", "settlement.csv")) {
      assertThat(Files.readString(dir.resolve("x").resolve(f)))
          .isEqualTo(Files.readString(dir.resolve("y").resolve(f)));
    }
  }
}
