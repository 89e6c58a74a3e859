package br.com.regua.kpi;

import br.com.regua.api.InvalidFieldException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

  KpiController(KpiService kpis) {
    this.kpis = kpis;
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
