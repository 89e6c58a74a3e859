package br.com.regua.contact.policy;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.brazil.BusinessDays;
import br.com.regua.brazil.Uf;
import br.com.regua.contact.policy.ContactPolicyProperties.Window;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hours debtors may be contacted (docs/journey.md): the state's window on weekdays and
 * Saturdays, in the state's time zone, never on Sundays or national holidays; outside it, the next
 * window. November 2026: Friday 20 is a national holiday (Consciência Negra), Sunday 22 is a
 * Sunday. The state's own holidays count too: SP 9 July, RJ 23 April.
 */
class ContactWindowsTest {

  /** The windows of application.yaml. */
  private static final ContactPolicyProperties POLICY =
      new ContactPolicyProperties(
          1,
          new Window("08:00-20:00", "08:00-14:00"),
          Map.of(
              Uf.SP, new Window("08:00-20:00", "08:00-14:00"),
              Uf.RJ, new Window("09:00-19:00", null),
              Uf.ES, new Window("08:00-19:00", null)));

  private final ContactWindows windows = new ContactWindows(POLICY, new BusinessDays());

  @ParameterizedTest(name = "{0} at {1} (local): next contact at {2}")
  @CsvSource({
    // within the window: now
    "SP, 2026-11-18T10:00, 2026-11-18T10:00",
    "SP, 2026-11-21T13:59, 2026-11-21T13:59",
    // before the window: its start, the same day
    "SP, 2026-11-18T07:30, 2026-11-18T08:00",
    "RJ, 2026-11-18T08:30, 2026-11-18T09:00",
    // after the window: the next day's start
    "SP, 2026-11-18T20:00, 2026-11-19T08:00",
    "ES, 2026-11-18T19:00, 2026-11-19T08:00",
    // Thursday evening before the holiday: Saturday in SP, Monday in RJ (no Saturdays)
    "SP, 2026-11-19T21:00, 2026-11-21T08:00",
    "RJ, 2026-11-19T21:00, 2026-11-23T09:00",
    // the holiday itself, Saturday afternoon, Sunday
    "SP, 2026-11-20T10:00, 2026-11-21T08:00",
    "SP, 2026-11-21T14:00, 2026-11-23T08:00",
    "SP, 2026-11-22T10:00, 2026-11-23T08:00",
    // other states follow the default window, in their own time zone
    "AM, 2026-11-18T07:30, 2026-11-18T08:00",
    "AC, 2026-11-21T15:00, 2026-11-23T08:00",
    // Christmas Eve is a working day; Christmas is not
    "SP, 2026-12-24T19:59, 2026-12-24T19:59",
    "SP, 2026-12-24T20:00, 2026-12-26T08:00",
    // the state's own holidays: Thursday 9 July in SP (Revolução Constitucionalista), not in RJ;
    // Thursday 23 April in RJ (São Jorge), not in SP
    "SP, 2026-07-09T10:00, 2026-07-10T08:00",
    "SP, 2026-07-08T20:30, 2026-07-10T08:00",
    "RJ, 2026-07-09T10:00, 2026-07-09T10:00",
    "RJ, 2026-04-23T10:00, 2026-04-24T09:00",
    "RJ, 2026-04-22T19:00, 2026-04-24T09:00",
    "SP, 2026-04-23T10:00, 2026-04-23T10:00",
    // a state whose holidays Jollyday does not list keeps the national ones only
    "MT, 2026-07-09T10:00, 2026-07-09T10:00"
  })
  void theNextAllowedInstantFollowsTheStatesHours(Uf state, LocalDateTime at, LocalDateTime next) {
    Instant now = at.atZone(state.zone()).toInstant();

    assertThat(windows.nextAllowed(state, now)).isEqualTo(next.atZone(state.zone()).toInstant());
    assertThat(windows.allows(state, now)).isEqualTo(at.equals(next));
  }

  @ParameterizedTest(name = "{0}: the first window after {1} starts {2}")
  @CsvSource({
    "SP, 2026-11-19, 2026-11-21T08:00",
    "RJ, 2026-11-19, 2026-11-23T09:00",
    "SP, 2026-11-16, 2026-11-17T08:00"
  })
  void theDailyLimitWaitsForTheNextDaysWindow(
      Uf state, java.time.LocalDate day, LocalDateTime start) {
    assertThat(windows.firstWindowAfter(state, day))
        .isEqualTo(start.atZone(state.zone()).toInstant());
  }

  @ParameterizedTest(name = "{0}: the first window from {1} closes {2}")
  @CsvSource({
    // a weekday: that day's close, in the state's hours and time zone
    "SP, 2026-11-18, 2026-11-18T20:00",
    "RJ, 2026-11-18, 2026-11-18T19:00",
    "AM, 2026-11-18, 2026-11-18T20:00",
    // Saturday closes early; RJ has no Saturday window, so Monday's
    "SP, 2026-11-21, 2026-11-21T14:00",
    "RJ, 2026-11-21, 2026-11-23T19:00",
    // a national holiday (Friday 20) and a Sunday are passed over
    "SP, 2026-11-20, 2026-11-21T14:00",
    "SP, 2026-11-22, 2026-11-23T20:00",
    // the state's own holiday: SP on 9 July, not RJ
    "SP, 2026-07-09, 2026-07-10T20:00",
    "RJ, 2026-07-09, 2026-07-09T19:00"
  })
  void aCallsDeadlineIsTheCloseOfTheFirstWindowFromItsDay(
      Uf state, java.time.LocalDate day, LocalDateTime close) {
    assertThat(windows.firstWindowCloseFrom(state, day))
        .isEqualTo(close.atZone(state.zone()).toInstant());
  }
}
