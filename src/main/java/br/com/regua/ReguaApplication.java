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
      // Spring Boot has logged why ("Application run failed"). Exit: in embedded mode the engine's
      // library keeps a non-daemon timer thread (zeebe-process-test's EngineStateMonitor) that
      // would hold the JVM, serving nothing, until someone kills it.
      System.exit(1);
    }
  }
}
