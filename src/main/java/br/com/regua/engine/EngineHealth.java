package br.com.regua.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an engine says about itself: whether it processes commands now, and why not. {@code details}
 * are shown as they are in {@code /actuator/health} (phase, positions, the failure).
 */
public record EngineHealth(boolean up, String problem, Map<String, Object> details) {

  public EngineHealth {
    details = new LinkedHashMap<>(details);
  }

  public static EngineHealth up(Map<String, Object> details) {
    return new EngineHealth(true, null, details);
  }

  public static EngineHealth down(String problem, Map<String, Object> details) {
    return new EngineHealth(false, problem, details);
  }
}
