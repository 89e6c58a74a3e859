package br.com.regua.devkit.simulator;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What a simulation produced: one row per simulated day and the totals. Only simulated facts, no
 * wall-clock timings, so the same seed and models give the same result.
 */
public record SimulationResult(
    String label,
    long seed,
    int debts,
    int days,
    long portfolioCents,
    List<Day> dayRows,
    SortedMap<Integer, Integer> settledByDaysOverdue,
    Map<String, Long> statuses,
    Map<String, Long> contactsByChannel,
    long promisesMade,
    long promisesKept,
    long promisesBroken,
    long promisesRefused,
    long incidents) {

  /** One simulated day, counted at its end. */
  public record Day(
      int day,
      LocalDate date,
      long payments,
      long recoveredCents,
      long cumulativeRecoveredCents,
      long email,
      long sms,
      long whatsapp,
      long letter,
      long postponements,
      long negativationsTotal,
      long agentTasksOpen,
      long agentTasksCreated,
      long promisesMade,
      long emailOpens,
      long portalVisits,
      long activeJourneys) {

    public long contacts() {
      return email + sms + whatsapp + letter;
    }
  }

  public long recoveredCents() {
    return dayRows.isEmpty() ? 0 : dayRows.getLast().cumulativeRecoveredCents();
  }

  public long contacts() {
    return contactsByChannel.values().stream().mapToLong(Long::longValue).sum();
  }

  public long settled() {
    return settledByDaysOverdue.values().stream().mapToLong(Integer::longValue).sum();
  }

  /** Share of the settled debts that settled in the days-overdue range [from, to]. */
  public double settledShare(int from, int to) {
    long settled = settled();
    if (settled == 0) {
      return 0;
    }
    long in =
        settledByDaysOverdue.entrySet().stream()
            .filter(e -> e.getKey() >= from && e.getKey() <= to)
            .mapToLong(Map.Entry::getValue)
            .sum();
    return (double) in / settled;
  }

  public long negativations() {
    return dayRows.isEmpty() ? 0 : dayRows.getLast().negativationsTotal();
  }

  public long postponements() {
    return dayRows.stream().mapToLong(Day::postponements).sum();
  }

  public int peakAgentTasks() {
    return (int) dayRows.stream().mapToLong(Day::agentTasksOpen).max().orElse(0);
  }
}
