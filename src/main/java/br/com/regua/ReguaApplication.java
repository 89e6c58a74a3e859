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
    SpringApplication.run(ReguaApplication.class, args);
  }
}
