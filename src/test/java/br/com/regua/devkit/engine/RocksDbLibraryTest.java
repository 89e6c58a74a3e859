package br.com.regua.devkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The engine's native state store is loaded from one shared copy, not a new temporary file. */
class RocksDbLibraryTest {

  @Test
  void theStateStoresLibraryIsTheSharedCopy() throws Exception {
    // when an engine starts (the first in this JVM loads RocksDB's library)
    try (EmbeddedEngine engine = EmbeddedEngine.start(0, ZoneId.of("America/Sao_Paulo"))) {
      assertThat(engine.liveProcessInstances()).isEmpty();
    }

    // then the library mapped into this process is the copy under regua-rocksdbjni-*, which a
    // kill -9 does not multiply
    String mapped =
        Files.readAllLines(Path.of("/proc/self/maps")).stream()
            .filter(line -> line.contains("librocksdbjni"))
            .map(line -> line.substring(line.indexOf('/')))
            .findFirst()
            .orElseThrow();
    Path library = Path.of(mapped);
    assertThat(library.getParent().getFileName().toString()).startsWith("regua-rocksdbjni");
    assertThat(library.getParent().getParent())
        .isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
  }
}
