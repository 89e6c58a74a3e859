package br.com.regua.contact.policy;

import br.com.regua.brazil.Uf;
import java.time.LocalTime;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code regua.contact-policy.*}: how often and when debtors may be contacted. State laws set the
 * hours (docs/journey.md); the values live in {@code application.yaml}, not in Java.
 *
 * @param maxContactsPerDay contacts per debtor per day, across all their debts
 * @param defaultWindow the hours for states without a rule of their own
 * @param windows the states' own hours
 */
@ConfigurationProperties("regua.contact-policy")
public record ContactPolicyProperties(
    int maxContactsPerDay, Window defaultWindow, Map<Uf, Window> windows) {

  public ContactPolicyProperties {
    if (maxContactsPerDay < 1) {
      throw new IllegalArgumentException("regua.contact-policy.max-contacts-per-day must be >= 1");
    }
    windows = windows == null ? Map.of() : Map.copyOf(windows);
  }

  public Window windowOf(Uf state) {
    return windows.getOrDefault(state, defaultWindow);
  }

  /**
   * Hours like {@code "08:00-20:00"} on weekdays and on Saturdays; null (or blank) means no contact
   * that day. Sundays, national holidays and the state's holidays never allow contact.
   */
  public record Window(String weekdays, String saturday) {

    Hours weekdayHours() {
      return Hours.parse(weekdays);
    }

    Hours saturdayHours() {
      return Hours.parse(saturday);
    }
  }

  /** From (inclusive) to (exclusive), local time of the debtor's state. */
  record Hours(LocalTime from, LocalTime to) {

    static Hours parse(String text) {
      if (text == null || text.isBlank()) {
        return null;
      }
      String[] parts = text.strip().split("-");
      if (parts.length != 2) {
        throw new IllegalArgumentException("contact hours must look like 08:00-20:00: " + text);
      }
      Hours hours = new Hours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
      if (!hours.from().isBefore(hours.to())) {
        throw new IllegalArgumentException("contact hours must start before they end: " + text);
      }
      return hours;
    }

    boolean contains(LocalTime time) {
      return !time.isBefore(from) && time.isBefore(to);
    }
  }
}
