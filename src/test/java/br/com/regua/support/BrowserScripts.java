package br.com.regua.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The browser scripts of {@code desk/test/} (playwright-core driving Debian's headless Chromium),
 * run from the tests with their scenario as one JSON argument.
 */
public final class BrowserScripts {

  public static final Path DESK = Path.of("desk");
  public static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("REGUA_CHROMIUM", "/usr/bin/chromium"));

  private BrowserScripts() {}

  /**
   * Runs {@code desk/test/<script>} on the scenario, with the Chromium to drive and the folder for
   * its screenshots added; fails with the script's output unless it exits 0 within the timeout.
   *
   * @param what the script as the failure messages name it, e.g. "the desk's browser script"
   * @return what the script printed
   */
  public static String run(
      ObjectMapper json,
      String script,
      Map<String, Object> scenario,
      Path screenshots,
      Duration timeout,
      String what)
      throws IOException, InterruptedException {
    Map<String, Object> argument = new LinkedHashMap<>(scenario);
    argument.put("chromium", CHROMIUM.toString());
    argument.put("screenshotDir", screenshots.toAbsolutePath().toString());
    List<String> command = List.of("node", "test/" + script, json.writeValueAsString(argument));
    Files.createDirectories(screenshots);
    Path log = Files.createTempFile(screenshots, script.replaceFirst("\\.mjs$", "") + "-", ".log");
    Process node =
        new ProcessBuilder(command)
            .directory(DESK.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = node.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
    if (!finished) {
      node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(finished).as("%s ended in %d s:%n%s", what, timeout.toSeconds(), output).isTrue();
    assertThat(node.exitValue()).as("%s failed:%n%s", what, output).isZero();
    return output;
  }

  /** Whether {@code node} runs from the PATH. */
  public static boolean nodeRuns() {
    try {
      Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      return node.waitFor(20, TimeUnit.SECONDS) && node.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
