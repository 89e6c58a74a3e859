package br.com.regua.devkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.brazil.Uf;
import br.com.regua.engagement.EngagementService;
import br.com.regua.journey.DebtRegistration;
import br.com.regua.payment.PaymentService;
import br.com.regua.promise.PromiseService;
import br.com.regua.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Same seed, same numbers: a small portfolio simulated twice on the real engine, services and
 * database gives the same figures day by day. The engine clock is shared and only moves forward, so
 * the second run starts two weeks after the first, on the same weekday, in a fortnight without a
 * national holiday either (the contact policy's calendar is then the same), with debtors of its
 * own.
 */
class SimulationDeterminismTest extends IntegrationTest {

  private static final int DAYS = 8;

  @Autowired DebtRegistration debts;
  @Autowired PaymentService payments;
  @Autowired PromiseService promises;
  @Autowired EngagementService engagement;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @TempDir Path dir;

  @Test
  void theSameSeedGivesTheSameFiguresEveryDay() throws Exception {
    LocalDate first = plainFortnightFrom(today().plusDays(7));
    LocalDate second = plainFortnightFrom(first.plusDays(DAYS + 1));

    SimulationResult a = simulate(first, "DETA");
    SimulationResult b = simulate(second, "DETB");

    Report.write(a, dir.resolve("a"));
    Report.write(b, dir.resolve("b"));
    List<String> daysA = withoutDates(dir.resolve("a/days.csv"));
    assertThat(withoutDates(dir.resolve("b/days.csv"))).isEqualTo(daysA);
    assertThat(Files.readString(dir.resolve("b/settlement.csv")))
        .isEqualTo(Files.readString(dir.resolve("a/settlement.csv")));
    assertThat(b.contactsByChannel()).isEqualTo(a.contactsByChannel());
    // the journeys did work worth comparing: reminders went out, debtors answered
    assertThat(a.dayRows().stream().mapToLong(SimulationResult.Day::contacts).sum())
        .isGreaterThan(10);
    assertThat(a.dayRows().stream().mapToLong(d -> d.payments() + d.emailOpens()).sum())
        .isPositive();
    assertThat(engine.clockPinned()).isFalse();
  }

  private SimulationResult simulate(LocalDate start, String prefix) {
    var services =
        new Simulation.Services(
            debts, payments, promises, engagement, engine, jdbc, new RecordingSinks(clock, 0));
    SimulatorOptions options =
        SimulatorOptions.parse(
                "--debts", "12", "--days", "" + DAYS, "--seed", "7", "--due-days", "2")
            .withStart(start)
            .withPrefix(prefix);
    var log = new ByteArrayOutputStream();
    return new Simulation(services, options, new PrintStream(log, true, StandardCharsets.UTF_8))
        .run();
  }

  /** The first Monday from {@code earliest} whose next three weeks have no national holiday. */
  private LocalDate plainFortnightFrom(LocalDate earliest) {
    LocalDate monday = earliest;
    while (monday.getDayOfWeek() != DayOfWeek.MONDAY || !noHolidays(monday, 21)) {
      monday = monday.plusDays(1);
    }
    return monday;
  }

  private boolean noHolidays(LocalDate from, int days) {
    return Stream.iterate(from, d -> d.plusDays(1))
        .limit(days)
        .filter(d -> d.getDayOfWeek() != DayOfWeek.SUNDAY)
        .allMatch(d -> contactWindows.allows(Uf.SP, at(d, 9, 1)));
  }

  /** The CSV's lines without the date column (the two runs are a fortnight apart). */
  private static List<String> withoutDates(Path csv) throws Exception {
    return Files.readAllLines(csv).stream()
        .map(l -> l.replaceFirst("^([^,]*),[^,]*,", "$1,"))
        .toList();
  }
}
