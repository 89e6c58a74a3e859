package br.com.regua.audit;

import br.com.regua.brazil.Uf;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The law's calendar, written out here apart from the service's own contact policy so that the
 * audit checks the rules, not the code that applies them: the contact hours of the state laws
 * (BRAZIL-RULES.md, JOURNEY.md), national holidays and the debtor's state's, business days, and the
 * bureaus' waits after a negativation notice.
 */
final class LegalCalendar {

  /** Jollyday's days for Brazil that are not holidays by law (pontos facultativos). */
  private static final Set<String> NOT_HOLIDAYS_BY_LAW =
      Set.of("christian.CARNIVAL", "christian.ASH_WEDNESDAY", "christian.CORPUS_CHRISTI");

  /** Hours when a debtor may be contacted, local time, end exclusive; null: not that day. */
  record Hours(LocalTime from, LocalTime to) {
    boolean contain(LocalTime time) {
      return !time.isBefore(from) && time.isBefore(to);
    }

    @Override
    public String toString() {
      return from + "–" + to;
    }
  }

  private record StateHours(Hours weekdays, Hours saturday) {}

  private static final StateHours DEFAULT_HOURS = new StateHours(hours(8, 20), hours(8, 14));
  private static final Map<Uf, StateHours> STATE_HOURS =
      Map.of(
          Uf.SP, new StateHours(hours(8, 20), hours(8, 14)),
          Uf.RJ, new StateHours(hours(9, 19), null),
          Uf.ES, new StateHours(hours(8, 19), null));

  /** Days a bureau waits after the notice before the record opens, by the debtor's state. */
  private static final Map<Uf, Integer> NOTICE_WAIT_DAYS =
      Map.of(Uf.MT, 45, Uf.SP, 20, Uf.PE, 20, Uf.PI, 15);

  private static final int DEFAULT_NOTICE_WAIT_DAYS = 10;

  private final HolidayManager jollyday =
      HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.BRAZIL));
  private final Map<String, Map<LocalDate, String>> holidaysByStateAndYear =
      new ConcurrentHashMap<>();

  /** Why the debtor of {@code state} could not be contacted at {@code at}; empty when allowed. */
  Optional<String> whyNotAllowed(Uf state, Instant at) {
    ZonedDateTime local = at.atZone(state.zone());
    LocalDate day = local.toLocalDate();
    if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      return Optional.of("a Sunday");
    }
    Optional<String> holiday = holiday(state, day);
    if (holiday.isPresent()) {
      return Optional.of("a holiday in " + state + " (" + holiday.get() + ")");
    }
    StateHours stateHours = STATE_HOURS.getOrDefault(state, DEFAULT_HOURS);
    Hours hours =
        day.getDayOfWeek() == DayOfWeek.SATURDAY ? stateHours.saturday() : stateHours.weekdays();
    if (hours == null) {
      return Optional.of("a Saturday, when " + state + " allows no contact");
    }
    if (!hours.contain(local.toLocalTime())) {
      return Optional.of(
          "outside " + state + "'s hours " + hours + " (" + local.toLocalTime() + " local time)");
    }
    return Optional.empty();
  }

  /** The holiday's name when {@code day} is a national holiday or one of {@code state}. */
  Optional<String> holiday(Uf state, LocalDate day) {
    return Optional.ofNullable(
        holidaysByStateAndYear
            .computeIfAbsent(state + "/" + day.getYear(), key -> holidays(state, day.getYear()))
            .get(day));
  }

  /** A national business day: Monday to Friday, not a national holiday. */
  boolean isNationalBusinessDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY
        && day.getDayOfWeek() != DayOfWeek.SUNDAY
        && nationalHoliday(day).isEmpty();
  }

  /** The day {@code days} national business days after {@code from} ({@code from} not counted). */
  LocalDate plusBusinessDays(LocalDate from, int days) {
    LocalDate day = from;
    for (int counted = 0; counted < days; ) {
      day = day.plusDays(1);
      if (isNationalBusinessDay(day)) {
        counted++;
      }
    }
    return day;
  }

  int noticeWaitDays(Uf state) {
    return NOTICE_WAIT_DAYS.getOrDefault(state, DEFAULT_NOTICE_WAIT_DAYS);
  }

  private Optional<String> nationalHoliday(LocalDate day) {
    return Optional.ofNullable(
        holidaysByStateAndYear
            .computeIfAbsent("BR/" + day.getYear(), key -> holidays(null, day.getYear()))
            .get(day));
  }

  private Map<LocalDate, String> holidays(Uf state, int year) {
    String[] subdivision =
        state == null ? new String[0] : new String[] {state.name().toLowerCase(Locale.ROOT)};
    return jollyday.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, subdivision).stream()
        .filter(holiday -> !NOT_HOLIDAYS_BY_LAW.contains(holiday.getPropertiesKey()))
        .collect(
            Collectors.toMap(Holiday::getDate, Holiday::getDescription, (a, b) -> a + ", " + b));
  }

  private static Hours hours(int from, int to) {
    return new Hours(LocalTime.of(from, 0), LocalTime.of(to, 0));
  }
}
