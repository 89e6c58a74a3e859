package br.com.regua.devkit.simulator;

import br.com.regua.contact.policy.ContactWindows;
import br.com.regua.engine.JourneyModel;
import br.com.regua.payment.PaymentRequest;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The numbers of docs/performance.md, measured in the simulator's JVM after a simulation: ingest
 * against PostgreSQL {@code COPY}, memory with many waiting journeys, the due-date storm with the
 * providers' rate limit and payment-to-silence latency under its load, and the engine's own limit
 * on a generated model with the journey's count of timers and no-op jobs.
 */
@Component
@Profile("simulate")
class Benchmark {

  private final Simulation.Services s;
  private final CamundaClient client;
  private final ContactWindows windows;
  private final IngestBenchmark ingest;
  private final TransactionTemplate tx;

  Benchmark(
      Simulation.Services services,
      CamundaClient client,
      ContactWindows windows,
      TransactionTemplate tx,
      IngestBenchmark ingest) {
    this.s = services;
    this.client = client;
    this.windows = windows;
    this.tx = tx;
    this.ingest = ingest;
  }

  /** The simulation's own throughput figures. */
  static String describe(Simulation.Timings t, SimulationResult r) {
    double busy = t.ingestSeconds() + t.engineSeconds();
    return String.format(
        Locale.ROOT,
        "Timings: wall %.1f s, ingest %.1f s, engine busy %.1f s; %d jobs completed, %d journeys"
            + " ended%n  journey throughput %.1f debts/s (registration + engine busy time), jobs"
            + " %.1f/s; the engine wrote %d records = %.0f records/s of wall time",
        t.wallSeconds(),
        t.ingestSeconds(),
        t.engineSeconds(),
        t.jobsCompleted(),
        t.journeysEnded(),
        r.debts() / busy,
        t.jobsCompleted() / busy,
        t.engineRecords(),
        t.engineRecords() / t.wallSeconds());
  }

  void run(SimulatorOptions o, Simulation.Timings sim, SimulationResult r, PrintStream out) {
    List<String> lines = new ArrayList<>();
    emit(lines, out, describe(sim, r));
    // First the engine's own limit, while the engine holds little more than the simulation left
    emit(lines, out, baseline(r, sim, out));
    // The storm: registered the day before its debts fall due, on a debtor base of its own; due on
    // a weekday without a national holiday, when every state's contact window opens
    LocalDate day = LocalDate.ofInstant(s.engine().now(), Simulation.ZONE).plusDays(1);
    while (!contactDay(day.plusDays(1))) {
      day = day.plusDays(1);
    }
    s.sinks().clear();
    s.sinks().setRate(o.rate());
    long rssBefore = rssKb();
    List<Portfolio.Entry> entries =
        Portfolio.generate(o.seed() + 1, o.stormDebts(), day.plusDays(1), 1, "STORM");
    moveTo(day.atTime(6, 0));
    EngineObserver observer = new EngineObserver(s.engine(), JourneyModel.DUNNING_JOURNEY);
    observer.poll();
    long t0 = System.nanoTime();
    ingest.register(entries, o.threads());
    double ingestSeconds = Simulation.seconds(t0);
    ingest.awaitJourneysStarted("STORM", Duration.ofMinutes(30));
    double started = Simulation.seconds(t0);
    observer.awaitDrained(settled(), Duration.ofMinutes(30));
    double copyAll = ingest.copyRows(entries, true);
    System.gc();
    long rssAfter = rssKb();
    // the storm's first batch path is not warmed up (the simulation registers one at a time):
    // --ingest-only measures it warm, over several rounds
    IngestBenchmark.Round round =
        new IngestBenchmark.Round(
            entries.size(), ingestSeconds, copyAll, ingest.copyRows(entries, false));
    emit(
        lines,
        out,
        round.describe(IngestBenchmark.batchRows(entries.size(), o.threads()), o.threads())
            + String.format(
                Locale.ROOT,
                "; their journeys, started in the background, all running %.1f s after the first"
                    + " request (%.0f starts/s)",
                started,
                entries.size() / started));
    emit(
        lines,
        out,
        String.format(
            Locale.ROOT,
            "Memory: RSS %d MB before the storm's debts, %d MB with %d more waiting journeys"
                + " (%d journeys waiting in all); %.1f KB per journey; heap used %d MB of max %d MB",
            rssBefore / 1024,
            rssAfter / 1024,
            entries.size(),
            observer.openTimers(),
            (rssAfter - rssBefore) / (double) entries.size(),
            (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
            Runtime.getRuntime().maxMemory() >> 20));

    // Due-date storm: every D0 reminder falls due between 09:00 and the end of the spread (each
    // debt at its own minute, contactSpread in dunning-journey.bpmn); the clock jumps over all of
    // them at once, so the engine still meets them together, as a restart after an outage would;
    // 1% of the debtors pay meanwhile.
    moveTo(day.plusDays(1).atTime(8, 59));
    observer.awaitDrained(settled(), Duration.ofMinutes(10));
    Map<Long, Long> keys = processKeys("STORM");
    long sentBefore = s.sinks().total();
    // wall-clock times: the engine's clock is pinned and jumps, so its timestamps do not measure
    // how long the debtor keeps being charged after paying
    Map<Long, Long> askWall = new ConcurrentHashMap<>();
    Map<Long, Long> commitWall = new ConcurrentHashMap<>();
    Map<Long, Long> ackWall = new ConcurrentHashMap<>();
    Map<Long, Long> endWall = new ConcurrentHashMap<>();
    List<Portfolio.Entry> payers = new ArrayList<>();
    for (int i = 0; i < entries.size(); i += 100) {
      payers.add(entries.get(i));
    }
    for (Portfolio.Entry p : payers) {
      long key = keys.getOrDefault(debtKey(p), 0L);
      observer.onJourneyEnd(key, engineMs -> endWall.put(key, System.currentTimeMillis()));
    }
    long pause =
        o.rate() <= 0 ? 5 : Math.max(1, entries.size() * 1000L / o.rate() / payers.size() / 2);
    // the journeys' ends are seen within 50 ms (awaitDrained alone looks every 500 ms when busy)
    var watcher = Executors.newSingleThreadScheduledExecutor();
    watcher.scheduleWithFixedDelay(
        observer::poll, 50, 50, java.util.concurrent.TimeUnit.MILLISECONDS);
    ExecutorService payerThread = Executors.newSingleThreadExecutor();
    long stormStart = System.nanoTime();
    Future<?> paying =
        payerThread.submit(
            () -> {
              for (Portfolio.Entry p : payers) {
                sleepMillis(pause);
                long key = keys.getOrDefault(debtKey(p), 0L);
                askWall.put(key, System.currentTimeMillis());
                long cents = p.amountCents();
                // the payment's own transaction, joined, so that its commit can be timed: the
                // outbox's first publish runs after it, within the call
                tx.executeWithoutResult(
                    status -> {
                      TransactionSynchronizationManager.registerSynchronization(
                          new TransactionSynchronization() {
                            @Override
                            public void afterCommit() {
                              commitWall.put(key, System.currentTimeMillis());
                            }
                          });
                      s.payments()
                          .receive(
                              p.debtId(),
                              new PaymentRequest(
                                  "PAY-" + p.debtId(),
                                  String.format("%d.%02d", cents / 100, cents % 100),
                                  OffsetDateTime.now(s.engine().clock())));
                    });
                ackWall.put(key, System.currentTimeMillis());
              }
            });
    // 08:59 to a minute past the spread's end (12:01): every D0 reminder has fallen due
    s.engine().advance(ContactSpread.declared().plusMinutes(2));
    try {
      paying.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    payerThread.shutdown();
    observer.awaitDrained(settled(), Duration.ofHours(3));
    watcher.shutdownNow();
    double stormSeconds = (s.sinks().lastSendNanos() - stormStart) / 1e9;
    // Silence: a contact reads the debt under its row lock and sends before it lets go, and a
    // payment takes the same lock; once the payment is committed no message can leave for the
    // debt. Payment-to-silence is therefore the time to that commit (it may wait for a send in
    // flight), and the messages the sinks accepted after it must be none. The call returns after
    // the outbox's first publish, at most a second later.
    List<Long> silences = new ArrayList<>();
    List<Long> calls = new ArrayList<>();
    List<Long> ends = new ArrayList<>();
    int afterAck = 0;
    for (Portfolio.Entry p : payers) {
      long key = keys.getOrDefault(debtKey(p), 0L);
      Long ask = askWall.get(key);
      Long commit = commitWall.get(key);
      Long ack = ackWall.get(key);
      if (ask == null || commit == null || ack == null) {
        continue;
      }
      silences.add(commit - ask);
      calls.add(ack - ask);
      Long end = endWall.get(key);
      if (end != null) {
        ends.add(end - commit);
      }
      afterAck +=
          (int)
              s.sinks().received(p.debtId()).stream()
                  .filter(m -> m.acceptedAtMillis() > commit)
                  .count();
    }
    emit(
        lines,
        out,
        String.format(
            Locale.ROOT,
            "Due-date storm: %d debts due the same day, %d D0 reminders sent at %d msg/s per"
                + " provider in %.1f s after the jump past the spread (%s an hour); %d payments"
                + " meanwhile: payment-to-silence (to the payment's commit, after which no"
                + " message can leave) p50 %d ms, p99 %d ms, max %d ms (%d measured); messages"
                + " accepted for a payer after its payment's commit: %d; the payment call p50 %d"
                + " ms, p99 %d ms; payment to the journey's end"
                + " (the engine's bookkeeping, behind the storm's records) p50 %d ms, p99 %d ms,"
                + " max %d ms (%d seen)",
            entries.size(),
            s.sinks().total() - sentBefore,
            o.rate(),
            stormSeconds,
            stormSeconds <= 3600 ? "within" : "NOT within",
            payers.size(),
            percentile(silences, 50),
            percentile(silences, 99),
            silences.isEmpty() ? 0 : Collections.max(silences),
            silences.size(),
            afterAck,
            percentile(calls, 50),
            percentile(calls, 99),
            percentile(ends, 50),
            percentile(ends, 99),
            ends.isEmpty() ? 0 : Collections.max(ends),
            ends.size()));

    write(o, lines);
  }

  /** {@code --ingest-only}: ingest against {@code COPY} alone, warmed up, several rounds. */
  void runIngestOnly(SimulatorOptions o, PrintStream out) {
    LocalDate due = LocalDate.ofInstant(s.engine().now(), Simulation.ZONE).plusDays(30);
    write(o, ingest.run(o, due, out));
  }

  private static void write(SimulatorOptions o, List<String> lines) {
    try {
      Files.createDirectories(o.out());
      Files.writeString(
          o.out().resolve("benchmark.txt"),
          String.join(System.lineSeparator(), lines) + System.lineSeparator(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The engine's own limit: as many instances as the simulation had debts, of a generated model
   * with the journeys' average count of timers and no-op jobs, in this JVM, on this client.
   */
  private String baseline(SimulationResult r, Simulation.Timings sim, PrintStream out) {
    int jobsPerJourney = Math.max(1, (int) Math.round((double) sim.jobsCompleted() / r.debts()));
    int timersPerJourney = Math.max(1, (int) Math.round((double) sim.timersCreated() / r.debts()));
    String xml = baselineModel(timersPerJourney, jobsPerJourney);
    client.newDeployResourceCommand().addResourceStringUtf8(xml, "sim-baseline.bpmn").send().join();
    EngineObserver observer = new EngineObserver(s.engine(), "sim-baseline");
    observer.poll();
    JobWorker worker =
        client
            .newWorker()
            .jobType("sim-noop")
            .handler((jobClient, job) -> jobClient.newCompleteCommand(job).send().join())
            .maxJobsActive(32)
            .streamEnabled(true)
            .pollInterval(Duration.ofSeconds(5))
            .open();
    try {
      long ended0 = observer.journeysEnded();
      long jobs0 = observer.jobsCompleted("sim-noop");
      long t0 = System.nanoTime();
      int threads = 4;
      try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int first = t;
          fs.add(
              pool.submit(
                  () -> {
                    for (int i = first; i < r.debts(); i += threads) {
                      client
                          .newCreateInstanceCommand()
                          .bpmnProcessId("sim-baseline")
                          .latestVersion()
                          .send()
                          .join();
                    }
                  }));
        }
        for (Future<?> f : fs) {
          f.get();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      observer.awaitDrained(settled(), Duration.ofMinutes(30));
      for (int day = 0; day < timersPerJourney; day++) {
        s.engine().advance(Duration.ofHours(25));
        observer.awaitDrained(settled(), Duration.ofMinutes(30));
      }
      double seconds = Simulation.seconds(t0);
      long ended = observer.journeysEnded() - ended0;
      long jobs = observer.jobsCompleted("sim-noop") - jobs0;
      double oursPerSecond = r.debts() / (sim.ingestSeconds() + sim.engineSeconds());
      double oursJobs = sim.jobsCompleted() / (sim.ingestSeconds() + sim.engineSeconds());
      return String.format(
          Locale.ROOT,
          "Engine limit: %d instances of a generated model with %d timers and %d no-op jobs each"
              + " (the journeys' average) ended in %.1f s = %.1f instances/s, %.1f jobs/s; the"
              + " régua: %.1f debts/s, %.1f jobs/s = %.0f%% of the engine's instances/s, %.0f%% of"
              + " its jobs/s",
          ended,
          timersPerJourney,
          jobsPerJourney,
          seconds,
          ended / seconds,
          jobs / seconds,
          oursPerSecond,
          oursJobs,
          100 * oursPerSecond / (ended / seconds),
          100 * oursJobs / (jobs / seconds));
    } finally {
      worker.close();
    }
  }

  /**
   * start → (wait a day → no-op job) × min(timers, jobs) → the remaining timers or jobs → end: the
   * journeys' counts of timers and jobs, with none of their work.
   */
  static String baselineModel(int timers, int jobs) {
    StringBuilder x = new StringBuilder();
    x.append(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="SimBaseline"
            targetNamespace="http://regua.com.br/simulator">
          <bpmn:process id="sim-baseline" isExecutable="true">
            <bpmn:startEvent id="Start"/>
        """);
    String previous = "Start";
    for (int i = 0; i < Math.max(timers, jobs); i++) {
      if (i < timers) {
        String timer = "Wait" + i;
        x.append(flow(previous, timer));
        x.append(
            "<bpmn:intermediateCatchEvent id=\"%s\"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>%n"
                .formatted(timer));
        previous = timer;
      }
      if (i < jobs) {
        String task = "Noop" + i;
        x.append(flow(previous, task));
        x.append(
            "<bpmn:serviceTask id=\"%s\"><bpmn:extensionElements><zeebe:taskDefinition type=\"sim-noop\"/></bpmn:extensionElements></bpmn:serviceTask>%n"
                .formatted(task));
        previous = task;
      }
    }
    x.append(flow(previous, "End"));
    x.append("<bpmn:endEvent id=\"End\"/></bpmn:process></bpmn:definitions>\n");
    return x.toString();
  }

  private static String flow(String from, String to) {
    return "<bpmn:sequenceFlow id=\"Flow_%s_%s\" sourceRef=\"%s\" targetRef=\"%s\"/>%n"
        .formatted(from, to, from, to);
  }

  private Map<Long, Long> processKeys(String prefix) {
    Map<Long, Long> map = new ConcurrentHashMap<>();
    s.jdbc()
        .sql("select debt_id, process_instance_key from debt where debt_id like :p")
        .param("p", prefix + "-%")
        .query((rs, n) -> map.put(numeric(rs.getString(1)), rs.getLong(2)))
        .list();
    return map;
  }

  private static long debtKey(Portfolio.Entry e) {
    return numeric(e.debtId());
  }

  private static long numeric(String debtId) {
    return Long.parseLong(debtId.substring(debtId.lastIndexOf('-') + 1));
  }

  private void moveTo(java.time.LocalDateTime local) {
    var target = local.atZone(Simulation.ZONE).toInstant();
    s.engine().advance(Duration.between(s.engine().now(), target));
  }

  /** Timers due by then must have fired: a little behind the engine's clock. */
  private java.time.Instant settled() {
    return s.engine().now().minus(Duration.ofMinutes(10));
  }

  private boolean contactDay(LocalDate date) {
    return date.getDayOfWeek() != java.time.DayOfWeek.SATURDAY
        && windows.allows(
            br.com.regua.brazil.Uf.SP, date.atTime(9, 1).atZone(Simulation.ZONE).toInstant());
  }

  /** A benchmark line: printed now (a long run shows its figures as they come) and kept. */
  private static void emit(List<String> lines, PrintStream out, String line) {
    lines.add(line);
    out.println(line);
  }

  static long percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  static long rssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux
    }
    return 0;
  }

  private static void sleepMillis(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
