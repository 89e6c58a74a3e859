package br.com.regua.devkit.engine;

import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.protocol.impl.record.CopiedRecord;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.record.Record;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's records as the tests, the desk's task list and the simulator read them, from a
 * reader of the engine's log. Safe to read from any thread while the engine writes: each call reads
 * what the log gained since the last one, under a lock, and answers a fixed-size view of what was
 * read so far — zeebe-process-test's own source handed out a live list that another caller could
 * grow mid-iteration.
 */
final class LogRecordStream implements RecordStreamSource {

  private final LogStreamReader reader;
  private final int partitionId;
  private final List<Record<?>> records = new ArrayList<>();
  private long lastPosition = -1;

  LogRecordStream(LogStreamReader reader, int partitionId) {
    this.reader = reader;
    this.partitionId = partitionId;
  }

  @Override
  public Iterable<Record<?>> getRecords() {
    int size = readNew();
    return new AbstractList<>() {
      @Override
      public Record<?> get(int index) {
        if (index >= size) {
          throw new IndexOutOfBoundsException(index);
        }
        synchronized (records) {
          return records.get(index);
        }
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  private int readNew() {
    synchronized (records) {
      if (lastPosition < 0) {
        reader.seekToFirstEvent();
      } else {
        reader.seekToNextEvent(lastPosition);
      }
      while (reader.hasNext()) {
        LoggedEvent event = reader.next();
        records.add(copy(event));
        lastPosition = event.getPosition();
      }
      return records.size();
    }
  }

  private CopiedRecord<UnifiedRecordValue> copy(LoggedEvent event) {
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
