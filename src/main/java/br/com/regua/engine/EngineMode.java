package br.com.regua.engine;

import org.springframework.core.env.Environment;

/**
 * Where the journeys run: the in-JVM engine, or a Camunda 8.8 cluster named by camunda.client.*.
 */
public enum EngineMode {
  EMBEDDED,
  REMOTE;

  /**
   * {@code regua.engine.mode} when set; otherwise remote for SaaS ({@code
   * camunda.client.mode=saas}) and embedded for everything else. A configured {@code
   * camunda.client.grpc-address} does not decide it: the Camunda starter supplies one by default
   * (localhost:26500) in self-managed mode.
   */
  public static EngineMode of(Environment env) {
    String configured = env.getProperty("regua.engine.mode", "");
    if (!configured.isBlank()) {
      return valueOf(configured.trim().toUpperCase(java.util.Locale.ROOT));
    }
    return "saas".equalsIgnoreCase(env.getProperty("camunda.client.mode")) ? REMOTE : EMBEDDED;
  }
}
