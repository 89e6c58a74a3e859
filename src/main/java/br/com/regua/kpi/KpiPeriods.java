package br.com.regua.kpi;

import java.time.LocalDate;
import java.util.List;

/**
 * The periods the KPI page offers, on the service's clock (the engine's in embedded mode, so moving
 * the development clock moves them too): this month, the last 30 and the last 90 days, today
 * included. The first of {@code presets} is the page's default.
 */
record KpiPeriods(LocalDate today, String defaultPreset, List<Preset> presets) {

  /** A period, both days included; {@code label} is what the page shows. */
  record Preset(String id, String label, LocalDate from, LocalDate to) {}

  static KpiPeriods of(LocalDate today) {
    return new KpiPeriods(
        today,
        "last-90-days",
        List.of(
            new Preset("this-month", "Este mês", today.withDayOfMonth(1), today),
            new Preset("last-30-days", "Últimos 30 dias", today.minusDays(29), today),
            new Preset("last-90-days", "Últimos 90 dias", today.minusDays(89), today)));
  }
}
