package br.com.regua.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The OpenAPI document springdoc builds from the controllers ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}), with a title and an example body for the main requests. The examples
 * are the JSON files in {@code openapi-examples/}, so they stay readable and a test can send them.
 * Its sections are the features ({@link FeatureTags}); the development tools of embedded mode are a
 * group of their own ({@link ApiGroups}).
 */
@Configuration
class OpenApiConfiguration {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** "METHOD path" as in the document → the example file of its request body. */
  static final Map<String, String> REQUEST_EXAMPLES =
      Map.of(
          "POST /api/debts", "register-debt.json",
          "POST /api/debts/{debtId}/payments", "payment.json",
          "POST /api/debts/{debtId}/promises", "promise.json",
          "POST /api/debts/{debtId}/disputes", "dispute.json",
          "POST /api/debts/{debtId}/disputes/{disputeId}/resolution", "resolution.json",
          "POST /api/debts/{debtId}/agreements", "agreement.json",
          "POST /api/events/email-opened", "email-opened.json",
          "POST /api/events/portal-visits", "portal-visit.json",
          "POST /api/debtors/{document}/holds", "debtor-hold.json");

  /**
   * The server Swagger UI sends its calls to: {@code REGUA_API_BASE_URL} (the address clients
   * reach, behind a proxy), else "/", the address the document was read from, which OpenAPI
   * resolves against the document's URL: right on any port, where springdoc's guess was named
   * "Generated server url".
   */
  @Bean
  OpenAPI reguaOpenApi(@Value("${regua.api.base-url:}") String baseUrl) {
    Server server =
        baseUrl.isBlank()
            ? new Server()
                .url("/")
                .description("Régua: this service, where this document is served")
            : new Server().url(baseUrl).description("Régua");
    return new OpenAPI()
        .servers(List.of(server))
        .info(
            new Info()
                .title("Régua")
                .version("1")
                .description(
                    "Dunning orchestrator on Camunda 8: debts, payments, promises, disputes,"
                        + " agreements, engagement events, agents' tasks and KPIs. Bad input is"
                        + " application/problem+json naming the field; every POST is idempotent"
                        + " by its id. Integrations send their key in X-Api-Key; agents sign in"
                        + " to the desk; providers sign their webhooks (see the README)."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "apiKey",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name("X-Api-Key")
                        .description("The integration's key; its SHA-256 is configured")))
        .addSecurityItem(new SecurityRequirement().addList("apiKey"));
  }

  @Bean
  GlobalOpenApiCustomizer requestExamples() {
    return openApi ->
        REQUEST_EXAMPLES.forEach(
            (operation, file) -> {
              String[] methodAndPath = operation.split(" ", 2);
              PathItem path =
                  openApi.getPaths() == null ? null : openApi.getPaths().get(methodAndPath[1]);
              if (path == null) {
                return;
              }
              Operation op =
                  path.readOperationsMap().get(PathItem.HttpMethod.valueOf(methodAndPath[0]));
              if (op == null || op.getRequestBody() == null) {
                return;
              }
              MediaType json = op.getRequestBody().getContent().get("application/json");
              if (json != null) {
                json.addExamples(file.replace(".json", ""), new Example().value(read(file)));
              }
            });
  }

  /** The example as JSON (not a string), so Swagger UI fills the request body with it. */
  static JsonNode read(String file) {
    try (InputStream in = new ClassPathResource("openapi-examples/" + file).getInputStream()) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
