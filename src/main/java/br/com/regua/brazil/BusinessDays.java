package br.com.regua.brazil;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Business days in Brazil: Monday to Friday, except national holidays, and, where a debtor's state
 * is given, that state's holidays too. No clock inside: callers pass the day they count from (today
 * in São Paulo, from the service's clock).
 *
 * <p>The holidays come from Jollyday's calendar for Brazil, and for a state from its subdivision
 * (municipal holidays are not counted). Jollyday 1.5.0 knows the state holidays of RJ (23 Apr, São
 * Jorge), SP (9 Jul, Revolução Constitucionalista), MS (11 Oct), RS (20 Sep), RN (3 Oct), GO (24
 * Oct), PE (8 Dec) and PB (26 Jul, 5 Aug); for the other states it lists none, so only the national
 * holidays apply there. Jollyday 1.5.0 lists, for "br": 1 Jan, Carnival Tuesday, Ash Wednesday,
 * Good Friday, Easter Sunday, 21 Apr (Tiradentes), 1 May, Corpus Christi, 7 Sep, 12 Oct (since
 * 1980), 2 Nov, 15 Nov, 20 Nov (since 2024: Dia Nacional de Zumbi e da Consciência Negra, Lei
 * 14.759/2023) and 25 Dec, all as public holidays.
 *
 * <p>Three of those are not national holidays by law (Lei 662/1949 as amended by Lei 10.607/2002,
 * Lei 6.802/1980 and Lei 14.759/2023 name the national ones): Carnival and Corpus Christi are
 * "pontos facultativos" in the federal calendar, and Ash Wednesday is one until 14h. They count as
 * business days here: the deadlines we compute are ones we must meet (STJ Súmula 548), so a day in
 * doubt counts and the deadline never comes later than the law's. Good Friday stays a holiday: Lei
 * 9.093/1995 leaves it to the municipalities, but it is kept across the country and the federal
 * calendar lists it among the national holidays.
 */
@Component
public class BusinessDays {

  /** Jollyday's property keys of the days it lists for Brazil that the law does not. */
  private static final Set<String> NOT_NATIONAL_BY_LAW =
      Set.of("christian.CARNIVAL", "christian.ASH_WEDNESDAY", "christian.CORPUS_CHRISTI");

  private final HolidayManager holidays =
      HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.BRAZIL));
  private final Map<Integer, Set<LocalDate>> nationalHolidaysByYear = new ConcurrentHashMap<>();
  private final Map<Uf, Map<Integer, Set<LocalDate>>> stateHolidaysByYear =
      new ConcurrentHashMap<>();

  public boolean isBusinessDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isNationalHoliday(date);
  }

  /** A business day in the state: a weekday that is neither a national nor a state holiday. */
  public boolean isBusinessDay(LocalDate date, Uf state) {
    return isBusinessDay(date) && !isHoliday(date, state);
  }

  public boolean isNationalHoliday(LocalDate date) {
    return nationalHolidaysByYear
        .computeIfAbsent(date.getYear(), this::nationalHolidays)
        .contains(date);
  }

  /** A national holiday, or one of the state's own (SP 9 July, RJ 23 April …). */
  public boolean isHoliday(LocalDate date, Uf state) {
    return isNationalHoliday(date)
        || stateHolidaysByYear
            .computeIfAbsent(state, s -> new ConcurrentHashMap<>())
            .computeIfAbsent(date.getYear(), year -> stateHolidays(year, state))
            .contains(date);
  }

  /**
   * The first business day in the state on or after {@code date}: a due date that falls on a
   * weekend or a holiday moves to it.
   */
  public LocalDate onOrNextBusinessDay(LocalDate date, Uf state) {
    LocalDate day = date;
    while (!isBusinessDay(day, state)) {
      day = day.plusDays(1);
    }
    return day;
  }

  /**
   * The day that is {@code days} business days after {@code from}; {@code from} itself never
   * counts, whether it is a business day or not. Zero days is {@code from}. National holidays only:
   * a deadline we must meet (STJ Súmula 548) counts a state holiday as a business day, so it never
   * comes later than the law's wherever the debtor lives.
   */
  public LocalDate plusBusinessDays(LocalDate from, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative: " + days);
    }
    LocalDate date = from;
    int counted = 0;
    while (counted < days) {
      date = date.plusDays(1);
      if (isBusinessDay(date)) {
        counted++;
      }
    }
    return date;
  }

  /** Jollyday's holidays of the state's subdivision, national ones included. */
  private Set<LocalDate> stateHolidays(int year, Uf state) {
    String subdivision = state.name().toLowerCase(Locale.ROOT);
    return holidays.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, subdivision).stream()
        .filter(holiday -> !NOT_NATIONAL_BY_LAW.contains(holiday.getPropertiesKey()))
        .map(Holiday::getDate)
        .collect(Collectors.toUnmodifiableSet());
  }

  private Set<LocalDate> nationalHolidays(int year) {
    return holidays.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY).stream()
        .filter(holiday -> !NOT_NATIONAL_BY_LAW.contains(holiday.getPropertiesKey()))
        .map(Holiday::getDate)
        .collect(Collectors.toUnmodifiableSet());
  }
}
