package br.com.regua.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The exactly-one-contact check of {@code bin/fault-injection}: from each debt's strategy, due date
 * and what the run did to it (the events the service acknowledged, on the day they were sent, and
 * the clock's moves), works out which contact steps fell due during the run, when each had to be
 * made under the contact policy, and which had to be postponed first; then compares that with the
 * contact log. Each step due gets exactly one contact ({@code SENT} or {@code RECORDED}) on the day
 * it should, each postponement is recorded ({@code POSTPONED}), and no other contact is made.
 *
 * <p>It models the journeys as the models in {@code bpmn/} define them (docs/journey.md,
 * docs/agreements.md): the régua's steps in sequence, each at 09:00 São Paulo on its day and
 * skipped once its day has ended, the agents' tasks and their deadlines, promises, disputes,
 * agreements' installments, the engagement follow-ups (one per stage of the régua), and the contact
 * policy (the state's hours, Sundays, national and state holidays, one contact per debtor per day).
 * The clock moves in jumps to 10:00, so what falls due between two moves happens at the second.
 *
 * <p>Two things the driver cannot order are read from the log instead of guessed: which of two
 * contacts due at the same clock move went first (the daily limit then postpones the other), and
 * whether a contact due at the move that also brought an event that ends or pauses the journey (a
 * payment, promise, dispute, agreement) was made before the event (both are right; such steps are
 * counted as raced, and must have at most one contact).
 *
 * <p>{@code ExpectedContacts JDBC_URL PLAN JUMPS ACKED_ON TMP_DIR}: PLAN lines {@code id strategy
 * state dueDate amountCents kind}, JUMPS lines {@code day epochSeconds killed}, ACKED_ON lines
 * {@code event daySent}. Exits 1 when a check fails.
 */
public final class ExpectedContacts {

  static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
  static final Duration AMBIGUOUS = Duration.ofMinutes(2);

  record Row(String step, String outcome, Instant at, String key, String detail, String channel) {

    /** Suppressed because an earlier attempt died after asking the provider (SendIntents). */
    boolean cutShort() {
      return outcome.equals("SUPPRESSED")
          && detail != null
          && detail.contains("um envio anterior foi interrompido");
    }

    @Override
    public String toString() {
      return step + " " + outcome + " " + at;
    }
  }

  record Event(String kind, String id, String arg, String n, int jump) {}

  record Expected(String step, boolean contacted, boolean raced, LocalDate day) {}

  // --- the calendar and the contact policy ---------------------------------------------------

  /**
   * National holidays, and the state's own that the contact policy keeps (brazil/BusinessDays lists
   * them: RJ 23 Apr, SP 9 Jul, PB 26 Jul and 5 Aug, RS 20 Sep, RN 3 Oct, MS 11 Oct, GO 24 Oct, PE 8
   * Dec), restated here so that this check does not lean on the code it checks.
   */
  static boolean holiday(String state, LocalDate day) {
    Set<MonthDay> national =
        Set.of(
            MonthDay.of(1, 1),
            MonthDay.of(4, 21),
            MonthDay.of(5, 1),
            MonthDay.of(9, 7),
            MonthDay.of(10, 12),
            MonthDay.of(11, 2),
            MonthDay.of(11, 15),
            MonthDay.of(11, 20),
            MonthDay.of(12, 25));
    Set<MonthDay> ofTheState =
        switch (state) {
          case "RJ" -> Set.of(MonthDay.of(4, 23));
          case "SP" -> Set.of(MonthDay.of(7, 9));
          case "PB" -> Set.of(MonthDay.of(7, 26), MonthDay.of(8, 5));
          case "RS" -> Set.of(MonthDay.of(9, 20));
          case "RN" -> Set.of(MonthDay.of(10, 3));
          case "MS" -> Set.of(MonthDay.of(10, 11));
          case "GO" -> Set.of(MonthDay.of(10, 24));
          case "PE" -> Set.of(MonthDay.of(12, 8));
          default -> Set.of();
        };
    MonthDay monthDay = MonthDay.from(day);
    return national.contains(monthDay)
        || ofTheState.contains(monthDay)
        || day.equals(easter(day.getYear()).minusDays(2));
  }

  static LocalDate easter(int y) {
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
    int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(y, month, day);
  }

  /** The hours of the state on the day, {from, to}, or null. */
  static LocalTime[] hours(String state, LocalDate day) {
    if (day.getDayOfWeek() == DayOfWeek.SUNDAY || holiday(state, day)) {
      return null;
    }
    boolean saturday = day.getDayOfWeek() == DayOfWeek.SATURDAY;
    return switch (state) {
      case "RJ" -> saturday ? null : new LocalTime[] {LocalTime.of(9, 0), LocalTime.of(19, 0)};
      case "ES" -> saturday ? null : new LocalTime[] {LocalTime.of(8, 0), LocalTime.of(19, 0)};
      default ->
          saturday
              ? new LocalTime[] {LocalTime.of(8, 0), LocalTime.of(14, 0)}
              : new LocalTime[] {LocalTime.of(8, 0), LocalTime.of(20, 0)};
    };
  }

  static boolean allows(String state, Instant at) {
    var local = at.atZone(ZONE);
    LocalTime[] h = hours(state, local.toLocalDate());
    return h != null && !local.toLocalTime().isBefore(h[0]) && local.toLocalTime().isBefore(h[1]);
  }

  static Instant nextAllowed(String state, Instant at) {
    if (allows(state, at)) {
      return at;
    }
    var local = at.atZone(ZONE);
    LocalTime[] h = hours(state, local.toLocalDate());
    if (h != null && local.toLocalTime().isBefore(h[0])) {
      return local.toLocalDate().atTime(h[0]).atZone(ZONE).toInstant();
    }
    return firstWindowAfter(state, local.toLocalDate());
  }

  static Instant firstWindowAfter(String state, LocalDate day) {
    for (int ahead = 1; ahead <= 14; ahead++) {
      LocalTime[] h = hours(state, day.plusDays(ahead));
      if (h != null) {
        return day.plusDays(ahead).atTime(h[0]).atZone(ZONE).toInstant();
      }
    }
    throw new IllegalStateException("no window after " + day);
  }

  /** When the first window on or after the day closes: the D+1 call's deadline. */
  static Instant firstWindowCloseFrom(String state, LocalDate day) {
    for (int ahead = 0; ahead <= 14; ahead++) {
      LocalTime[] h = hours(state, day.plusDays(ahead));
      if (h != null) {
        return day.plusDays(ahead).atTime(h[1]).atZone(ZONE).toInstant();
      }
    }
    throw new IllegalStateException("no window from " + day);
  }

  static Instant at(LocalDate day, int hour) {
    return day.atTime(hour, 0).atZone(ZONE).toInstant();
  }

  static Instant endOf(LocalDate day) {
    return day.atTime(23, 59, 59).atZone(ZONE).toInstant();
  }

  static LocalDate dayOf(Instant at) {
    return at.atZone(ZONE).toLocalDate();
  }

  /** The letter that proves a notice no delivery receipt proved (STJ Tema 1.315). */
  static final String NOTICE_LETTER_STEP = "Aviso prévio de negativação (carta)";

  /** {@code noticeReceiptWait} in the model: how long an e-mail notice waits for its receipt. */
  static final Duration NOTICE_RECEIPT_WAIT = Duration.ofDays(3);

  /** The model's {@code WaitForNoticeReceiptTimer}. */
  static final Duration NOTICE_CHECK_EVERY = Duration.ofHours(6);

  static int negativationWaitDays(String state) {
    return switch (state) {
      case "MT" -> 45;
      case "SP", "PE" -> 20;
      case "PI" -> 15;
      default -> 10;
    };
  }

  // --- one debt ---------------------------------------------------------------------------------

  /** A thread of the debt's journeys: it sleeps until {@code wake}, or waits for an event. */
  abstract static class Flow {
    Instant wake;
    boolean ended;

    /** Woken by a follow-up's timer that may fire at the move before (the clock runs). */
    boolean ambiguous;

    abstract void run(Sim sim, Instant now);

    /** The contact this flow is about to attempt when woken, or null. */
    String attempting(Sim sim) {
      return null;
    }
  }

  static final class Sim {
    final String id, strategy, state, kind;
    final LocalDate due;
    final long amount;
    final List<Row> observed;
    final Map<String, List<LocalDate>> installments;
    final List<Flow> flows = new ArrayList<>();
    final Map<String, Expected> expected = new LinkedHashMap<>();
    final Map<String, Set<Instant>> postponed = new HashMap<>();
    final Map<String, Instant> made = new HashMap<>();
    final List<String> problems = new ArrayList<>();
    String stage = "registro";
    int exactlyOnce;
    int cutShort;
    int cutShortUnverified;
    LocalDate lastContactDay;
    boolean racing; // an event that ends or pauses the journey came with this clock move
    long paid;
    Main main;
    Agreement agreement;
    final Map<String, Instant> completions = new HashMap<>(); // task element -> when completed

    Sim(String[] plan, List<Row> observed, Map<String, List<LocalDate>> installments) {
      this.id = plan[0];
      this.strategy = plan[1];
      this.state = plan[2];
      this.due = LocalDate.parse(plan[3]);
      this.amount = Long.parseLong(plan[4]);
      this.kind = plan[5];
      this.observed = observed;
      this.installments = installments;
    }

    boolean observedContact(String step, LocalDate day) {
      return observed.stream()
          .anyMatch(
              r ->
                  r.step.equals(step)
                      && (r.outcome.equals("SENT") || r.outcome.equals("RECORDED"))
                      && dayOf(r.at).equals(day));
    }

    boolean observedAnyOn(String prefix, LocalDate day) {
      return observed.stream().anyMatch(r -> r.step.startsWith(prefix) && dayOf(r.at).equals(day));
    }

    /**
     * A contact attempted now, under the policy: returns the instant to try again, or null when it
     * is done (made, or made before).
     */
    Instant attempt(String step, Instant now) {
      if (made.containsKey(step)) {
        return null;
      }
      LocalDate today = dayOf(now);
      Instant until = null;
      if (!allows(state, now)) {
        until = nextAllowed(state, now);
      } else if (today.equals(lastContactDay)) {
        until = firstWindowAfter(state, today);
      }
      if (until != null) {
        postponed.computeIfAbsent(step, s -> new HashSet<>()).add(until);
        expected.putIfAbsent(step, new Expected(step, false, false, null));
        return until;
      }
      if (racing && !observedContact(step, today)) {
        // the event that ended or paused the journey at this move went first
        expected.put(step, new Expected(step, false, true, today));
        made.put(step, now); // (the flow is cancelled by the event anyway)
        return null;
      }
      expected.put(step, new Expected(step, true, racing, today));
      made.put(step, now);
      lastContactDay = today;
      if (!step.startsWith("Acompanhamento ")) {
        stage = step;
      }
      return null;
    }

    void add(Flow flow) {
      flows.add(flow);
    }

    /** The flows due at this clock move, run until none is. */
    void move(Instant now, Instant previousMove) {
      while (true) {
        List<Flow> due = new ArrayList<>();
        for (Flow f : flows) {
          if (!f.ended && f.wake != null && !f.wake.isAfter(now)) {
            due.add(f);
          }
        }
        if (due.isEmpty()) {
          return;
        }
        due.sort(Comparator.comparing(f -> f.wake));
        Flow next = due.getFirst();
        // two contacts due at one move: the one the log shows made that day went first
        List<Flow> contacts = due.stream().filter(f -> f.attempting(this) != null).toList();
        if (contacts.size() > 1 && allows(state, now) && !dayOf(now).equals(lastContactDay)) {
          for (Flow f : contacts) {
            if (observedContact(f.attempting(this), dayOf(now))) {
              next = f;
              break;
            }
          }
        }
        Instant wake = next.wake;
        next.wake = null;
        next.run(this, wake.isAfter(now) ? now : now);
      }
    }

    void endJourney() {
      if (main != null) {
        main.ended = true;
      }
      for (Flow f : flows) {
        if (f instanceof FollowUp) {
          f.ended = true;
        }
      }
    }
  }

  /**
   * A contact-step: at its day's 09:00 (skipped once the day ended), or now without a day. A step
   * of the régua names the next one's day: postponed to that day or later, it is superseded (the
   * strategies' {@code postponementPolicy}, {@code supersede}) and nothing is sent for it.
   */
  static final class ContactStep {
    final String step;
    final LocalDate stepDate;
    final LocalDate nextStepDate;

    ContactStep(String step, LocalDate stepDate) {
      this(step, stepDate, null);
    }

    ContactStep(String step, LocalDate stepDate, LocalDate nextStepDate) {
      this.step = step;
      this.stepDate = stepDate;
      this.nextStepDate = nextStepDate;
    }

    boolean supersededWhenPostponedTo(Instant until) {
      return nextStepDate != null && !until.isBefore(nextStepDate.atStartOfDay(ZONE).toInstant());
    }
  }

  /** The dunning journey: the régua's steps, promises and disputes. */
  static final class Main extends Flow {
    final List<Object> items = new ArrayList<>(); // ContactStep, Task, Timer
    int index = -1;
    String waitingTask; // element
    Instant taskDeadline;
    ContactStep current;
    boolean started; // the current step's timer reached
    String mode = "collection"; // collection, promise, promise-wait, dispute, ended
    LocalDate promisedDate;
    String promiseStep;
    Instant noticeAt;

    record Task(String element, LocalDate timerDay, Instant deadline, boolean passedCheck) {}

    record Timer(String what, Instant at) {}

    static Main start(Sim sim, Instant now) {
      Main m = new Main();
      sim.main = m;
      sim.add(m);
      m.collection(sim, now);
      return m;
    }

    void collection(Sim sim, Instant now) {
      mode = "collection";
      items.clear();
      LocalDate d = sim.due;
      boolean intensive = sim.strategy.equals("intensive");
      if (intensive && now.isBefore(at(d.minusDays(3), 8)) && !dayOf(now).plusDays(5).isAfter(d)) {
        items.add(new Task("PreventiveCallUserTask", d.minusDays(5), at(d.minusDays(3), 8), false));
      }
      items.add(new ContactStep("D-3", d.minusDays(3), d));
      items.add(new ContactStep("D0", d, d.plusDays(1)));
      if (intensive) {
        items.add(
            new Task(
                "ExtraDayCallUserTask",
                d.plusDays(1),
                firstWindowCloseFrom(sim.state, d.plusDays(1)),
                true));
      } else {
        items.add(new ContactStep("D+1", d.plusDays(1), d.plusDays(3)));
      }
      items.add(new ContactStep("D+3", d.plusDays(3), d.plusDays(7)));
      items.add(new ContactStep("D+7", d.plusDays(7), d.plusDays(15)));
      items.add(
          new ContactStep(
              "D+15", d.plusDays(15), sim.strategy.equals("light") ? null : d.plusDays(20)));
      if (intensive) {
        items.add(new Task("NegotiationCallUserTask", d.plusDays(15), at(d.plusDays(20), 8), true));
      }
      if (!sim.strategy.equals("light")) {
        items.add(new Timer("notice", at(d.plusDays(20), 9)));
      }
      items.add(new Timer("end", at(d.plusDays(60), 9)));
      index = -1;
      advance(sim, now);
    }

    /** Moves to the next item at {@code now}, running what is already due. */
    void advance(Sim sim, Instant now) {
      index++;
      current = null;
      waitingTask = null;
      if (index >= items.size()) {
        ended = true;
        return;
      }
      Object item = items.get(index);
      if (item instanceof ContactStep step) {
        startStep(sim, step, now);
      } else if (item instanceof Task task) {
        if (task.passedCheck && endOf(task.timerDay).isBefore(now)) {
          advance(sim, now);
          return;
        }
        wake = at(task.timerDay, 9).isAfter(now) ? at(task.timerDay, 9) : now;
        waitingTask = null;
      } else if (item instanceof Timer timer) {
        wake = timer.at.isAfter(now) ? timer.at : now;
      }
    }

    /** The notice's proof checked now, and again six hours of engine time later. */
    void noticeCheck(Instant now) {
      boolean letterDue = !now.isBefore(noticeAt.plus(NOTICE_RECEIPT_WAIT));
      wake = letterDue ? now : now.plus(NOTICE_CHECK_EVERY);
      items.set(index, new Timer("notice-check", wake));
    }

    void startStep(Sim sim, ContactStep step, Instant now) {
      current = step;
      started = false;
      if (step.stepDate != null && endOf(step.stepDate).isBefore(now)) {
        advance(sim, now); // skipped: its day ended
        return;
      }
      Instant when = step.stepDate == null ? now : at(step.stepDate, 9);
      wake = when.isAfter(now) ? when : now;
    }

    @Override
    String attempting(Sim sim) {
      return current != null ? current.step : null;
    }

    @Override
    void run(Sim sim, Instant now) {
      if (current != null) {
        Instant retry = sim.attempt(current.step, now);
        if (retry != null && current.supersededWhenPostponedTo(retry)) {
          advance(sim, now); // superseded by the next step: logged SKIPPED, nothing sent
          return;
        }
        if (retry != null) {
          wake = retry;
          return;
        }
        if (mode.equals("promise")) {
          mode = "promise-wait";
          current = null;
          wake = at(promisedDate.plusDays(2), 9);
          return;
        }
        if (current.step.equals("Aviso prévio de negativação")) {
          // no delivery receipt proves an e-mail notice here: the model checks every 6 hours of
          // engine time and, at the first check once its 3 days of waiting are over, sends a letter
          noticeAt = sim.made.get(current.step);
          current = null;
          noticeCheck(now);
          return;
        }
        if (current.step.equals(NOTICE_LETTER_STEP)) {
          Instant mailedAt = sim.made.get(current.step);
          current = null;
          wake = mailedAt.plus(Duration.ofDays(negativationWaitDays(sim.state)));
          if (wake.isBefore(now)) {
            wake = now;
          }
          items.set(index, new Timer("negativation", wake));
          return;
        }
        advance(sim, now);
        return;
      }
      if (mode.equals("promise-wait")) {
        // the promise is broken: the régua resumes
        collection(sim, now);
        return;
      }
      Object item = items.get(index);
      if (item instanceof Task task) {
        if (waitingTask == null) {
          waitingTask = task.element;
          Instant done = sim.completions.get(task.element);
          wake = task.deadline.isAfter(now) ? task.deadline : now;
          if (done != null && done.isBefore(wake)) {
            wake = done;
          }
          return;
        }
        if (task.element.equals("ExtraDayCallUserTask") && !now.isBefore(task.deadline)) {
          // nobody called: the same offer goes by e-mail the day after the deadline
          ContactStep offer =
              new ContactStep("D+1", dayOf(task.deadline).plusDays(1), sim.due.plusDays(3));
          items.set(index, offer);
          startStep(sim, offer, now);
          return;
        }
        advance(sim, now); // completed, or its deadline passed
      } else if (item instanceof Timer timer) {
        switch (timer.what) {
          case "notice" -> {
            items.set(index, new ContactStep("Aviso prévio de negativação", null));
            startStep(sim, (ContactStep) items.get(index), now);
          }
          case "notice-check" -> {
            if (now.isBefore(noticeAt.plus(NOTICE_RECEIPT_WAIT))) {
              noticeCheck(now);
            } else {
              items.set(index, new ContactStep(NOTICE_LETTER_STEP, null));
              startStep(sim, (ContactStep) items.get(index), now);
            }
          }
          case "negativation" -> advance(sim, now);
          case "end" -> {
            ended = true;
            sim.endJourney();
          }
          default -> throw new IllegalStateException(timer.what);
        }
      }
    }

    void promise(Sim sim, String promiseId, LocalDate date, Instant now) {
      mode = "promise";
      promisedDate = date;
      current = new ContactStep("Promessa " + promiseId, null);
      wake = now;
    }

    void dispute() {
      mode = "dispute";
      current = null;
      wake = null;
    }
  }

  /** An engagement follow-up: after its wait, one contact named after the régua's stage. */
  static final class FollowUp extends Flow {
    final String followUp;
    boolean waiting = true;

    FollowUp(String followUp, Instant wake, boolean ambiguous) {
      this.followUp = followUp;
      this.wake = wake;
      this.ambiguous = ambiguous;
    }

    @Override
    String attempting(Sim sim) {
      return "Acompanhamento " + followUp + " após " + sim.stage;
    }

    @Override
    void run(Sim sim, Instant now) {
      Instant retry = sim.attempt(attempting(sim), now);
      if (retry != null) {
        wake = retry;
      } else {
        ended = true;
      }
    }
  }

  /** The agreement's installments, one at a time, each with its own régua. */
  static final class Agreement extends Flow {
    final String agreementId;
    final List<LocalDate> dues;
    final Set<Integer> paidInstallments = new HashSet<>();
    int number = 0;
    int stepIndex;
    ContactStep current;
    boolean broken;

    Agreement(String agreementId, List<LocalDate> dues) {
      this.agreementId = agreementId;
      this.dues = dues;
    }

    void next(Sim sim, Instant now) {
      number++;
      current = null;
      if (number > dues.size()) {
        ended = true;
        return;
      }
      if (paidInstallments.contains(number)) {
        next(sim, now);
        return;
      }
      stepIndex = -1;
      nextStep(sim, now);
    }

    void nextStep(Sim sim, Instant now) {
      stepIndex++;
      LocalDate d = dues.get(number - 1);
      String prefix = "Acordo " + agreementId + " parcela " + number + " ";
      if (stepIndex < 3) {
        LocalDate[] dates = {d.minusDays(3), d, d.plusDays(3)};
        String[] names = {"D-3", "D0", "D+3"};
        current = new ContactStep(prefix + names[stepIndex], dates[stepIndex]);
        if (endOf(current.stepDate).isBefore(now)) {
          nextStep(sim, now);
          return;
        }
        Instant when = at(current.stepDate, 9);
        wake = when.isAfter(now) ? when : now;
      } else {
        current = null;
        wake = at(d.plusDays(10), 9).isAfter(now) ? at(d.plusDays(10), 9) : now;
      }
    }

    @Override
    String attempting(Sim sim) {
      return current != null ? current.step : null;
    }

    @Override
    void run(Sim sim, Instant now) {
      if (current != null) {
        Instant retry = sim.attempt(current.step, now);
        if (retry != null) {
          wake = retry;
          return;
        }
        nextStep(sim, now);
        return;
      }
      // ten days late: the agreement breaks and the debt returns to collection
      broken = true;
      ended = true;
      Main.start(sim, now);
    }

    void installmentPaid(Sim sim, int paidNumber, Instant now) {
      paidInstallments.add(paidNumber);
      if (paidNumber == number && !ended) {
        next(sim, now);
      }
    }
  }

  // --- the run ---------------------------------------------------------------------------------

  public static void main(String[] args) throws IOException, SQLException {
    String url = args[0];
    List<String[]> plan =
        Files.readAllLines(Path.of(args[1])).stream()
            .filter(l -> !l.isBlank())
            .map(l -> l.trim().split(" "))
            .toList();
    List<Instant> jumps = new ArrayList<>();
    Map<Integer, Integer> jumpOfDay = new HashMap<>();
    for (String line : Files.readAllLines(Path.of(args[2]))) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.trim().split(" ");
      jumpOfDay.put(Integer.parseInt(f[0]), jumps.size());
      jumps.add(Instant.ofEpochSecond(Long.parseLong(f[1])));
    }
    Map<String, List<Event>> events = new HashMap<>();
    for (String line : Files.readAllLines(Path.of(args[3]))) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.trim().split(" ");
      String[] e = f[0].split(":");
      events
          .computeIfAbsent(e[1], k -> new ArrayList<>())
          .add(new Event(e[0], e[1], e[2], e[3], jumpOfDay.get(Integer.parseInt(f[1]))));
    }
    Path tmp = Path.of(args[4]);
    // remote: what the SMTP server got (it outlives the kills); embedded's dies with the service
    Map<String, Integer> mailbox = null;
    if (args.length > 5) {
      mailbox = new HashMap<>();
      for (String key : Files.readAllLines(Path.of(args[5]))) {
        if (!key.isBlank()) {
          mailbox.merge(key.trim(), 1, Integer::sum);
        }
      }
    }

    Map<String, List<Row>> rows = new HashMap<>();
    Map<String, List<LocalDate>> installments = new TreeMap<>();
    try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
      try (PreparedStatement q =
              db.prepareStatement(
                  // a step skipped because its day had ended is what the model expects of it
                  // (no contact), recorded: not an attempt
                  "select debt_id, step, outcome, occurred_at, idempotency_key, detail, channel"
                      + " from contact where outcome <> 'SKIPPED'"
                      + " order by occurred_at, id");
          ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(
                  new Row(
                      rs.getString(2),
                      rs.getString(3),
                      rs.getTimestamp(4).toInstant(),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7)));
        }
      }
      try (PreparedStatement q =
              db.prepareStatement(
                  "select agreement_id, due_date from agreement_installment order by agreement_id, number");
          ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          installments
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(rs.getDate(2).toLocalDate());
        }
      }
    }

    int due = 0, once = 0, raced = 0, postponements = 0, postponedRecorded = 0, failures = 0;
    int cutShort = 0, cutShortUnverified = 0;
    Set<String> logged = new HashSet<>();
    for (String[] p : plan) {
      Sim sim = new Sim(p, rows.getOrDefault(p[0], List.of()), installments);
      simulate(sim, jumps, events.getOrDefault(sim.id, List.of()), tmp);
      List<String> problems = compare(sim, mailbox);
      cutShort += sim.cutShort;
      cutShortUnverified += sim.cutShortUnverified;
      sim.observed.forEach(r -> logged.add(r.key));
      for (Expected e : sim.expected.values()) {
        if (e.contacted) {
          due++;
        }
        if (e.raced) {
          raced++;
          System.out.println(
              "  (raced) "
                  + sim.id
                  + " '"
                  + e.step
                  + "' on "
                  + e.day
                  + ", with the "
                  + sim.kind
                  + " event of that clock move: "
                  + (e.contacted ? "contacted before it" : "the event went first"));
        }
      }
      for (Map.Entry<String, Set<Instant>> e : sim.postponed.entrySet()) {
        postponements += e.getValue().size();
      }
      postponedRecorded +=
          (int) sim.observed.stream().filter(r -> r.outcome.equals("POSTPONED")).count();
      once += sim.exactlyOnce;
      for (String problem : problems) {
        System.out.println(
            "  "
                + sim.id
                + " ("
                + sim.strategy
                + ", "
                + sim.state
                + ", due "
                + sim.due
                + ", "
                + sim.kind
                + "): "
                + problem);
        failures++;
      }
      if (!problems.isEmpty()) {
        System.out.println("    expected: " + sim.expected.values());
        System.out.println("    contact log: " + sim.observed);
      }
    }
    String mails = "n/a";
    if (mailbox != null) {
      // every message the provider got is in the contact log
      for (Map.Entry<String, Integer> mail : mailbox.entrySet()) {
        if (!logged.contains(mail.getKey())) {
          System.out.println(
              "  PROVIDER: the SMTP server got "
                  + mail.getValue()
                  + " message(s) "
                  + mail.getKey()
                  + " that the contact log does not know");
          failures++;
        }
      }
      mails = String.valueOf(mailbox.values().stream().mapToInt(Integer::intValue).sum());
    }
    System.out.printf(
        "steps_due=%d exactly_once=%d raced=%d postponements=%d postponed_recorded=%d"
            + " sends_cut_short=%d (unverifiable %d) mails_received=%s contact_problems=%d%n",
        due,
        once,
        raced,
        postponements,
        postponedRecorded,
        cutShort,
        cutShortUnverified,
        mails,
        failures);
    System.exit(failures == 0 ? 0 : 1);
  }

  static void simulate(Sim sim, List<Instant> jumps, List<Event> events, Path tmp)
      throws IOException {
    // task completions, known ahead (the flows wait for them)
    for (Event e : events) {
      if (e.kind.equals("complete")) {
        sim.completions.put(e.arg.split("\\.")[0], jumps.get(e.jump).plusSeconds(1));
      }
    }
    for (int j = 0; j < jumps.size(); j++) {
      Instant now = jumps.get(j);
      final int move = j;
      List<Event> today = events.stream().filter(e -> e.jump == move).toList();
      sim.racing =
          today.stream()
              .anyMatch(
                  e ->
                      (e.kind.equals("pay") && sim.paid + cents(e) >= sim.amount)
                          || e.kind.equals("promise")
                          || e.kind.equals("dispute")
                          || e.kind.equals("agree")
                          || (e.kind.equals("ipay") && e.arg.endsWith(".full")));
      if (j == 0) {
        Main.start(sim, now);
      }
      // a follow-up due just after this move fires at it when the log says so (the clock runs)
      for (Flow f : sim.flows) {
        if (f instanceof FollowUp fu
            && !f.ended
            && f.wake != null
            && f.ambiguous
            && f.wake.isAfter(now)
            && !f.wake.isAfter(now.plus(AMBIGUOUS))) {
          if (sim.observedAnyOn("Acompanhamento " + fu.followUp, dayOf(now))) {
            f.wake = now;
          }
        }
      }
      sim.move(now, j == 0 ? now : jumps.get(j - 1));
      sim.racing = false;
      Instant after = now.plusSeconds(1);
      for (Event e : today) {
        apply(sim, e, after, tmp);
        sim.move(after, now);
      }
    }
  }

  static long cents(Event e) {
    return e.kind.equals("pay") ? Long.parseLong(e.arg) : 0;
  }

  static void apply(Sim sim, Event e, Instant now, Path tmp) throws IOException {
    switch (e.kind) {
      case "pay" -> {
        sim.paid += Long.parseLong(e.arg);
        if (sim.paid >= sim.amount) {
          sim.endJourney();
          if (sim.agreement != null) {
            sim.agreement.ended = true;
          }
        }
      }
      case "promise" -> {
        if (sim.main != null && !sim.main.ended) {
          LocalDate date = dayOf(now).plusDays(Long.parseLong(e.arg));
          sim.main.promise(sim, "PROM-" + sim.id + "-" + e.n, date, now);
        }
      }
      case "dispute" -> {
        if (sim.main != null && !sim.main.ended) {
          sim.main.dispute();
        }
      }
      case "resolve" -> resolve(sim, e.arg, now);
      case "complete" -> {
        String[] arg = e.arg.split("\\.");
        if (arg[0].equals("DisputeReviewUserTask")) {
          resolve(sim, arg[1], now);
        }
      }
      case "open" -> sim.add(new FollowUp("email-opened", now.plus(Duration.ofHours(48)), true));
      case "visit" -> sim.add(new FollowUp("portal-visit", now.plus(Duration.ofHours(4)), false));
      case "agree" -> {
        sim.endJourney();
        String agreementId = "AG-" + sim.id;
        sim.agreement = new Agreement(agreementId, sim.installments.get(agreementId));
        sim.add(sim.agreement);
        sim.agreement.next(sim, now);
      }
      case "ipay" -> {
        String[] arg = e.arg.split("\\.");
        if (arg[1].equals("full") && sim.agreement != null) {
          sim.agreement.installmentPaid(sim, Integer.parseInt(arg[0]), now);
        }
      }
      default -> {
        // claim: nothing changes for the contacts
      }
    }
  }

  static void resolve(Sim sim, String resolution, Instant now) {
    if (sim.main == null || !sim.main.mode.equals("dispute")) {
      return;
    }
    if (resolution.equals("RESUME")) {
      sim.main.collection(sim, now);
    } else {
      sim.main.ended = true;
      sim.main.mode = "ended";
    }
  }

  static List<String> compare(Sim sim, Map<String, Integer> mailbox) {
    List<String> problems = new ArrayList<>();
    Map<String, List<Row>> byStep = new LinkedHashMap<>();
    for (Row r : sim.observed) {
      byStep.computeIfAbsent(r.step, k -> new ArrayList<>()).add(r);
    }
    for (Expected e : sim.expected.values()) {
      List<Row> log = byStep.getOrDefault(e.step, List.of());
      List<Row> made =
          log.stream()
              .filter(r -> r.outcome.equals("SENT") || r.outcome.equals("RECORDED"))
              .toList();
      Row cut =
          log.stream()
              .filter(r -> r.cutShort() && dayOf(r.at).equals(e.day))
              .findFirst()
              .orElse(null);
      if (e.contacted && made.isEmpty() && cut != null) {
        // a kill came after the provider was asked and before the contact was logged: the service
        // does not send again (contact/SendIntents, at most once); the provider says what it got
        sim.cutShort++;
        Integer got = mailbox == null ? null : mailbox.getOrDefault(cut.key, 0);
        if (got == null) {
          sim.cutShortUnverified++;
          System.out.println(
              "  (cut short) "
                  + sim.id
                  + " '"
                  + e.step
                  + "' on "
                  + e.day
                  + ": the send was cut short by a kill and not repeated; the embedded SMTP server"
                  + " died with it, so whether it was delivered is unknown");
        } else if (got == 1) {
          sim.exactlyOnce++;
          System.out.println(
              "  (cut short) "
                  + sim.id
                  + " '"
                  + e.step
                  + "' on "
                  + e.day
                  + ": the send was cut short by a kill and not repeated; the SMTP server got it once");
        } else {
          problems.add(
              "CUT SHORT: step '"
                  + e.step
                  + "' on "
                  + e.day
                  + " was cut short by a kill"
                  + " and not repeated, and the SMTP server got it "
                  + got
                  + " time(s)");
        }
      } else if (e.contacted) {
        if (made.isEmpty()) {
          problems.add("MISSING: step '" + e.step + "' due on " + e.day + " has no contact");
        } else if (made.size() > 1) {
          problems.add("TWICE: step '" + e.step + "' has " + made.size() + " contacts");
        } else if (!dayOf(made.getFirst().at).equals(e.day)) {
          problems.add(
              "WRONG DAY: step '"
                  + e.step
                  + "' contacted on "
                  + dayOf(made.getFirst().at)
                  + ", due on "
                  + e.day);
        } else {
          sim.exactlyOnce++;
          Row sent = made.getFirst();
          if (mailbox != null
              && sent.channel.equals("EMAIL")
              && sent.outcome.equals("SENT")
              && mailbox.getOrDefault(sent.key, 0) != 1) {
            problems.add(
                "PROVIDER: step '"
                    + e.step
                    + "' logged SENT by email once, and the SMTP"
                    + " server got it "
                    + mailbox.getOrDefault(sent.key, 0)
                    + " time(s)");
          }
        }
      } else if (e.raced) {
        if (made.size() > 1) {
          problems.add("TWICE: step '" + e.step + "' has " + made.size() + " contacts");
        }
      } else if (!made.isEmpty()) {
        problems.add(
            "UNEXPECTED: step '"
                + e.step
                + "' contacted on "
                + dayOf(made.getFirst().at)
                + " (postponed, and its journey moved on or ended before the window)");
      }
      long recorded = log.stream().filter(r -> r.outcome.equals("POSTPONED")).count();
      int predicted = sim.postponed.getOrDefault(e.step, Set.of()).size();
      if (recorded != predicted) {
        problems.add(
            "POSTPONED: step '"
                + e.step
                + "' postponed "
                + recorded
                + " time(s) in the log, "
                + predicted
                + " expected ("
                + sim.postponed.getOrDefault(e.step, Set.of())
                + ")");
      }
    }
    for (Map.Entry<String, List<Row>> entry : byStep.entrySet()) {
      if (!sim.expected.containsKey(entry.getKey())) {
        problems.add("UNEXPECTED: step '" + entry.getKey() + "' in the log: " + entry.getValue());
      }
      Expected expectation = sim.expected.get(entry.getKey());
      for (Row r : entry.getValue()) {
        boolean eventWentFirst =
            r.outcome.equals("SUPPRESSED")
                && expectation != null
                && expectation.raced
                && dayOf(r.at).equals(expectation.day);
        boolean counted = r.cutShort() && expectation != null && expectation.contacted;
        // (a raced step whose event went first: the policy, reading the debt again, suppresses it)
        if (!Set.of("SENT", "RECORDED", "POSTPONED").contains(r.outcome)
            && !eventWentFirst
            && !counted) {
          problems.add("UNEXPECTED " + r.outcome + ": step '" + r.step + "' at " + r.at);
        }
      }
    }
    return problems;
  }
}
