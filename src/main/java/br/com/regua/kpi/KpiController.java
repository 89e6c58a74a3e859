package br.com.regua.kpi;

import br.com.regua.api.InvalidFieldException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The collections manager's KPIs (docs/journey.md, "Records"); the page {@code /kpis.html} charts
 * them.
 */
@RestController
class KpiController {

  private final KpiService kpis;
  private final Clock clock;
  private final ZoneId zone;

  KpiController(
      KpiService kpis, Clock clock, @Value("${regua.zone:America/Sao_Paulo}") ZoneId zone) {
    this.kpis = kpis;
    this.clock = clock;
    this.zone = zone;
  }

  /**
   * The page's periods ending today on the service's clock (the engine's in embedded mode): this
   * month, the last 30 and 90 days.
   */
  @GetMapping("/api/kpis/periods")
  KpiPeriods periods() {
    return KpiPeriods.of(LocalDate.now(clock.withZone(zone)));
  }

  /**
   * KPIs of the debts due from {@code from} to {@code to} (ISO dates, both included), overall, per
   * strategy and per journey version. 400 naming {@code from} or {@code to} when missing, not a
   * date, or in the wrong order.
   */
  @GetMapping("/api/kpis")
  KpiReport kpis(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    LocalDate start = date("from", from);
    LocalDate end = date("to", to);
    if (end.isBefore(start)) {
      throw new InvalidFieldException("to", "must not be before from (" + start + ")");
    }
    return kpis.report(start, end);
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidFieldException(field, "is required: an ISO date, e.g. 2026-12-01");
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(field, "must be an ISO date, e.g. 2026-12-01");
    }
  }
}
