package br.com.regua.devkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLogStorageTest {

  private static final LogStorage.AppendListener QUIET = new LogStorage.AppendListener() {};

  @TempDir Path dir;

  @Test
  void whatWasAppendedIsReadBackAfterReopening() {
    Path file = dir.resolve("engine.log");
    try (FileLogStorage log = FileLogStorage.open(file)) {
      append(log, 1, 3, "one");
      append(log, 4, 4, "two");
      append(log, 5, 9, "three");
    }

    try (FileLogStorage log = FileLogStorage.open(file)) {
      assertThat(log.blocks()).isEqualTo(3);
      assertThat(readAll(log, Long.MIN_VALUE)).containsExactly("one", "two", "three");
    }
  }

  @Test
  void seekGoesToTheBlockHoldingThePosition() {
    try (FileLogStorage log = FileLogStorage.open(dir.resolve("engine.log"))) {
      append(log, 1, 3, "one");
      append(log, 4, 4, "two");
      append(log, 5, 9, "three");

      assertThat(readAll(log, 0)).containsExactly("one", "two", "three");
      assertThat(readAll(log, 3)).containsExactly("one", "two", "three");
      assertThat(readAll(log, 4)).containsExactly("two", "three");
      assertThat(readAll(log, 7)).containsExactly("three");
      assertThat(readAll(log, Long.MAX_VALUE)).containsExactly("three");
    }
  }

  @Test
  void aBlockCutShortByAKillIsDroppedAndTheLogGoesOn() throws IOException {
    Path file = dir.resolve("engine.log");
    try (FileLogStorage log = FileLogStorage.open(file)) {
      append(log, 1, 1, "kept");
      append(log, 2, 2, "cut short");
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(channel.size() - 3);
    }

    try (FileLogStorage log = FileLogStorage.open(file)) {
      assertThat(readAll(log, 0)).containsExactly("kept");
      append(log, 2, 2, "written again");
    }
    try (FileLogStorage log = FileLogStorage.open(file)) {
      assertThat(readAll(log, 0)).containsExactly("kept", "written again");
    }
  }

  @Test
  void aBlockWithAWrongChecksumIsDropped() throws IOException {
    Path file = dir.resolve("engine.log");
    try (FileLogStorage log = FileLogStorage.open(file)) {
      append(log, 1, 1, "kept");
      append(log, 2, 2, "garbled");
    }
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 0x7f;
    Files.write(file, bytes);

    try (FileLogStorage log = FileLogStorage.open(file)) {
      assertThat(readAll(log, 0)).containsExactly("kept");
    }
  }

  @Test
  void commitListenersHearOfEachAppend() {
    try (FileLogStorage log = FileLogStorage.open(dir.resolve("engine.log"))) {
      List<String> heard = new ArrayList<>();
      log.addCommitListener(() -> heard.add("commit"));
      AtomicReference<Long> committed = new AtomicReference<>();
      log.append(
          7,
          8,
          ByteBuffer.wrap("x".getBytes(StandardCharsets.UTF_8)),
          new LogStorage.AppendListener() {
            @Override
            public void onCommit(long index, long highestPosition) {
              committed.set(highestPosition);
            }
          });

      assertThat(heard).containsExactly("commit");
      assertThat(committed.get()).isEqualTo(8);
    }
  }

  @Test
  void readersOnOtherThreadsNeverSeeAMissingBlock() throws Exception {
    try (FileLogStorage log = FileLogStorage.open(dir.resolve("engine.log"))) {
      int blocks = 5_000;
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread reader =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      int seen = 0;
                      LogStorageReader r = log.newReader();
                      r.seek(0);
                      while (seen < blocks) {
                        while (r.hasNext()) {
                          String text = text(r.next());
                          assertThat(text).isEqualTo("block " + seen);
                          seen++;
                        }
                        Thread.onSpinWait();
                      }
                    } catch (Throwable t) {
                      failure.set(t);
                    }
                  });
      for (int i = 0; i < blocks; i++) {
        append(log, i + 1, i + 1, "block " + i);
      }
      reader.join(30_000);

      assertThat(failure.get()).isNull();
      assertThat(reader.isAlive()).isFalse();
    }
  }

  @Test
  void aReaderInterruptedWhileItReadsLeavesTheLogUsable() throws Exception {
    try (FileLogStorage log = FileLogStorage.open(dir.resolve("engine.log"))) {
      for (int i = 0; i < 200; i++) {
        append(log, i + 1, i + 1, "block " + i);
      }
      Thread reader =
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int round = 0; round < 200; round++) {
                      Thread.currentThread().interrupt(); // as a request timeout would
                      readAll(log, 0);
                    }
                  });
      reader.join(30_000);

      append(log, 201, 201, "after the interrupts");
      assertThat(readAll(log, 201)).containsExactly("after the interrupts");
    }
  }

  private static void append(FileLogStorage log, long lowest, long highest, String text) {
    log.append(lowest, highest, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), QUIET);
  }

  private static List<String> readAll(FileLogStorage log, long position) {
    LogStorageReader reader = log.newReader();
    reader.seek(position);
    List<String> texts = new ArrayList<>();
    while (reader.hasNext()) {
      texts.add(text(reader.next()));
    }
    return texts;
  }

  private static String text(DirectBuffer buffer) {
    byte[] bytes = new byte[buffer.capacity()];
    buffer.getBytes(0, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
