package br.com.regua.journey;

import static br.com.regua.support.JourneyDriver.at;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.engine.JourneyModel;
import br.com.regua.support.JourneyDriver;
import br.com.regua.support.JourneyDriver.DebtSpec;
import br.com.regua.support.ProcessTestEngine;
import java.time.Duration;
import java.time.LocalDate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * No timer storm (issue 14, item 5): each debt's dated steps fire at its own minute after 09:00,
 * derived from its id within the spread {@code dunning-journey} declares, so the portfolio's timers
 * do not all fall due at the same instant.
 */
@Tag(ProcessTestEngine.TAG)
class ContactSpreadProcessTest {

  private final JourneyDriver journeys = new JourneyDriver();
  private final ProcessTestEngine zeebe = ProcessTestEngine.get();

  @AfterEach
  void cancelLeftovers() {
    journeys.cancelLeftovers();
  }

  @Test
  void twoDebtsGetDifferentMinutesWithinTheDeclaredSpreadAndADebtAlwaysTheSame() {
    // given two debts, and the first one started again (a journey rebuilt, a broken agreement's)
    LocalDate dueDate = journeys.today().plusDays(10);
    long first = journeys.start(debt("DEBT-2027-000001", dueDate));
    long second = journeys.start(debt("DEBT-2027-000002", dueDate));
    long firstAgain = journeys.start(debt("DEBT-2027-000001", dueDate));

    // then the model declares a spread of three hours
    Duration spread = Duration.parse(declaredSpread(first));
    assertThat(spread).isEqualTo(Duration.ofHours(3));

    // and each debt's minute is inside it: a different one for each debt, the same for one debt
    int firstOffset = journeys.contactMinuteOffset(first);
    int secondOffset = journeys.contactMinuteOffset(second);
    assertThat(firstOffset).isBetween(0, (int) spread.toMinutes() - 1).isEqualTo(129);
    assertThat(secondOffset).isBetween(0, (int) spread.toMinutes() - 1).isEqualTo(55);
    assertThat(journeys.contactMinuteOffset(firstAgain)).isEqualTo(firstOffset);
  }

  @Test
  void aStepsTimerIsDueAtNineOClockPlusTheDebtsMinute() {
    // given a debt whose minute is 129 (CRC-32 of its id, modulo the 180 minutes of the spread)
    LocalDate dueDate = journeys.today().plusDays(10);
    long journey = journeys.start(debt("DEBT-2027-000001", dueDate));

    // then its D-3 reminder waits until 11:09 of its day, not 09:00
    assertThat(journeys.timer(journey, "WaitUntilStepDateTimer"))
        .contains(at(dueDate.minusDays(3), 11).plus(Duration.ofMinutes(9)));

    // and nothing is asked a minute before; at that minute, the reminder is
    journeys.advanceTo(at(dueDate.minusDays(3), 11).plus(Duration.ofMinutes(8)));
    assertThat(journeys.activate(JourneyModel.SEND_REMINDER)).isEmpty();
    journeys.advanceTo(at(dueDate.minusDays(3), 11).plus(Duration.ofMinutes(9)));
    journeys.expectReminder("D-3", "EMAIL", "reminder-before-due");
    assertThat(journeys.timer(journey, "WaitUntilStepDateTimer"))
        .contains(at(dueDate, 11).plus(Duration.ofMinutes(9)));
  }

  @Test
  void sequentialDebtIdsSpreadEvenlyOverTheMinutes() {
    // given 18,000 sequential ids, as an ERP numbers its debts
    int[] perMinute = new int[180];
    IntStream.rangeClosed(1, 18_000)
        .mapToObj(i -> String.format("D-%05d", i))
        .forEach(id -> perMinute[(int) (JourneyModel.debtIdHash(id) % 180)]++);

    // then every minute of the spread gets about a hundred of them
    assertThat(IntStream.of(perMinute).min().orElseThrow()).isGreaterThan(60);
    assertThat(IntStream.of(perMinute).max().orElseThrow()).isLessThan(140);
  }

  private String declaredSpread(long journey) {
    return zeebe.variable(journey, "contactSpread").orElseThrow().replace("\"", "");
  }

  private static DebtSpec debt(String debtId, LocalDate dueDate) {
    return new DebtSpec(debtId, dueDate, 1_000, null, 0, "PF", "SP");
  }
}
