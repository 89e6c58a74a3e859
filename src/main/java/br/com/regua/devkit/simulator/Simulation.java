package br.com.regua.devkit.simulator;

import br.com.regua.api.ConflictException;
import br.com.regua.api.RuleViolationException;
import br.com.regua.consent.Channel;
import br.com.regua.debt.DebtStatus;
import br.com.regua.devkit.engine.EmbeddedEngine;
import br.com.regua.engagement.EmailOpenedRequest;
import br.com.regua.engagement.EngagementService;
import br.com.regua.engagement.PortalVisitRequest;
import br.com.regua.engine.JourneyModel;
import br.com.regua.journey.DebtRegistration;
import br.com.regua.payment.PaymentRequest;
import br.com.regua.payment.PaymentService;
import br.com.regua.promise.PromiseService;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs a synthetic portfolio through the deployed journey, a day at a time, deterministically: move
 * the engine clock to the end of the day's contact spread (São Paulo; 12:00 with the model's PT3H,
 * {@link ContactSpread#dayDone()}), wait until the engine is quiet (no job open, no timer due), let
 * every debtor act in debt order (the {@link BehaviourModel}) through the real services, wait
 * again, count the day. The steps' timers have fired by then (each debt's at 09:00 plus its minute,
 * within {@code contactSpread} in dunning-journey.bpmn), and every contact of the day falls inside
 * the contact windows, Saturday's (until 14:00) too.
 */
public final class Simulation {

  static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

  private static final Duration DRAIN_BOUND = Duration.ofMinutes(10);

  /** What the simulation uses of the service: its real services, engine and database. */
  public record Services(
      DebtRegistration debts,
      PaymentService payments,
      PromiseService promises,
      EngagementService engagement,
      EmbeddedEngine engine,
      JdbcClient jdbc,
      RecordingSinks sinks,
      br.com.regua.hold.HoldService holds) {

    /** Without holds on the portfolio's debtors. */
    public Services(
        DebtRegistration debts,
        PaymentService payments,
        PromiseService promises,
        EngagementService engagement,
        EmbeddedEngine engine,
        JdbcClient jdbc,
        RecordingSinks sinks) {
      this(debts, payments, promises, engagement, engine, jdbc, sinks, null);
    }
  }

  /** Wall-clock measurements of a run; not part of the (deterministic) result. */
  public record Timings(
      double wallSeconds,
      double ingestSeconds,
      double engineSeconds,
      long jobsCompleted,
      long timersCreated,
      long journeysEnded,
      long engineRecords,
      List<Long> paymentToSilenceMillis) {}

  private final Services s;
  private final SimulatorOptions o;
  private final PrintStream out;
  private final BehaviourModel model;

  /** 09:00 plus the deployed model's contactSpread (12:00 with PT3H): the day's steps all ran. */
  private final LocalTime dayTime;

  private EngineObserver observer;
  private double engineSeconds;
  private Instant clockTarget;
  private Timings timings;

  public Simulation(Services services, SimulatorOptions options, PrintStream out) {
    this(services, options, out, BehaviourModel.DEFAULTS);
  }

  public Simulation(
      Services services,
      SimulatorOptions options,
      PrintStream out,
      BehaviourModel.Parameters behaviour) {
    this.s = services;
    this.o = options;
    this.out = out;
    this.model = new BehaviourModel(options.seed(), behaviour);
    this.dayTime = ContactSpread.dayDone(options.models());
  }

  public Timings timings() {
    return timings;
  }

  /** Per-debt state the simulation keeps between days. */
  private static final class DebtState {
    final Portfolio.Entry entry;
    boolean paid;
    LocalDate promisedDate;
    boolean promiseKept;
    long processInstanceKey;

    DebtState(Portfolio.Entry entry) {
      this.entry = entry;
    }
  }

  /**
   * Runs the simulation with the engine clock pinned: it moves only to the day's fixed instants, so
   * every timer, record and contact time is the same from one run to the next whatever the
   * machine's speed (same seed, same numbers). The clock runs with wall time again afterwards.
   */
  public SimulationResult run() {
    boolean wasPinned = s.engine().clockPinned();
    s.engine().pinClock();
    try {
      return simulate();
    } finally {
      if (!wasPinned) {
        s.engine().unpinClock();
      }
    }
  }

  private SimulationResult simulate() {
    long started = System.nanoTime();
    observer = new EngineObserver(s.engine(), JourneyModel.DUNNING_JOURNEY);
    LocalDate start = o.start();
    moveClockTo(start.atTime(6, 0).atZone(ZONE).toInstant());
    observer.poll();
    observer.resetCounters();

    List<Portfolio.Entry> entries =
        Portfolio.generate(o.seed(), o.debts(), start.plusDays(5), o.dueDays(), o.prefix());
    long portfolioCents = entries.stream().mapToLong(Portfolio.Entry::amountCents).sum();
    out.printf(
        "Simulating %d debts (R$ %s) for %d days from %s, seed %d%n",
        entries.size(), reais(portfolioCents), o.days(), start, o.seed());

    long ingestStart = System.nanoTime();
    register(entries);
    double ingestSeconds = seconds(ingestStart);
    out.printf(
        "Registered %d debts in %.1f s (%.0f debts/s)%n",
        entries.size(), ingestSeconds, entries.size() / ingestSeconds);
    List<DebtState> states = entries.stream().map(DebtState::new).toList();
    Map<String, Long> keys = new HashMap<>();
    s.jdbc()
        .sql("select debt_id, process_instance_key from debt where debt_id like :p")
        .param("p", o.prefix() + "-%")
        .query((rs, n) -> keys.put(rs.getString(1), rs.getLong(2)))
        .list();
    states.forEach(st -> st.processInstanceKey = keys.getOrDefault(st.entry.debtId(), 0L));
    observer.watch(new java.util.HashSet<>(keys.values()));
    drain();

    List<SimulationResult.Day> rows = new ArrayList<>();
    TreeMap<Integer, Integer> settled = new TreeMap<>();
    Counters c = new Counters();
    long cumulative = 0;
    long postponedBefore = postponements();
    long tasksCreatedBefore = observer.userTasksCreated();
    List<Long> latencies = new ArrayList<>();
    for (int day = 0; day < o.days(); day++) {
      long dayStart = System.nanoTime();
      LocalDate date = start.plusDays(day);
      moveClockTo(morning(dayTime, date, day));
      drain();
      // the debtors act half an hour after the day's contacts: what the morning's work scheduled
      // for a few minutes later has happened by then
      moveClockTo(actionTime(dayTime, date, day));
      drain();
      Map<String, DebtStatus> statuses = statuses();
      c.dayPayments = 0;
      c.dayCents = 0;
      c.dayPromises = 0;
      c.dayOpens = 0;
      c.dayVisits = 0;
      Map<String, List<Delivered>> delivered = delivered(date);
      PortfolioHolds portfolioHolds = new PortfolioHolds(s.holds());
      int holdChanges = 0;
      for (DebtState st : states) {
        holdChanges += portfolioHolds.apply(st.entry, day, date);
      }
      if (holdChanges > 0) {
        drain();
        statuses = statuses();
      }
      for (DebtState st : states) {
        act(st, day, date, statuses, delivered.get(st.entry.debtId()), c, settled, latencies);
      }
      drain();
      cumulative += c.dayCents;
      long postponed = postponements();
      long[] channels = contactsOn(date);
      long tasksCreated = observer.userTasksCreated();
      long active = statuses().values().stream().filter(DebtStatus::isOpen).count();
      rows.add(
          new SimulationResult.Day(
              day,
              date,
              c.dayPayments,
              c.dayCents,
              cumulative,
              channels[0],
              channels[1],
              channels[2],
              channels[3],
              postponed - postponedBefore,
              negativations(),
              observer.openUserTasks(),
              tasksCreated - tasksCreatedBefore,
              c.dayPromises,
              c.dayOpens,
              c.dayVisits,
              active));
      postponedBefore = postponed;
      tasksCreatedBefore = tasksCreated;
      SimulationResult.Day row = rows.getLast();
      out.printf(
          "day %3d/%d %s  paid %6d  recovered R$ %14s (%5.1f%%)  contacts %6d  postponed %5d"
              + "  tasks %4d  active %7d  (%.1f s)%n",
          day + 1,
          o.days(),
          date,
          row.payments(),
          reais(cumulative),
          100.0 * cumulative / Math.max(1, portfolioCents),
          row.contacts(),
          row.postponements(),
          row.agentTasksOpen(),
          active,
          seconds(dayStart));
    }
    out.printf(
        "Engine clock pinned at each simulated instant; stepped %d times by 100 ms to wake the"
            + " engine's timer checker%n",
        observer.nudges());
    Map<String, Long> finalStatuses = new TreeMap<>();
    statuses().values().forEach(st -> finalStatuses.merge(st.name(), 1L, Long::sum));
    Map<String, Long> byChannel = new LinkedHashMap<>();
    for (Channel ch : Channel.values()) {
      byChannel.put(ch.name(), rows.stream().mapToLong(d -> contactsOf(d, ch)).sum());
    }
    timings =
        new Timings(
            seconds(started),
            ingestSeconds,
            engineSeconds,
            observer.jobsCompleted(),
            observer.timersCreated(),
            observer.journeysEnded(),
            observer.recordsRead(),
            latencies);
    return new SimulationResult(
        o.label(),
        o.seed(),
        entries.size(),
        o.days(),
        portfolioCents,
        rows,
        settled,
        finalStatuses,
        byChannel,
        c.promisesMade,
        c.promisesKept,
        c.promisesBroken,
        c.promisesRefused,
        observer.incidents());
  }

  private static final class Counters {
    long dayPayments;
    long dayCents;
    long dayPromises;
    long dayOpens;
    long dayVisits;
    long promisesMade;
    long promisesKept;
    long promisesBroken;
    long promisesRefused;
  }

  /** One debtor's day, in a fixed order: a due promise, then payment, promise or engagement. */
  private void act(
      DebtState st,
      int day,
      LocalDate date,
      Map<String, DebtStatus> statuses,
      List<Delivered> delivered,
      Counters c,
      TreeMap<Integer, Integer> settled,
      List<Long> latencies) {
    if (st.paid) {
      return;
    }
    String debtId = st.entry.debtId();
    DebtStatus status = statuses.get(debtId);
    if (status == null || status == DebtStatus.WRITTEN_OFF || status == DebtStatus.CANCELLED) {
      return;
    }
    if (status == DebtStatus.RENEGOTIATED || status == DebtStatus.PAID) {
      st.paid = true;
      return;
    }
    LocalDate due = st.entry.request().dueDate();
    int overdue = (int) ChronoUnit.DAYS.between(due, date);
    if (st.promisedDate != null && !date.isBefore(st.promisedDate)) {
      LocalDate promised = st.promisedDate;
      st.promisedDate = null;
      if (st.promiseKept) {
        c.promisesKept++;
        pay(st, overdue, c, settled, latencies);
        return;
      }
      c.promisesBroken++;
      if (promised.equals(date)) {
        return; // a debtor who breaks a promise does nothing else that day
      }
    }
    BehaviourModel.Actions actions =
        model.decide(
            st.entry.index(),
            day,
            st.entry.request().propensityScore(),
            overdue,
            received(delivered, date),
            st.promisedDate != null);
    if (actions.pays() && status != DebtStatus.DISPUTED) {
      pay(st, overdue, c, settled, latencies);
      return;
    }
    OffsetDateTime now = OffsetDateTime.now(s.engine().clock()).withOffsetSameInstant(offset());
    for (int i = 0; i < actions.emailsOpened(); i++) {
      s.engagement()
          .emailOpened(new EmailOpenedRequest("O-" + debtId + "-" + day + "-" + i, debtId, now));
      c.dayOpens++;
    }
    if (actions.visitsPortal()) {
      s.engagement()
          .portalVisited(
              new PortalVisitRequest(
                  "V-" + debtId + "-" + day, debtId, now, actions.downloadsBoleto(), false));
      c.dayVisits++;
    }
    if (actions.promiseInDays() > 0) {
      LocalDate promised = date.plusDays(actions.promiseInDays());
      try {
        s.promises().make(debtId, "P-" + debtId + "-" + day, promised, "SIMULADOR");
        st.promisedDate = promised;
        st.promiseKept = actions.promiseKept();
        c.promisesMade++;
        c.dayPromises++;
      } catch (RuleViolationException | ConflictException refused) {
        c.promisesRefused++;
      }
    }
  }

  private void pay(
      DebtState st,
      int overdue,
      Counters c,
      TreeMap<Integer, Integer> settled,
      List<Long> latencies) {
    String debtId = st.entry.debtId();
    long cents = st.entry.amountCents();
    OffsetDateTime now = OffsetDateTime.now(s.engine().clock()).withOffsetSameInstant(offset());
    s.payments()
        .receive(
            debtId,
            new PaymentRequest(
                "PAY-" + debtId, String.format("%d.%02d", cents / 100, cents % 100), now));
    st.paid = true;
    c.dayPayments++;
    c.dayCents += cents;
    settled.merge(overdue, 1, Integer::sum);
  }

  private static java.time.ZoneOffset offset() {
    return ZONE.getRules().getOffset(Instant.now());
  }

  /** A contact that reached a debtor, as the contact log has it. */
  private record Delivered(String debtId, Channel channel, LocalDate day, boolean afterDue) {}

  /**
   * What reached each debtor yesterday and today, from the contact log (sent, or recorded where a
   * channel has no provider): the debtors react to what the journey really did.
   */
  private Map<String, List<Delivered>> delivered(LocalDate today) {
    Map<String, List<Delivered>> map = new HashMap<>();
    s.jdbc()
        .sql(
            """
            select c.debt_id, c.channel, c.occurred_at, d.due_date
            from contact c join debt d on d.debt_id = c.debt_id
            where c.outcome in ('SENT', 'RECORDED') and c.debt_id like :p and c.occurred_at >= :since
            """)
        .param("p", o.prefix() + "-%")
        .param("since", java.sql.Timestamp.from(today.minusDays(1).atStartOfDay(ZONE).toInstant()))
        .query(
            (rs, n) -> {
              LocalDate day = LocalDate.ofInstant(rs.getTimestamp("occurred_at").toInstant(), ZONE);
              LocalDate due = rs.getDate("due_date").toLocalDate();
              Delivered d =
                  new Delivered(
                      rs.getString("debt_id"),
                      Channel.valueOf(rs.getString("channel")),
                      day,
                      day.isAfter(due));
              return map.computeIfAbsent(d.debtId(), k -> new ArrayList<>()).add(d);
            })
        .list();
    return map;
  }

  private static BehaviourModel.Received received(List<Delivered> messages, LocalDate today) {
    if (messages == null || messages.isEmpty()) {
      return BehaviourModel.Received.NOTHING;
    }
    boolean todayAny = false;
    boolean yesterday = false;
    boolean link = false;
    boolean afterDue = false;
    int emails = 0;
    LocalDate before = today.minusDays(1);
    for (Delivered m : messages) {
      if (m.day().equals(today)) {
        todayAny = true;
        emails += m.channel() == Channel.EMAIL ? 1 : 0;
        link |= m.channel() == Channel.SMS || m.channel() == Channel.WHATSAPP;
        afterDue |= m.afterDue();
      } else if (m.day().equals(before)) {
        yesterday = true;
      }
    }
    return new BehaviourModel.Received(todayAny, yesterday, emails, link, afterDue);
  }

  /** Contacts that reached debtors on the day, per channel (in {@link Channel} order). */
  private long[] contactsOn(LocalDate day) {
    long[] t = new long[Channel.values().length];
    s.jdbc()
        .sql(
            """
            select channel, count(*) from contact
            where outcome in ('SENT', 'RECORDED') and debt_id like :p
              and occurred_at >= :from and occurred_at < :to
            group by channel
            """)
        .param("p", o.prefix() + "-%")
        .param("from", java.sql.Timestamp.from(day.atStartOfDay(ZONE).toInstant()))
        .param("to", java.sql.Timestamp.from(day.plusDays(1).atStartOfDay(ZONE).toInstant()))
        .query((rs, n) -> t[Channel.valueOf(rs.getString(1)).ordinal()] = rs.getLong(2))
        .list();
    return t;
  }

  private void register(List<Portfolio.Entry> entries) {
    int threads = Math.max(1, o.threads());
    AtomicInteger done = new AtomicInteger();
    // a line every tenth of the portfolio (at least every 1,000), so a long registration shows it
    // is moving
    int every = Math.max(1_000, entries.size() / 10);
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = first; i < entries.size(); i += threads) {
                    s.debts().register(entries.get(i).request());
                    int n = done.incrementAndGet();
                    if (n % every == 0) {
                      out.printf("  registered %d%n", n);
                    }
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("registration failed", e);
    }
  }

  /**
   * The day's first instant: the day time (12:00 with the model's PT3H spread) plus ten seconds per
   * simulated day. The clock stands still at each instant, but the engine's timer checker may need
   * it stepped a few hundred milliseconds (see {@link EngineObserver#awaitDrained(Instant,
   * Duration, Runnable)}): an event of day d at 12:00:10d plus those steps, with a timer whole days
   * or hours later, then always falls between the same two moves of a later day (before that day's
   * 12:00:10(d+n)), never on one of them, and two runs see it fire at the same point of the same
   * day.
   */
  static Instant morning(LocalTime dayTime, LocalDate date, int day) {
    return date.atTime(dayTime).plusSeconds(dayShift(day)).atZone(ZONE).toInstant();
  }

  /**
   * When the debtors act: half an hour after the day time, plus the day's shift (12:30 + 10 s·d).
   */
  static Instant actionTime(LocalTime dayTime, LocalDate date, int day) {
    return date.atTime(dayTime.plusMinutes(30)).plusSeconds(dayShift(day)).atZone(ZONE).toInstant();
  }

  /** Ten seconds a day, for 150 days (25 minutes), then again: the two series never meet. */
  private static long dayShift(int day) {
    return 10L * (day % 150);
  }

  private void moveClockTo(Instant target) {
    Duration delta = Duration.between(s.engine().now(), target);
    if (delta.isNegative()) {
      throw new IllegalStateException(
          "the engine clock is already past " + target + "; pass a later --start");
    }
    if (s.engine().clockPinned()) {
      // no notice time to wait for: drain() waits until every timer due by then has fired
      s.engine().nudge(delta);
    } else {
      s.engine().advance(delta);
    }
    clockTarget = target;
  }

  private void drain() {
    long t0 = System.nanoTime();
    Runnable nudge =
        s.engine().clockPinned() ? () -> s.engine().nudge(Duration.ofMillis(100)) : null;
    if (!observer.awaitDrained(clockTarget, DRAIN_BOUND, nudge)) {
      out.printf("  warning: engine not quiet after %s: %s%n", DRAIN_BOUND, observer.describe());
    }
    engineSeconds += seconds(t0);
  }

  private Map<String, DebtStatus> statuses() {
    Map<String, DebtStatus> map = new HashMap<>();
    s.jdbc()
        .sql("select debt_id, status from debt where debt_id like :p")
        .param("p", o.prefix() + "-%")
        .query((rs, n) -> map.put(rs.getString(1), DebtStatus.valueOf(rs.getString(2))))
        .list();
    return map;
  }

  private long postponements() {
    return s.jdbc()
        .sql("select count(*) from contact where outcome = 'POSTPONED' and debt_id like :p")
        .param("p", o.prefix() + "-%")
        .query(Long.class)
        .single();
  }

  private long negativations() {
    return s.jdbc()
        .sql("select count(*) from negativation where debt_id like :p")
        .param("p", o.prefix() + "-%")
        .query(Long.class)
        .single();
  }

  private static long contactsOf(SimulationResult.Day d, Channel ch) {
    return switch (ch) {
      case EMAIL -> d.email();
      case SMS -> d.sms();
      case WHATSAPP -> d.whatsapp();
      case LETTER -> d.letter();
    };
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  static String reais(long cents) {
    return String.format(java.util.Locale.ROOT, "%,d.%02d", cents / 100, cents % 100);
  }
}
