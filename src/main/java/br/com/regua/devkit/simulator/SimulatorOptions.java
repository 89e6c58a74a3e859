package br.com.regua.devkit.simulator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bin/simulate} options. {@code --start} is the first simulated day (the engine clock only
 * moves forward, so it must be after today; the default is far enough). {@code --rate} is each
 * provider's limit in messages per second (0: none). {@code --ingest-only} (with {@code
 * --benchmark}) measures only ingest against {@code COPY}, warmed up and over several rounds of
 * {@code --storm} debts each.
 */
public record SimulatorOptions(
    int debts,
    int days,
    long seed,
    LocalDate start,
    int dueDays,
    int rate,
    int threads,
    Path out,
    Path models,
    String label,
    String prefix,
    boolean benchmark,
    int stormDebts,
    boolean ingestOnly,
    List<Path> compare) {

  public static final LocalDate DEFAULT_START = LocalDate.of(2030, 1, 7); // a Monday

  public static SimulatorOptions defaults() {
    return new SimulatorOptions(
        1000,
        90,
        42,
        DEFAULT_START,
        5,
        200,
        4,
        Path.of("target/simulation"),
        null,
        "bpmn/",
        "SIM",
        false,
        0,
        false,
        List.of());
  }

  /** Parses {@code --name value} pairs; unknown names are an error, Spring's own are skipped. */
  public static SimulatorOptions parse(String... args) {
    SimulatorOptions o = defaults();
    int debts = o.debts, days = o.days, dueDays = o.dueDays, rate = o.rate, threads = o.threads;
    int storm = 0;
    long seed = o.seed;
    LocalDate start = o.start;
    Path out = o.out, models = null;
    String label = null;
    boolean benchmark = false;
    boolean ingestOnly = false;
    List<Path> compare = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("--spring.")
          || a.startsWith("--regua.")
          || a.startsWith("--server.")
          || a.startsWith("--logging.")
          || a.equals("simulate")) {
        continue;
      }
      switch (a) {
        case "--benchmark" -> benchmark = true;
        case "--ingest-only" -> ingestOnly = true;
        case "--compare" -> {
          compare.add(Path.of(value(args, ++i, a)));
          compare.add(Path.of(value(args, ++i, a)));
        }
        default -> {
          String v = value(args, ++i, a);
          switch (a) {
            case "--debts" -> debts = Integer.parseInt(v);
            case "--days" -> days = Integer.parseInt(v);
            case "--seed" -> seed = Long.parseLong(v);
            case "--start" -> start = LocalDate.parse(v);
            case "--due-days" -> dueDays = Integer.parseInt(v);
            case "--rate" -> rate = Integer.parseInt(v);
            case "--threads" -> threads = Integer.parseInt(v);
            case "--out" -> out = Path.of(v);
            case "--models" -> models = Path.of(v);
            case "--label" -> label = v;
            case "--storm" -> storm = Integer.parseInt(v);
            default -> throw new IllegalArgumentException("unknown option " + a);
          }
        }
      }
    }
    if (label == null) {
      label = models == null ? "bpmn/" : models.toString();
    }
    return new SimulatorOptions(
        debts,
        days,
        seed,
        start,
        dueDays,
        rate,
        threads,
        out,
        models,
        label,
        o.prefix,
        benchmark,
        storm == 0 ? debts : storm,
        ingestOnly,
        List.copyOf(compare));
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args[i];
  }

  public SimulatorOptions withPrefix(String newPrefix) {
    return new SimulatorOptions(
        debts,
        days,
        seed,
        start,
        dueDays,
        rate,
        threads,
        out,
        models,
        label,
        newPrefix,
        benchmark,
        stormDebts,
        ingestOnly,
        compare);
  }

  public SimulatorOptions withStart(LocalDate newStart) {
    return new SimulatorOptions(
        debts,
        days,
        seed,
        newStart,
        dueDays,
        rate,
        threads,
        out,
        models,
        label,
        prefix,
        benchmark,
        stormDebts,
        ingestOnly,
        compare);
  }
}
