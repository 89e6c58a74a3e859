package br.com.regua.devkit.simulator;

import br.com.regua.devkit.engine.EmbeddedEngine;
import br.com.regua.devkit.engine.RecordCursor;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;

/**
 * Reads what the in-JVM engine wrote, incrementally, to know when a simulated day is over (no job
 * open, no timer due, the engine idle) and to count what the journeys did: jobs, agents' tasks,
 * journeys ended, incidents.
 */
final class EngineObserver {

  private final ZeebeTestEngine engine;
  private final RecordCursor records;
  private final String journeyProcessId;

  private final Map<Long, String> openJobs = new HashMap<>();
  private final Map<Long, Long> timerDue = new HashMap<>();
  private final TreeMap<Long, Integer> dueTimes = new TreeMap<>();
  private final Map<Long, Long> openUserTasks = new HashMap<>(); // task → root instance
  private final Map<Long, Long> rootOf = new HashMap<>(); // process instance → root instance
  private Set<Long> watchedRoots; // null: every journey counts
  private final Map<Long, LongConsumer> journeyEndListeners = new ConcurrentHashMap<>();
  private long jobsCompleted;
  private long userTasksCreated;
  private long journeysEnded;
  private long incidents;
  private long processInstancesEnded;
  private long nudges;
  private long timersCreated;
  private long activity;
  private long recordsRead;
  private final Map<String, Long> completedByType = new HashMap<>();

  EngineObserver(EmbeddedEngine engine, String journeyProcessId) {
    this.engine = engine.engine();
    this.records = engine.newCursor();
    this.journeyProcessId = journeyProcessId;
  }

  /** Calls back with the engine timestamp (ms) when the journey of that process instance ends. */
  void onJourneyEnd(long processInstanceKey, LongConsumer listener) {
    journeyEndListeners.put(processInstanceKey, listener);
  }

  /** Starts the counts (not the open jobs, timers and tasks) from zero. */
  synchronized void resetCounters() {
    jobsCompleted = 0;
    userTasksCreated = 0;
    journeysEnded = 0;
    incidents = 0;
    processInstancesEnded = 0;
    timersCreated = 0;
  }

  /** How many records the engine wrote since this observer was made (commands and events). */
  synchronized long recordsRead() {
    return recordsRead;
  }

  /** Reads the records written since the last call. */
  synchronized void poll() {
    records.forEachNew(this::observe);
  }

  private void observe(Record<?> r) {
    recordsRead++;
    if (r.getValueType() != ValueType.JOB_BATCH) {
      activity++; // workers' polls for jobs are not work
    }
    if (r.getRecordType() != RecordType.EVENT) {
      return;
    }
    ValueType type = r.getValueType();
    if (type == ValueType.JOB) {
      job(r);
    } else if (type == ValueType.TIMER) {
      timer(r);
    } else if (type == ValueType.USER_TASK) {
      if (r.getIntent() == UserTaskIntent.CREATED) {
        long instance =
            ((io.camunda.zeebe.protocol.record.value.UserTaskRecordValue) r.getValue())
                .getProcessInstanceKey();
        long root = rootOf.getOrDefault(instance, instance);
        openUserTasks.put(r.getKey(), root);
        if (watchedRoots == null || watchedRoots.contains(root)) {
          userTasksCreated++;
        }
      } else if (r.getIntent() == UserTaskIntent.COMPLETED
          || r.getIntent() == UserTaskIntent.CANCELED) {
        openUserTasks.remove(r.getKey());
      }
    } else if (type == ValueType.PROCESS_INSTANCE) {
      processInstance(r);
    } else if (type == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED) {
      incidents++;
    }
  }

  private void job(Record<?> r) {
    var intent = r.getIntent();
    if (intent == JobIntent.CREATED) {
      openJobs.put(r.getKey(), ((JobRecordValue) r.getValue()).getType());
    } else if (intent == JobIntent.COMPLETED) {
      openJobs.remove(r.getKey());
      jobsCompleted++;
      completedByType.merge(((JobRecordValue) r.getValue()).getType(), 1L, Long::sum);
    } else if (intent == JobIntent.CANCELED || intent == JobIntent.ERROR_THROWN) {
      openJobs.remove(r.getKey());
    } else if (intent == JobIntent.FAILED) {
      // an incident (no retries left) or a retry after a backoff: either way, nothing more to
      // wait for now (the simulation's providers never fail; a test's may)
      openJobs.remove(r.getKey());
    } else if (intent == JobIntent.RECURRED_AFTER_BACKOFF) {
      openJobs.put(r.getKey(), ((JobRecordValue) r.getValue()).getType());
    }
  }

  private void timer(Record<?> r) {
    if (r.getIntent() == TimerIntent.CREATED) {
      long due = ((TimerRecordValue) r.getValue()).getDueDate();
      timersCreated++;
      timerDue.put(r.getKey(), due);
      dueTimes.merge(due, 1, Integer::sum);
    } else if (r.getIntent() == TimerIntent.TRIGGERED || r.getIntent() == TimerIntent.CANCELED) {
      Long due = timerDue.remove(r.getKey());
      if (due != null) {
        dueTimes.computeIfPresent(due, (k, n) -> n == 1 ? null : n - 1);
      }
    }
  }

  private void processInstance(Record<?> r) {
    var value = (ProcessInstanceRecordValue) r.getValue();
    if (value.getBpmnElementType() == BpmnElementType.PROCESS
        && r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATING) {
      long parent = value.getParentProcessInstanceKey();
      rootOf.put(r.getKey(), parent <= 0 ? r.getKey() : rootOf.getOrDefault(parent, parent));
    }
    if (value.getBpmnElementType() != BpmnElementType.PROCESS
        || (r.getIntent() != ProcessInstanceIntent.ELEMENT_COMPLETED
            && r.getIntent() != ProcessInstanceIntent.ELEMENT_TERMINATED)) {
      return;
    }
    processInstancesEnded++;
    rootOf.remove(value.getProcessInstanceKey());
    if (journeyProcessId.equals(value.getBpmnProcessId())) {
      journeysEnded++;
      LongConsumer listener = journeyEndListeners.remove(value.getProcessInstanceKey());
      if (listener != null) {
        listener.accept(r.getTimestamp());
      }
    }
  }

  /** What keeps the engine from being quiet, for a warning. */
  synchronized String describe() {
    Map<String, Long> types = new java.util.TreeMap<>();
    openJobs.values().forEach(t -> types.merge(t, 1L, Long::sum));
    return "open jobs "
        + types
        + ", earliest timer due "
        + (dueTimes.isEmpty() ? "none" : Instant.ofEpochMilli(dueTimes.firstKey()));
  }

  /**
   * Waits until the day's work is done: the engine idle, no job open, no timer due by {@code now}
   * (where the clock was last moved to) left untriggered. Returns false when the bound passes first
   * (a job retrying with backoff, an engine that never goes quiet).
   */
  boolean awaitDrained(Instant now, Duration bound) {
    return awaitDrained(now, bound, null);
  }

  /**
   * As {@link #awaitDrained(Instant, Duration)}; with a pinned engine clock, {@code nudge} moves it
   * a step when the engine is idle, no job is open and a timer due by {@code now} has not fired
   * (the engine's timer checker waits for its clock to pass its next look).
   */
  boolean awaitDrained(Instant now, Duration bound, Runnable nudge) {
    long deadline = System.nanoTime() + bound.toNanos();
    int quietChecks = 0;
    int stalledChecks = 0;
    long lastActivity = -1;
    long lastReport = System.nanoTime();
    while (System.nanoTime() < deadline) {
      boolean idle;
      try {
        engine.waitForIdleState(Duration.ofMillis(500));
        idle = true;
      } catch (TimeoutException busy) {
        // workers that poll for jobs keep the engine from ever looking idle: what it wrote since
        // the last look tells whether it is still working on something
        idle = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      poll();
      boolean still;
      boolean noJobs;
      boolean timersDone;
      synchronized (this) {
        still = idle || activity == lastActivity;
        lastActivity = activity;
        noJobs = openJobs.isEmpty();
        timersDone = dueTimes.isEmpty() || dueTimes.firstKey() > now.toEpochMilli();
      }
      boolean quiet = still && noJobs && timersDone;
      quietChecks = quiet ? quietChecks + 1 : 0;
      stalledChecks = still && noJobs && !timersDone ? stalledChecks + 1 : 0;
      if (nudge != null && stalledChecks >= 3) {
        nudge.run();
        nudges++;
        stalledChecks = 0;
      }
      if (!quiet && System.nanoTime() - lastReport > 60_000_000_000L) {
        lastReport = System.nanoTime();
        org.slf4j.LoggerFactory.getLogger(EngineObserver.class).info("waiting: {}", describe());
      }
      if (quietChecks >= 2) {
        return true;
      }
      sleep(20);
    }
    return false;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** How often a pinned clock was stepped to wake the engine's timer checker. */
  long nudges() {
    return nudges;
  }

  synchronized long jobsCompleted(String type) {
    return completedByType.getOrDefault(type, 0L);
  }

  synchronized long timersCreated() {
    return timersCreated;
  }

  synchronized long jobsCompleted() {
    return jobsCompleted;
  }

  /** Counts only the tasks of these journeys (process instance keys) from now on. */
  synchronized void watch(Set<Long> journeys) {
    watchedRoots = Set.copyOf(journeys);
  }

  synchronized int openUserTasks() {
    return watchedRoots == null
        ? openUserTasks.size()
        : (int) openUserTasks.values().stream().filter(watchedRoots::contains).count();
  }

  synchronized long userTasksCreated() {
    return userTasksCreated;
  }

  synchronized long journeysEnded() {
    return journeysEnded;
  }

  synchronized long processInstancesEnded() {
    return processInstancesEnded;
  }

  synchronized long incidents() {
    return incidents;
  }

  synchronized int openTimers() {
    return timerDue.size();
  }

  synchronized int openJobs() {
    return openJobs.size();
  }
}
