package br.com.regua.openapi;

import br.com.regua.engine.EngineMode;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Two documents: the API ({@code /v3/api-docs/api}, Swagger UI's first), and in embedded mode the
 * development tools ({@code /v3/api-docs/development}: the engine clock, the engine's state and the
 * stand-in providers under {@code /api/dev/**}), kept apart so that nobody reads them as part of
 * the API. Remote mode has no development tools, so no such group.
 */
@Configuration
class ApiGroups {

  static final String API = "api";
  static final String DEVELOPMENT = "development";
  static final String DEV_PATHS = "/api/dev/**";

  @Bean
  GroupedOpenApi api() {
    return GroupedOpenApi.builder()
        .group(API)
        .displayName("Régua API")
        .pathsToMatch("/api/**")
        .pathsToExclude(DEV_PATHS)
        .build();
  }

  @Bean
  @Conditional(EmbeddedMode.class)
  GroupedOpenApi development() {
    return GroupedOpenApi.builder()
        .group(DEVELOPMENT)
        .displayName("Régua development tools (embedded mode)")
        .pathsToMatch(DEV_PATHS)
        .build();
  }

  static final class EmbeddedMode implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return EngineMode.of(context.getEnvironment()) == EngineMode.EMBEDDED;
    }
  }
}
