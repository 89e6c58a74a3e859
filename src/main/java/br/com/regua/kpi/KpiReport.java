package br.com.regua.kpi;

import java.time.LocalDate;
import java.util.Map;

/**
 * {@code GET /api/kpis}: the KPIs of the debts due in the period, overall and grouped. Amounts are
 * decimal strings in reais; rates are fractions (0–1) with four decimals, null when their base is
 * zero. {@code portal}: the debtor portal's funnel for the same debts.
 */
public record KpiReport(
    LocalDate from,
    LocalDate to,
    Kpis overall,
    Map<String, Kpis> byStrategy,
    Map<String, Kpis> byJourneyVersion,
    PortalFunnel.Funnel portal) {

  public record Kpis(
      long debts,
      String amount,
      String recovered,
      String recoveryRate,
      PaidBeforeDue paidBeforeDue,
      Map<String, Bucket> recoveryByAging,
      long contacts,
      String contactsPerRealRecovered,
      Map<String, ChannelEffectiveness> channels,
      Promises promises,
      Agreements agreements) {}

  /** Debts paid in full on or before their due date (São Paulo), and their share of the debts. */
  public record PaidBeforeDue(long debts, String rate) {}

  /** What was recovered with the payment this many days after the due date (before it: 0–30). */
  public record Bucket(String recovered, String rate) {}

  /**
   * Per channel: contacts that reached the debtor (sent or recorded), the payments whose last
   * contact before them was on this channel (last touch), what those payments recovered, and
   * payments per contact.
   */
  public record ChannelEffectiveness(
      long contacts, long payments, String recovered, String paymentsPerContact) {}

  /** Promises resolved: kept (paid by the promised date) or broken, and the kept share. */
  public record Promises(long kept, long broken, String keptRate) {}

  /**
   * Agreements signed, and broken (installments missed; none until agreements have installments).
   */
  public record Agreements(long signed, long broken) {}
}
