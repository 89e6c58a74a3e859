package io.camunda.zeebe.process.test.engine;

import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.nio.ByteBuffer;

/**
 * Hands every call to another {@link LogStorage}. It exists because zeebe-process-test's engine
 * monitor (which tells when the engine is idle or busy) takes its in-memory log by type; this one
 * is of that type and keeps nothing itself. Part of {@link DurableEngines}.
 */
final class ObservedLogStorage extends InMemoryLogStorage {

  private final LogStorage log;

  ObservedLogStorage(LogStorage log) {
    this.log = log;
  }

  @Override
  public LogStorageReader newReader() {
    return log.newReader();
  }

  @Override
  public void append(
      long lowestPosition, long highestPosition, BufferWriter writer, AppendListener listener) {
    log.append(lowestPosition, highestPosition, writer, listener);
  }

  @Override
  public void append(
      long lowestPosition, long highestPosition, ByteBuffer block, AppendListener listener) {
    log.append(lowestPosition, highestPosition, block, listener);
  }

  @Override
  public void addCommitListener(CommitListener listener) {
    log.addCommitListener(listener);
  }

  @Override
  public void removeCommitListener(CommitListener listener) {
    log.removeCommitListener(listener);
  }
}
