package br.com.regua.devkit.engine;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.stereotype.Component;

/**
 * What the in-JVM engine has in hand, folded from its log as it is written: the jobs open, the
 * timers not yet fired, the process instances running, the open incidents and user tasks. It tells
 * a driver of the dev clock when the work a clock move made due is done ({@link #awaitSettled}),
 * and which journeys the engine still runs ({@code GET /api/dev/engine}). It holds only what is
 * open, however long the log.
 */
@Component
@ConditionalOnBean(EmbeddedEngine.class)
public class EngineWork {

  private final RecordCursor records;
  private final Map<Long, String> openJobs = new HashMap<>();
  private final Map<Long, Long> timerDue = new HashMap<>();
  private final TreeMap<Long, Integer> dueTimes = new TreeMap<>();
  private final Map<Long, Instance> liveInstances = new HashMap<>();
  private final Set<Long> openIncidents = new HashSet<>();
  private final Set<Long> openUserTasks = new HashSet<>();
  private long activity;

  /** A process instance the engine runs: its process id and the instance that called it. */
  public record Instance(long key, String processId, long parentKey) {}

  /** What is open now. */
  public record Snapshot(
      List<Instance> liveInstances,
      Map<String, Long> openJobsByType,
      int openTimers,
      Instant earliestTimerDue,
      int openUserTasks,
      int openIncidents) {}

  EngineWork(EmbeddedEngine engine) {
    this.records = engine.newCursor();
  }

  /** Reads what the engine wrote since the last look. */
  private synchronized void poll() {
    records.forEachNew(this::observe);
  }

  private void observe(Record<?> r) {
    if (r.getValueType() != ValueType.JOB_BATCH) {
      activity++; // workers' polls for jobs are not work
    }
    if (r.getRecordType() != RecordType.EVENT) {
      return;
    }
    switch (r.getValueType()) {
      case JOB -> job(r);
      case TIMER -> timer(r);
      case PROCESS_INSTANCE -> processInstance(r);
      case INCIDENT -> {
        if (r.getIntent() == IncidentIntent.CREATED) {
          openIncidents.add(r.getKey());
        } else if (r.getIntent() == IncidentIntent.RESOLVED) {
          openIncidents.remove(r.getKey());
        }
      }
      case USER_TASK -> {
        if (r.getIntent() == UserTaskIntent.CREATED) {
          openUserTasks.add(r.getKey());
        } else if (r.getIntent() == UserTaskIntent.COMPLETED
            || r.getIntent() == UserTaskIntent.CANCELED) {
          openUserTasks.remove(r.getKey());
        }
      }
      default -> {}
    }
  }

  private void job(Record<?> r) {
    var intent = r.getIntent();
    if (intent == JobIntent.CREATED || intent == JobIntent.RECURRED_AFTER_BACKOFF) {
      openJobs.put(r.getKey(), ((JobRecordValue) r.getValue()).getType());
    } else if (intent == JobIntent.COMPLETED
        || intent == JobIntent.CANCELED
        || intent == JobIntent.ERROR_THROWN
        || intent == JobIntent.FAILED) {
      // FAILED: a retry after its backoff (RECURRED_AFTER_BACKOFF) or an incident, not work now
      openJobs.remove(r.getKey());
    }
  }

  private void timer(Record<?> r) {
    if (r.getIntent() == TimerIntent.CREATED) {
      long due = ((TimerRecordValue) r.getValue()).getDueDate();
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
    if (value.getBpmnElementType() != BpmnElementType.PROCESS) {
      return;
    }
    var intent = r.getIntent();
    if (intent == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
      liveInstances.put(
          r.getKey(),
          new Instance(r.getKey(), value.getBpmnProcessId(), value.getParentProcessInstanceKey()));
    } else if (intent == ProcessInstanceIntent.ELEMENT_COMPLETED
        || intent == ProcessInstanceIntent.ELEMENT_TERMINATED) {
      liveInstances.remove(r.getKey());
    }
  }

  /** What the engine has open now. */
  public Snapshot snapshot() {
    poll();
    synchronized (this) {
      Map<String, Long> jobs = new TreeMap<>();
      openJobs.values().forEach(type -> jobs.merge(type, 1L, Long::sum));
      return new Snapshot(
          new ArrayList<>(liveInstances.values()),
          jobs,
          timerDue.size(),
          dueTimes.isEmpty() ? null : Instant.ofEpochMilli(dueTimes.firstKey()),
          openUserTasks.size(),
          openIncidents.size());
    }
  }

  /**
   * The jobs open now: a clock move's work is what it makes due, not these (a job no worker takes
   * would otherwise keep every later move from settling).
   */
  public synchronized Set<Long> openJobsNow() {
    poll();
    return Set.copyOf(openJobs.keySet());
  }

  /**
   * Waits until the work due by {@code now} is done: no job open but those {@code openBefore} the
   * move, no timer due by then left unfired, and nothing but workers' polls written between two
   * looks. False when {@code bound} passes first (a job retrying with backoff, a job no worker
   * takes).
   */
  public boolean awaitSettled(Instant now, Duration bound, Set<Long> openBefore) {
    long deadline = System.nanoTime() + bound.toNanos();
    long lastActivity = -1;
    int quietLooks = 0;
    while (System.nanoTime() < deadline) {
      poll();
      boolean quiet;
      synchronized (this) {
        quiet =
            activity == lastActivity
                && openBefore.containsAll(openJobs.keySet())
                && (dueTimes.isEmpty() || dueTimes.firstKey() > now.toEpochMilli());
        lastActivity = activity;
      }
      quietLooks = quiet ? quietLooks + 1 : 0;
      if (quietLooks >= 2) {
        return true;
      }
      try {
        Thread.sleep(40);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }
}
