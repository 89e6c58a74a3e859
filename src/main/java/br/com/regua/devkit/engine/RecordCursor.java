package br.com.regua.devkit.engine;

import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.protocol.impl.record.CopiedRecord;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.record.Record;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads the engine's records from its log in order, each once, keeping none: a reader that folds
 * them into what it needs (the desk's open tasks, the simulator's counts) holds only that, however
 * long the log. Safe to use from any thread; one cursor per reader. When the engine is restarted (a
 * new log stream over the same log), the cursor reads on from the last position it read.
 */
public final class RecordCursor {

  /** A log stream's readers, and which start of the engine it belongs to. */
  record Source(int generation, Supplier<LogStreamReader> readers) {}

  private final Supplier<Source> source;
  private final int partitionId;
  private long lastPosition;
  private LogStreamReader reader;
  private int generation = -1;

  RecordCursor(Supplier<Source> source, int partitionId, long afterPosition) {
    this.source = source;
    this.partitionId = partitionId;
    this.lastPosition = afterPosition;
  }

  /** A cursor over one log stream, which it never leaves. */
  static RecordCursor over(LogStream logStream, int partitionId, long afterPosition) {
    Source only = new Source(0, logStream::newLogStreamReader);
    return new RecordCursor(() -> only, partitionId, afterPosition);
  }

  /** Hands each record written since the last call (or since the start position) to the action. */
  public synchronized void forEachNew(Consumer<Record<?>> action) {
    Source current = source.get();
    if (current.generation() != generation) {
      reader = current.readers().get();
      generation = current.generation();
    }
    if (lastPosition < 0) {
      reader.seekToFirstEvent();
    } else {
      reader.seekToNextEvent(lastPosition);
    }
    while (reader.hasNext()) {
      LoggedEvent event = reader.next();
      lastPosition = event.getPosition();
      action.accept(copy(event, partitionId));
    }
  }

  /** A record that stays valid after the reader moves on (the log's buffers are reused). */
  private static CopiedRecord<UnifiedRecordValue> copy(LoggedEvent event, int partitionId) {
    RecordMetadata metadata = new RecordMetadata();
    event.readMetadata(metadata);
    UnifiedRecordValue value = UnifiedRecordValue.allRecordsMap().get(metadata.getValueType());
    event.readValue(value);
    return new CopiedRecord<>(
        value,
        metadata,
        event.getKey(),
        partitionId,
        event.getPosition(),
        event.getSourceEventPosition(),
        event.getTimestamp());
  }
}
