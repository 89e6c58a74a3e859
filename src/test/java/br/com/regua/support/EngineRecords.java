package br.com.regua.support;

import br.com.regua.devkit.engine.EmbeddedEngine;
import br.com.regua.engine.JourneyModel;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Questions tests ask of the engine's record stream (everything the engine wrote). */
public final class EngineRecords {

  private final EmbeddedEngine engine;

  public EngineRecords(EmbeddedEngine engine) {
    this.engine = engine;
  }

  public RecordStream stream() {
    return RecordStream.of(engine.engine().getRecordStreamSource());
  }

  private Stream<Record<ProcessInstanceRecordValue>> processInstanceRecords() {
    return StreamSupport.stream(stream().processInstanceRecords().spliterator(), false);
  }

  /** The instance and every instance it called, directly or not. */
  public Set<Long> instanceTree(long rootKey) {
    Set<Long> tree = new HashSet<>(Set.of(rootKey));
    boolean grew = true;
    while (grew) {
      grew =
          tree.addAll(
              processInstanceRecords()
                  .filter(r -> r.getValue().getBpmnElementType() == BpmnElementType.PROCESS)
                  .filter(r -> tree.contains(r.getValue().getParentProcessInstanceKey()))
                  .map(r -> r.getValue().getProcessInstanceKey())
                  .toList());
    }
    return tree;
  }

  /**
   * The timer waiting at an element anywhere in the journey (the instance or what it called):
   * created, and neither triggered nor cancelled.
   */
  public Optional<TimerRecordValue> activeTimer(long rootKey, String elementId) {
    Set<Long> tree = instanceTree(rootKey);
    List<Record<TimerRecordValue>> timers =
        StreamSupport.stream(stream().timerRecords().spliterator(), false)
            .filter(r -> tree.contains(r.getValue().getProcessInstanceKey()))
            .filter(r -> r.getValue().getTargetElementId().equals(elementId))
            .toList();
    return timers.stream()
        .filter(r -> r.getIntent() == TimerIntent.CREATED)
        .filter(
            created ->
                timers.stream()
                    .noneMatch(
                        other ->
                            other.getKey() == created.getKey()
                                && other.getIntent() != TimerIntent.CREATED))
        .map(Record::getValue)
        .reduce((first, second) -> second);
  }

  /**
   * The value (JSON) a variable of the process instance's own scope last took, if it has one: e.g.
   * what a start event's output mapping set.
   */
  public Optional<String> variable(long processInstanceKey, String name) {
    return StreamSupport.stream(stream().variableRecords().spliterator(), false)
        .map(Record::getValue)
        .filter(v -> v.getScopeKey() == processInstanceKey && v.getName().equals(name))
        .map(VariableRecordValue::getValue)
        .reduce((first, second) -> second);
  }

  /** How many times an element completed anywhere in the journey. */
  public long completions(long rootKey, String elementId) {
    Set<Long> tree = instanceTree(rootKey);
    return processInstanceRecords()
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
        .filter(r -> tree.contains(r.getValue().getProcessInstanceKey()))
        .filter(r -> r.getValue().getElementId().equals(elementId))
        .count();
  }

  /** Whether the process instance was cancelled. */
  public boolean isTerminated(long processInstanceKey) {
    return ended(processInstanceKey, ProcessInstanceIntent.ELEMENT_TERMINATED);
  }

  /** Whether the process instance has completed (reached an end event). */
  public boolean isCompleted(long processInstanceKey) {
    return ended(processInstanceKey, ProcessInstanceIntent.ELEMENT_COMPLETED);
  }

  private boolean ended(long processInstanceKey, ProcessInstanceIntent how) {
    return processInstanceRecords()
        .anyMatch(
            r ->
                r.getValue().getProcessInstanceKey() == processInstanceKey
                    && r.getValue().getBpmnElementType() == BpmnElementType.PROCESS
                    && r.getIntent() == how);
  }

  /** The dunning journeys the engine created for the debt: its id set at the journey's scope. */
  public List<Long> dunningJourneys(String debtId) {
    return StreamSupport.stream(stream().variableRecords().spliterator(), false)
        .filter(r -> r.getIntent() == VariableIntent.CREATED)
        .map(Record::getValue)
        .filter(v -> v.getBpmnProcessId().equals(JourneyModel.DUNNING_JOURNEY))
        .filter(v -> v.getScopeKey() == v.getProcessInstanceKey())
        .filter(v -> v.getName().equals("debtId") && v.getValue().equals("\"" + debtId + "\""))
        .map(VariableRecordValue::getProcessInstanceKey)
        .distinct()
        .toList();
  }
}
