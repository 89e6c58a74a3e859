package br.com.regua.engine;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole service: the engine's in embedded mode, the system's otherwise. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  @Bean
  Clock clock(
      ObjectProvider<EmbeddedEngine> embeddedEngine,
      @Value("${regua.zone:America/Sao_Paulo}") ZoneId zone) {
    EmbeddedEngine engine = embeddedEngine.getIfAvailable();
    return engine != null ? engine.clock() : Clock.system(zone);
  }
}
