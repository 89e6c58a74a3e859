package br.com.regua.devkit.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.rocksdb.RocksDB;
import org.rocksdb.util.Environment;

/**
 * Loads RocksDB's native library (the engine's state store) from one copy per RocksDB version in
 * the temporary directory, made by the first start and shared by every later one. Left to itself,
 * RocksDB copies its 15 MB library to a new temporary file at each JVM start and deletes it only at
 * a clean exit: every {@code kill -9} (fault injection, a crashed run) left one behind.
 */
final class RocksDbLibrary {

  private static boolean loaded;

  private RocksDbLibrary() {}

  static synchronized void load() {
    if (loaded) {
      return;
    }
    String bundledName = Environment.getJniLibraryFileName("rocksdb"); // librocksdbjni-linux64.so
    // the name RocksDB.loadLibrary(paths) looks for in each path (librocksdbjnijni-linux64.so)
    String name = Environment.getJniLibraryFileName("rocksdbjni");
    Path directory = Path.of(System.getProperty("java.io.tmpdir"), "regua-" + jarName());
    Path library = directory.resolve(name);
    try (InputStream bundled = RocksDB.class.getClassLoader().getResourceAsStream(bundledName)) {
      if (bundled == null) {
        RocksDB.loadLibrary(); // not this platform's jar layout: RocksDB's own way
        loaded = true;
        return;
      }
      if (!Files.isRegularFile(library)) {
        Files.createDirectories(directory);
        // another JVM may be copying it too: each writes its own file, the rename is atomic
        Path partial = Files.createTempFile(directory, name, ".partial");
        Files.copy(bundled, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not place RocksDB's native library in " + directory, e);
    }
    RocksDB.loadLibrary(List.of(directory.toString()));
    loaded = true;
  }

  /** The RocksDB jar's file name, with its version (e.g. {@code rocksdbjni-10.2.1.jar}). */
  private static String jarName() {
    String location =
        String.valueOf(RocksDB.class.getProtectionDomain().getCodeSource().getLocation());
    String trimmed = location.replaceAll("!/$", "").replaceAll("/$", "");
    String file = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    return file.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
