package br.com.regua.support;

import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Each test run starts from an empty schema: Flyway drops what an earlier run left, then migrates.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestDatabaseConfiguration {

  @Bean
  FlywayMigrationStrategy cleanThenMigrate() {
    return flyway -> {
      flyway.clean();
      flyway.migrate();
    };
  }
}
