package br.com.regua.devkit.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.springframework.core.env.Environment;

/**
 * Where the embedded engine keeps its log ({@code regua.engine.embedded.log}): {@code temporary}
 * (nothing kept, for tests and the simulator), a file path, or {@code auto} (the default): one log
 * per PostgreSQL database under {@code regua.engine.embedded.data-dir}, named after the database
 * and its oid. The engine and the system of record then always go together: a database made anew
 * (even under the same name) gets a new, empty log, and never replays another database's journeys.
 */
final class EngineLogLocation {

  static final String TEMPORARY = "temporary";

  private EngineLogLocation() {}

  /** The log file, or empty for a temporary log. */
  static Optional<Path> of(Environment env) {
    String setting = env.getProperty("regua.engine.embedded.log", "auto").trim();
    if (setting.equals(TEMPORARY)) {
      return Optional.empty();
    }
    if (!setting.equals("auto")) {
      return Optional.of(Path.of(setting));
    }
    Path directory = Path.of(env.getProperty("regua.engine.embedded.data-dir", "data/engine"));
    return Optional.of(directory.resolve(databaseName(env) + ".log"));
  }

  /**
   * {@code name-oid} of the service's database, read before Spring connects to it: the engine
   * starts first, because the Camunda client is configured from the engine's address.
   */
  private static String databaseName(Environment env) {
    String url = env.getRequiredProperty("spring.datasource.url");
    try (Connection db =
            DriverManager.getConnection(
                url,
                env.getProperty("spring.datasource.username"),
                env.getProperty("spring.datasource.password"));
        Statement query = db.createStatement();
        ResultSet row =
            query.executeQuery(
                "select datname, oid from pg_database where datname = current_database()")) {
      row.next();
      return row.getString(1).replaceAll("[^A-Za-z0-9_-]", "_") + "-" + row.getLong(2);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "the embedded engine keeps its log per database, and " + url + " does not answer", e);
    }
  }
}
