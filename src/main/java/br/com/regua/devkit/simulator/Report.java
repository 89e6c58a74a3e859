package br.com.regua.devkit.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a simulation's report: {@code report.html} (charts as inline SVG, nothing fetched) and
 * {@code days.csv}, {@code settlement.csv}, {@code summary.csv}; and compares two reports side by
 * side ({@code compare.html}) from their CSVs.
 */
public final class Report {

  private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd"};

  private Report() {}

  /** The summary as key/value pairs, in the order the report shows them. */
  public static Map<String, String> summary(SimulationResult r) {
    Map<String, String> m = new LinkedHashMap<>();
    long recovered = r.recoveredCents();
    m.put("models", r.label());
    m.put("seed", Long.toString(r.seed()));
    m.put("debts", Integer.toString(r.debts()));
    m.put("days", Integer.toString(r.days()));
    m.put("portfolio_brl", money(r.portfolioCents()));
    m.put("recovered_brl", money(recovered));
    m.put("recovered_pct", pct((double) recovered / Math.max(1, r.portfolioCents())));
    m.put("debts_settled", Long.toString(r.settled()));
    m.put("settled_within_30_days_overdue_pct", pct(r.settledShare(Integer.MIN_VALUE, 30)));
    m.put("settled_31_to_60_days_overdue_pct", pct(r.settledShare(31, 60)));
    m.put("settled_after_60_days_overdue_pct", pct(r.settledShare(61, Integer.MAX_VALUE)));
    r.contactsByChannel()
        .forEach((ch, n) -> m.put("contacts_" + ch.toLowerCase(Locale.ROOT), n + ""));
    m.put("contacts_total", Long.toString(r.contacts()));
    m.put(
        "contacts_per_1000_brl_recovered",
        String.format(Locale.ROOT, "%.3f", r.contacts() * 100_000.0 / Math.max(1, recovered)));
    m.put("promises_made", Long.toString(r.promisesMade()));
    m.put("promises_kept", Long.toString(r.promisesKept()));
    m.put("promises_broken", Long.toString(r.promisesBroken()));
    m.put("promises_refused", Long.toString(r.promisesRefused()));
    m.put("negativations", Long.toString(r.negativations()));
    m.put("contact_policy_postponements", Long.toString(r.postponements()));
    m.put("agent_tasks_peak_open", Integer.toString(r.peakAgentTasks()));
    m.put(
        "agent_tasks_created",
        Long.toString(
            r.dayRows().stream().mapToLong(SimulationResult.Day::agentTasksCreated).sum()));
    r.statuses().forEach((st, n) -> m.put("status_" + st.toLowerCase(Locale.ROOT), n + ""));
    m.put("incidents", Long.toString(r.incidents()));
    return m;
  }

  public static void write(SimulationResult r, Path dir) {
    try {
      Files.createDirectories(dir);
      StringBuilder days =
          new StringBuilder(
              "day,date,payments,recovered_brl,cumulative_recovered_brl,cumulative_recovered_pct,"
                  + "email,sms,whatsapp,letter,contacts,postponements,negativations_total,"
                  + "agent_tasks_open,agent_tasks_created,promises_made,email_opens,portal_visits,"
                  + "active_journeys\n");
      for (SimulationResult.Day d : r.dayRows()) {
        days.append(
            String.join(
                ",",
                d.day() + 1 + "",
                d.date().toString(),
                d.payments() + "",
                money(d.recoveredCents()),
                money(d.cumulativeRecoveredCents()),
                pct((double) d.cumulativeRecoveredCents() / Math.max(1, r.portfolioCents())),
                d.email() + "",
                d.sms() + "",
                d.whatsapp() + "",
                d.letter() + "",
                d.contacts() + "",
                d.postponements() + "",
                d.negativationsTotal() + "",
                d.agentTasksOpen() + "",
                d.agentTasksCreated() + "",
                d.promisesMade() + "",
                d.emailOpens() + "",
                d.portalVisits() + "",
                d.activeJourneys() + ""));
        days.append('\n');
      }
      Files.writeString(dir.resolve("days.csv"), days, StandardCharsets.UTF_8);
      StringBuilder settlement = new StringBuilder("days_overdue,debts_settled\n");
      r.settledByDaysOverdue()
          .forEach((k, v) -> settlement.append(k).append(',').append(v).append('\n'));
      Files.writeString(dir.resolve("settlement.csv"), settlement, StandardCharsets.UTF_8);
      Map<String, String> summary = summary(r);
      StringBuilder csv = new StringBuilder("key,value\n");
      summary.forEach((k, v) -> csv.append(k).append(',').append(v.replace(',', ';')).append('\n'));
      Files.writeString(dir.resolve("summary.csv"), csv, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("report.html"), html(r, summary), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String html(SimulationResult r, Map<String, String> summary) {
    List<SimulationResult.Day> days = r.dayRows();
    double[] recovery =
        days.stream()
            .mapToDouble(
                d -> 100.0 * d.cumulativeRecoveredCents() / Math.max(1, r.portfolioCents()))
            .toArray();
    StringBuilder h = new StringBuilder();
    h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Régua simulation: ")
        .append(esc(r.label()))
        .append("</title><style>body{font-family:sans-serif;max-width:980px;margin:2em auto}")
        .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;")
        .append("text-align:right}td:first-child{text-align:left}svg{background:#fafafa}")
        .append("</style></head><body>");
    h.append("<h1>Régua simulation</h1><p>Models <code>")
        .append(esc(r.label()))
        .append("</code>, seed ")
        .append(r.seed())
        .append(", ")
        .append(r.debts())
        .append(" debts, ")
        .append(r.days())
        .append(" days.</p>");
    h.append("<h2>Recovery curve (% of the portfolio recovered, by day)</h2>");
    h.append(chart(List.of(new Series(r.label(), recovery)), "%"));
    h.append("<h2>Contacts per channel, by day</h2>");
    h.append(
        chart(
            List.of(
                new Series(
                    "EMAIL", days.stream().mapToDouble(SimulationResult.Day::email).toArray()),
                new Series("SMS", days.stream().mapToDouble(SimulationResult.Day::sms).toArray()),
                new Series(
                    "WHATSAPP",
                    days.stream().mapToDouble(SimulationResult.Day::whatsapp).toArray()),
                new Series(
                    "LETTER", days.stream().mapToDouble(SimulationResult.Day::letter).toArray())),
            ""));
    h.append("<h2>Agents' task load (open tasks at the end of each day)</h2>");
    h.append(
        chart(
            List.of(
                new Series(
                    "open tasks",
                    days.stream().mapToDouble(SimulationResult.Day::agentTasksOpen).toArray()),
                new Series(
                    "created",
                    days.stream().mapToDouble(SimulationResult.Day::agentTasksCreated).toArray())),
            ""));
    h.append("<h2>Contact-policy postponements and negativations, by day</h2>");
    h.append(
        chart(
            List.of(
                new Series(
                    "postponements",
                    days.stream().mapToDouble(SimulationResult.Day::postponements).toArray()),
                new Series(
                    "negativations (total)",
                    days.stream().mapToDouble(SimulationResult.Day::negativationsTotal).toArray())),
            ""));
    h.append("<h2>Debts settled, by days overdue at payment</h2>");
    int min = r.settledByDaysOverdue().isEmpty() ? 0 : r.settledByDaysOverdue().firstKey();
    int max = r.settledByDaysOverdue().isEmpty() ? 0 : r.settledByDaysOverdue().lastKey();
    double[] settled = new double[max - min + 1];
    r.settledByDaysOverdue().forEach((k, v) -> settled[k - min] = v);
    h.append(chart(List.of(new Series("settled (day " + min + " on)", settled)), ""));
    h.append("<h2>Summary</h2><table>");
    summary.forEach(
        (k, v) ->
            h.append("<tr><td>")
                .append(esc(k))
                .append("</td><td>")
                .append(esc(v))
                .append("</td></tr>"));
    h.append("</table><p>Daily figures: <a href=\"days.csv\">days.csv</a>; settlement: ")
        .append("<a href=\"settlement.csv\">settlement.csv</a>.</p></body></html>\n");
    return h.toString();
  }

  record Series(String name, double[] values) {}

  /** A line chart as inline SVG, one line per series, y from 0 to the largest value. */
  static String chart(List<Series> series, String unit) {
    int w = 900, hgt = 260, left = 60, bottom = 30, top = 10, right = 150;
    int n = series.stream().mapToInt(s -> s.values().length).max().orElse(0);
    double maxY =
        series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.values())).max().orElse(0);
    maxY = maxY <= 0 ? 1 : maxY;
    double plotW = w - left - right, plotH = hgt - top - bottom;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">",
            w,
            hgt));
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>",
            left,
            hgt - bottom,
            w - right,
            hgt - bottom));
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>",
            left,
            top,
            left,
            hgt - bottom));
    for (int i = 0; i <= 4; i++) {
      double v = maxY * i / 4;
      double y = hgt - bottom - plotH * i / 4;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s%s</text>",
              left - 4,
              y + 4,
              fmt(v),
              unit));
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e0e0e0\"/>",
              left,
              y,
              w - right,
              y));
    }
    for (int i = 0; i < n; i += Math.max(1, n / 10)) {
      double x = left + (n <= 1 ? 0 : plotW * i / (n - 1));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%d</text>",
              x,
              hgt - bottom + 15,
              i + 1));
    }
    for (int s = 0; s < series.size(); s++) {
      Series se = series.get(s);
      String color = COLORS[s % COLORS.length];
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < se.values().length; i++) {
        double x = left + (n <= 1 ? 0 : plotW * i / (n - 1));
        double y = hgt - bottom - plotH * se.values()[i] / maxY;
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      }
      svg.append("<polyline fill=\"none\" stroke=\"")
          .append(color)
          .append("\" stroke-width=\"2\" points=\"")
          .append(points.toString().strip())
          .append("\"><title>")
          .append(esc(se.name()))
          .append("</title></polyline>");
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"%s\">%s</text>",
              w - right + 8,
              top + 14 + 16 * s,
              color,
              esc(se.name())));
    }
    return svg.append("</svg>").toString();
  }

  /**
   * {@code compare.html} in {@code out}: two reports' recovery curves and summaries side by side.
   */
  public static Path compare(Path a, Path b, Path out) {
    try {
      Map<String, String> sa = readSummary(a), sb = readSummary(b);
      List<Series> curves =
          List.of(
              new Series("A: " + sa.getOrDefault("models", a.toString()), recoveryCurve(a)),
              new Series("B: " + sb.getOrDefault("models", b.toString()), recoveryCurve(b)));
      StringBuilder h = new StringBuilder();
      h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Régua: ")
          .append("simulations compared</title><style>body{font-family:sans-serif;max-width:980px;")
          .append("margin:2em auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;")
          .append("padding:2px 8px;text-align:right}td:first-child{text-align:left}</style>")
          .append("</head><body><h1>Two simulations compared</h1><p>A: <code>")
          .append(esc(a.toString()))
          .append("</code>, B: <code>")
          .append(esc(b.toString()))
          .append("</code></p><h2>Recovery curve (% of the portfolio, by day)</h2>")
          .append(chart(curves, "%"))
          .append("<h2>Summary</h2><table><tr><th></th><th>A</th><th>B</th></tr>");
      List<String> keys = new ArrayList<>(sa.keySet());
      sb.keySet().stream().filter(k -> !sa.containsKey(k)).forEach(keys::add);
      for (String k : keys) {
        String va = sa.getOrDefault(k, ""), vb = sb.getOrDefault(k, "");
        h.append("<tr><td>")
            .append(esc(k))
            .append("</td><td>")
            .append(esc(va))
            .append("</td><td")
            .append(va.equals(vb) ? "" : " style=\"background:#fff3c4\"")
            .append(">")
            .append(esc(vb))
            .append("</td></tr>");
      }
      h.append("</table></body></html>\n");
      Files.createDirectories(out);
      Path file = out.resolve("compare.html");
      Files.writeString(file, h, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> readSummary(Path dir) throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(dir.resolve("summary.csv"), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      int comma = line.indexOf(',');
      m.put(line.substring(0, comma), line.substring(comma + 1));
    }
    return m;
  }

  static double[] recoveryCurve(Path dir) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve("days.csv"), StandardCharsets.UTF_8);
    List<String> header = List.of(lines.getFirst().split(","));
    int col = header.indexOf("cumulative_recovered_pct");
    return lines.subList(1, lines.size()).stream()
        .mapToDouble(l -> Double.parseDouble(l.split(",")[col]))
        .toArray();
  }

  static String money(long cents) {
    return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
  }

  static String pct(double share) {
    return String.format(Locale.ROOT, "%.2f", 100 * share);
  }

  private static String fmt(double v) {
    return v >= 100 || v == Math.rint(v)
        ? String.format(Locale.ROOT, "%.0f", v)
        : String.format(Locale.ROOT, "%.1f", v);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
