package br.com.regua;

import io.camunda.client.annotation.Deployment;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Régua: each debt is a Zeebe process instance that walks the dunning journey in {@code bpmn/}; the
 * agents' human tasks use the Camunda Forms in {@code forms/}, deployed with it.
 */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
@Deployment(
    resources = {
      "classpath*:/bpmn/**/*.bpmn",
      "classpath*:/bpmn/**/*.dmn",
      "classpath*:/forms/*.form"
    })
public class ReguaApplication {

  public static void main(String[] args) {
    try {
      SpringApplication.run(ReguaApplication.class, args);
    } catch (RuntimeException failedStart) {
      // Spring Boot has logged why ("Application run failed", with its stack trace); the last line
      // says it in one. Exit: in embedded mode the engine's library keeps a non-daemon timer
      // thread (zeebe-process-test's EngineStateMonitor) that would hold the JVM and its ports,
      // serving nothing, until someone kills it.
      System.err.println(whyNotStarted(failedStart));
      System.exit(1);
    }
  }

  /**
   * One line: the innermost reason a start failed, which names what to change; a bare socket error
   * ("Address already in use") with the message of what it happened to ("Port 8080 is already in
   * use").
   */
  static String whyNotStarted(Throwable failure) {
    Throwable root = failure;
    Throwable explained = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
      if (root.getMessage() != null && !root.getMessage().isBlank()) {
        if (!root.getClass().getPackageName().matches("java\\.(net|io|nio.*)")) {
          explained = root;
        } else if (explained.getMessage() != null) {
          return oneLine(explained.getMessage() + " (" + root.getMessage() + ")");
        } else {
          explained = root;
        }
      }
    }
    return oneLine(
        explained.getMessage() == null ? explained.getClass().getName() : explained.getMessage());
  }

  private static String oneLine(String reason) {
    return "Régua did not start: " + reason.strip().replaceAll("\\s*\\n\\s*", " ");
  }
}
