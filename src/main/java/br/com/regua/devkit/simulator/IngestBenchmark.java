package br.com.regua.devkit.simulator;

import br.com.regua.money.Money;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Ingest against PostgreSQL {@code COPY}: the debts registered through {@code POST
 * /api/debts:batch} over HTTP, and {@code COPY} of the very rows that registration wrote (debtor
 * with its address, debt, its REGISTERED event, the WhatsApp opt-ins) into scratch tables with the
 * same columns, indexes and foreign keys. Both are counted in debts a second.
 */
@Component
@Profile("simulate")
class IngestBenchmark {

  /** Rows per {@code POST /api/debts:batch} at most: the endpoint's limit. */
  static final int BATCH_ROWS = 1000;

  /** Measured rounds of {@code --ingest-only}; the median is the figure. */
  static final int ROUNDS = 3;

  private final Simulation.Services s;
  private final DataSource dataSource;
  private final ObjectMapper json;
  private final Environment env;

  IngestBenchmark(
      Simulation.Services services, DataSource dataSource, ObjectMapper json, Environment env) {
    this.s = services;
    this.dataSource = dataSource;
    this.json = json;
    this.env = env;
  }

  /** As many rows a request as keep every thread busy, up to the endpoint's limit. */
  static int batchRows(int debts, int threads) {
    int perThread = (debts + Math.max(1, threads) - 1) / Math.max(1, threads);
    return Math.max(1, Math.min(BATCH_ROWS, perThread));
  }

  /** One round: how long the batch requests and the {@code COPY} of their rows took. */
  record Round(
      int debts, double ingestSeconds, double copySeconds, double copyDebtorAndDebtSeconds) {

    double ratio() {
      return copySeconds / ingestSeconds;
    }

    String describe(int rowsPerRequest, int threads) {
      return String.format(
          Locale.ROOT,
          "Ingest: %d debts registered through POST /api/debts:batch (%d rows a request, %d"
              + " requests at once) in %.2f s = %.0f debts/s; PostgreSQL COPY of the same rows (debtor, debt, event, opt-ins): %.2f s ="
              + " %.0f debts/s; ratio %.1f%% (COPY of the debtor and debt rows alone: %.2f s ="
              + " %.0f debts/s; ratio %.1f%%)",
          debts,
          rowsPerRequest,
          threads,
          ingestSeconds,
          debts / ingestSeconds,
          copySeconds,
          debts / copySeconds,
          100 * ratio(),
          copyDebtorAndDebtSeconds,
          debts / copyDebtorAndDebtSeconds,
          100 * copyDebtorAndDebtSeconds / ingestSeconds);
    }
  }

  /**
   * {@code --ingest-only}: a warm-up round (the JIT has not seen the batch path yet: the simulation
   * registers one debt at a time), then {@link #ROUNDS} rounds of fresh debtors, back to back as a
   * creditor's system would send a portfolio in parts: each round's {@code COPY} runs right after
   * it, while the engine starts the journeys stored so far, and the journeys are awaited once, at
   * the end.
   */
  List<String> run(SimulatorOptions o, LocalDate dueDate, PrintStream out) {
    List<String> lines = new ArrayList<>();
    long t0 = System.nanoTime();
    Round warm = round(o, dueDate, Math.min(o.stormDebts(), 2000), "WARM");
    out.println("warm-up: " + warm.describe(batchRows(warm.debts(), o.threads()), o.threads()));
    List<Double> ratios = new ArrayList<>();
    int total = warm.debts();
    for (int k = 1; k <= ROUNDS; k++) {
      Round r = round(o, dueDate, o.stormDebts(), "ING" + k);
      total += r.debts();
      ratios.add(r.ratio());
      String line = r.describe(batchRows(r.debts(), o.threads()), o.threads());
      lines.add(line);
      out.println(line);
    }
    awaitJourneysStarted("WARM", Duration.ofHours(1));
    for (int k = 1; k <= ROUNDS; k++) {
      awaitJourneysStarted("ING" + k, Duration.ofHours(1));
    }
    double started = Simulation.seconds(t0);
    ratios.sort(Double::compare);
    String median =
        String.format(
            Locale.ROOT,
            "Ingest / COPY over %d rounds: median %.1f%% (min %.1f%%, max %.1f%%); the %d"
                + " journeys all running %.1f s after the first request (%.0f starts/s)",
            ROUNDS,
            100 * ratios.get(ROUNDS / 2),
            100 * ratios.getFirst(),
            100 * ratios.getLast(),
            total,
            started,
            total / started);
    lines.add(median);
    out.println(median);
    return lines;
  }

  private Round round(SimulatorOptions o, LocalDate dueDate, int debts, String prefix) {
    List<Portfolio.Entry> entries =
        Portfolio.generate(o.seed() + prefix.hashCode(), debts, dueDate, 1, prefix);
    long t0 = System.nanoTime();
    register(entries, o.threads());
    double ingest = Simulation.seconds(t0);
    double copyAll = copyRows(entries, true);
    return new Round(debts, ingest, copyAll, copyRows(entries, false));
  }

  /**
   * Registers the debts as a creditor's system would: {@code POST /api/debts:batch} over HTTP, up
   * to 1,000 rows a request ({@code DebtBatchController}'s limit), {@code threads} requests at
   * once. Every row must come back 201.
   */
  void register(List<Portfolio.Entry> entries, int threads) {
    String url = "http://localhost:" + env.getProperty("local.server.port") + "/api/debts:batch";
    String apiKey = System.getenv().getOrDefault("REGUA_API_KEY", "dev-integration-key");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    int rows = batchRows(entries.size(), threads);
    List<List<Portfolio.Entry>> batches = new ArrayList<>();
    for (int i = 0; i < entries.size(); i += rows) {
      batches.add(entries.subList(i, Math.min(entries.size(), i + rows)));
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads))) {
      List<Future<?>> fs = new ArrayList<>();
      for (List<Portfolio.Entry> batch : batches) {
        fs.add(
            pool.submit(
                () -> {
                  String body =
                      json.writeValueAsString(
                          Map.of("debts", batch.stream().map(Portfolio.Entry::request).toList()));
                  HttpResponse<String> response =
                      http.send(
                          HttpRequest.newBuilder(URI.create(url))
                              .timeout(Duration.ofMinutes(30))
                              .header("content-type", "application/json")
                              .header("X-Api-Key", apiKey)
                              .POST(HttpRequest.BodyPublishers.ofString(body))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
                  var answer = json.readTree(response.body());
                  if (response.statusCode() != 200
                      || answer.path("created").asInt() != batch.size()) {
                    throw new IllegalStateException(
                        "batch answered "
                            + response.statusCode()
                            + ": "
                            + response
                                .body()
                                .substring(0, Math.min(500, response.body().length())));
                  }
                  return null;
                }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("registration failed", e);
    }
  }

  /** The batch endpoint answers before the journeys start: waits until every one has. */
  void awaitJourneysStarted(String prefix, Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    while (s.jdbc()
            .sql("select count(*) from debt where debt_id like :p and process_instance_key is null")
            .param("p", prefix + "-%")
            .query(Long.class)
            .single()
        > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("journeys not all started within " + bound);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * {@code COPY} of the rows the registration of these debts wrote into scratch tables shaped like
   * ours (columns, indexes, checks, foreign keys), in one transaction; the seconds it took. Without
   * {@code all}, only the debtor and debt rows (the figure measured before 2026-12-07).
   */
  double copyRows(List<Portfolio.Entry> entries, boolean all) {
    StringBuilder debtors = new StringBuilder();
    StringBuilder debts = new StringBuilder();
    StringBuilder events = new StringBuilder();
    StringBuilder consents = new StringBuilder();
    String now = OffsetDateTime.now(s.engine().clock()).toString();
    for (Portfolio.Entry e : entries) {
      var d = e.request().debtor();
      var a = d.address();
      debtors
          .append(
              String.join(
                  "\t",
                  d.document(),
                  d.name(),
                  d.email(),
                  d.phone(),
                  d.state().name(),
                  now,
                  a.street(),
                  a.number(),
                  a.complement() == null ? "\\N" : a.complement(),
                  a.district(),
                  a.city(),
                  a.state().name(),
                  a.postalCode().replace("-", "")))
          .append('\n');
      String due = e.request().dueDate().toString();
      debts
          .append(
              String.join(
                  "\t",
                  e.debtId(),
                  d.document(),
                  Long.toString(e.amountCents()),
                  Long.toString(e.amountCents()),
                  due,
                  "ACTIVE",
                  UUID.randomUUID().toString(),
                  "0".repeat(64),
                  now,
                  now,
                  String.valueOf(e.request().propensityScore()),
                  String.valueOf(e.request().latePaymentCount()),
                  due))
          .append('\n');
      events
          .append(
              String.join(
                  "\t",
                  e.debtId(),
                  "REGISTERED",
                  "Dívida de " + Money.toReais(e.amountCents()),
                  now))
          .append('\n');
      if (Boolean.TRUE.equals(d.whatsappOptIn())) {
        consents.append(String.join("\t", d.document(), "WHATSAPP", "OPT_IN", now)).append('\n');
      }
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      try (var st = c.createStatement()) {
        st.execute(
            "drop table if exists copy_bench_consent, copy_bench_event, copy_bench_debt,"
                + " copy_bench_debtor");
        st.execute("create table copy_bench_debtor (like debtor including all)");
        st.execute(
            "create table copy_bench_debt (like debt including all, foreign key"
                + " (debtor_document) references copy_bench_debtor (document))");
        st.execute(
            "create table copy_bench_event (like debt_event including all, foreign key (debt_id)"
                + " references copy_bench_debt (debt_id))");
        st.execute(
            "create table copy_bench_consent (like debtor_channel_consent including all, foreign"
                + " key (document) references copy_bench_debtor (document))");
      }
      // the driver is a runtime dependency only: its COPY API is reached reflectively
      Object pg = c.unwrap(Class.forName("org.postgresql.PGConnection"));
      Object copy = pg.getClass().getMethod("getCopyAPI").invoke(pg);
      var copyIn = copy.getClass().getMethod("copyIn", String.class, java.io.Reader.class);
      long t0 = System.nanoTime();
      c.setAutoCommit(false);
      copyIn.invoke(
          copy,
          "copy copy_bench_debtor (document, name, email, phone, state, updated_at,"
              + " address_street, address_number, address_complement, address_district,"
              + " address_city, address_state, address_postal_code) from stdin",
          new StringReader(debtors.toString()));
      copyIn.invoke(
          copy,
          "copy copy_bench_debt (debt_id, debtor_document, amount_cents, open_balance_cents,"
              + " due_date, status, payment_token, registration_fingerprint, registered_at,"
              + " updated_at, propensity_score, late_payment_count, interest_from) from stdin",
          new StringReader(debts.toString()));
      if (all) {
        copyIn.invoke(
            copy,
            "copy copy_bench_event (debt_id, type, detail, occurred_at) from stdin",
            new StringReader(events.toString()));
        copyIn.invoke(
            copy,
            "copy copy_bench_consent (document, channel, consent, updated_at) from stdin",
            new StringReader(consents.toString()));
      }
      c.commit();
      double seconds = Simulation.seconds(t0);
      c.setAutoCommit(true);
      try (var st = c.createStatement()) {
        st.execute(
            "drop table copy_bench_consent, copy_bench_event, copy_bench_debt,"
                + " copy_bench_debtor");
      }
      return seconds;
    } catch (Exception e) {
      throw new IllegalStateException("COPY benchmark failed", e);
    }
  }
}
