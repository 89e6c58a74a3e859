package br.com.regua.contact.policy;

import br.com.regua.brazil.BusinessDays;
import br.com.regua.brazil.Uf;
import br.com.regua.contact.policy.ContactPolicyProperties.Hours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Component;

/**
 * When a debtor may be contacted: the hours of their state on weekdays and Saturdays, in their
 * state's time zone, never on Sundays, national holidays or the state's own holidays (SP 9 July, RJ
 * 23 April; see {@link BusinessDays} for the states Jollyday knows).
 */
@Component
public class ContactWindows {

  /** Far enough to cross any run of holidays and weekends; a window is always found before it. */
  private static final int MAX_DAYS_AHEAD = 14;

  private final ContactPolicyProperties policy;
  private final BusinessDays calendar;

  ContactWindows(ContactPolicyProperties policy, BusinessDays calendar) {
    this.policy = policy;
    this.calendar = calendar;
  }

  public boolean allows(Uf state, Instant at) {
    ZonedDateTime local = at.atZone(state.zone());
    Hours hours = hoursOn(state, local.toLocalDate());
    return hours != null && hours.contains(local.toLocalTime());
  }

  /** The first instant at or after {@code at} when the debtor may be contacted. */
  public Instant nextAllowed(Uf state, Instant at) {
    if (allows(state, at)) {
      return at;
    }
    ZonedDateTime local = at.atZone(state.zone());
    Hours today = hoursOn(state, local.toLocalDate());
    if (today != null && local.toLocalTime().isBefore(today.from())) {
      return local.toLocalDate().atTime(today.from()).atZone(state.zone()).toInstant();
    }
    return firstWindowAfter(state, local.toLocalDate());
  }

  /** The start of the first window on a day after {@code day}. */
  public Instant firstWindowAfter(Uf state, LocalDate day) {
    DayWindow window = firstWindowFrom(state, day.plusDays(1));
    return window.day().atTime(window.hours().from()).atZone(state.zone()).toInstant();
  }

  /**
   * When the first window on or after {@code day} closes: the deadline of what must be done on a
   * day the debtor may be contacted, such as an agent's call (D+1, {@code call-deadline}).
   */
  public Instant firstWindowCloseFrom(Uf state, LocalDate day) {
    DayWindow window = firstWindowFrom(state, day);
    return window.day().atTime(window.hours().to()).atZone(state.zone()).toInstant();
  }

  private record DayWindow(LocalDate day, Hours hours) {}

  /** The first day on or after {@code day} with contact hours, and those hours. */
  private DayWindow firstWindowFrom(Uf state, LocalDate day) {
    for (int ahead = 0; ahead < MAX_DAYS_AHEAD; ahead++) {
      LocalDate candidate = day.plusDays(ahead);
      Hours hours = hoursOn(state, candidate);
      if (hours != null) {
        return new DayWindow(candidate, hours);
      }
    }
    throw new IllegalStateException(
        "no contact window for " + state + " in the " + MAX_DAYS_AHEAD + " days from " + day);
  }

  private Hours hoursOn(Uf state, LocalDate day) {
    if (day.getDayOfWeek() == DayOfWeek.SUNDAY || calendar.isHoliday(day, state)) {
      return null;
    }
    ContactPolicyProperties.Window window = policy.windowOf(state);
    return day.getDayOfWeek() == DayOfWeek.SATURDAY
        ? window.saturdayHours()
        : window.weekdayHours();
  }
}
