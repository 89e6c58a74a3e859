package br.com.regua.engine;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole service: the engine's in embedded mode; in remote mode the system's, or
 * the cluster's controlled clock when {@code regua.engine.clock-url} names it (test clusters).
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  @Bean
  Clock clock(
      ObjectProvider<InMemoryEngine> inMemoryEngine,
      @Value("${regua.zone:America/Sao_Paulo}") ZoneId zone,
      @Value("${regua.engine.clock-url:}") String engineClockUrl) {
    InMemoryEngine engine = inMemoryEngine.getIfAvailable();
    if (engine != null) {
      return engine.clock();
    }
    return engineClockUrl.isBlank()
        ? Clock.system(zone)
        : RemoteEngineClock.start(URI.create(engineClockUrl.trim()), zone);
  }
}
