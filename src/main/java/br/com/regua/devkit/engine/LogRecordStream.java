package br.com.regua.devkit.engine;

import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.protocol.record.Record;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * Every record of the engine, kept in a list, for the tests' assertions on what the engine wrote
 * (zeebe-process-test's {@code RecordStream}). Nothing is read or kept until someone asks: the
 * service itself reads the log through {@link RecordCursor}s, which keep nothing. Safe to read from
 * any thread while the engine writes: each call reads what the log gained since the last one, under
 * a lock, and answers a fixed-size view of what was read so far — zeebe-process-test's own source
 * handed out a live list that another caller could grow mid-iteration.
 */
final class LogRecordStream implements RecordStreamSource {

  private final RecordCursor cursor;
  private final List<Record<?>> records = new ArrayList<>();

  LogRecordStream(RecordCursor cursor) {
    this.cursor = cursor;
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
      cursor.forEachNew(records::add);
      return records.size();
    }
  }
}
