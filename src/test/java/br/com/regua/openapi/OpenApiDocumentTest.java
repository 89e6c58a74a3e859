package br.com.regua.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The OpenAPI document at /v3/api-docs describes every endpoint of the service, with examples. */
class OpenApiDocumentTest extends IntegrationTest {

  private static final Set<RequestMethod> ANY =
      Set.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE);

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyEndpointOfTheServiceIsInTheDocument() {
    JsonNode paths = document().path("paths");
    Set<String> endpoints = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              // the API: handlers answering bodies; pages (the desk's redirects) are not API
              if (handler.getBeanType().getPackageName().startsWith("br.com.regua")
                  && (AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
                      || handler.hasMethodAnnotation(ResponseBody.class))) {
                endpoints.addAll(endpoints(info));
              }
            });
    // The scan must see the service's own endpoints, or the check below proves nothing.
    assertThat(endpoints).contains("POST /api/debts", "GET /api/debts/{debtId}");

    Set<String> missing = new TreeSet<>();
    for (String endpoint : endpoints) {
      String[] methodAndPath = endpoint.split(" ", 2);
      JsonNode operation = paths.path(methodAndPath[1]).path(methodAndPath[0].toLowerCase());
      if (operation.isMissingNode()) {
        missing.add(endpoint);
      }
    }
    assertThat(missing).as("endpoints missing from /v3/api-docs").isEmpty();
  }

  @Test
  void theMainRequestsHaveExamplesTheApiAccepts() {
    JsonNode paths = document().path("paths");
    OpenApiConfiguration.REQUEST_EXAMPLES.forEach(
        (operation, file) -> {
          String[] methodAndPath = operation.split(" ", 2);
          JsonNode examples =
              paths
                  .path(methodAndPath[1])
                  .path(methodAndPath[0].toLowerCase())
                  .path("requestBody")
                  .path("content")
                  .path("application/json")
                  .path("examples");
          assertThat(examples.size()).as(operation + " examples").isEqualTo(1);
          assertThat(examples.elements().next().path("value").isObject()).as(operation).isTrue();
        });

    // The registration example is a valid debt (only its id and due date made fresh).
    ObjectNode debt = (ObjectNode) OpenApiConfiguration.read("register-debt.json").deepCopy();
    debt.put("debtId", "OPENAPI-" + System.nanoTime());
    debt.put("dueDate", today().plusDays(10).toString());
    assertThat(api.post("/api/debts", debt).getStatusCode().value()).isEqualTo(201);
    JsonNode payment = OpenApiConfiguration.read("payment.json");
    assertThat(
            api.post("/api/debts/" + debt.get("debtId").asText() + "/payments", payment)
                .getStatusCode()
                .value())
        .isEqualTo(201);
  }

  @Test
  void theApiIsGroupedByFeatureWithTheDevelopmentToolsApart() {
    // given the two documents of embedded mode
    JsonNode api = document("/v3/api-docs/" + ApiGroups.API);
    JsonNode development = document("/v3/api-docs/" + ApiGroups.DEVELOPMENT);

    // then the API has no development endpoint, and the development group nothing else
    Set<String> apiPaths = new TreeSet<>();
    api.path("paths").fieldNames().forEachRemaining(apiPaths::add);
    assertThat(apiPaths).contains("/api/debts", "/api/debts/{debtId}/agreements");
    assertThat(apiPaths).noneMatch(path -> path.startsWith("/api/dev/"));
    Set<String> devPaths = new TreeSet<>();
    development.path("paths").fieldNames().forEachRemaining(devPaths::add);
    assertThat(devPaths).contains("/api/dev/clock", "/api/dev/sms");
    assertThat(devPaths).allMatch(path -> path.startsWith("/api/dev/"));

    // and every operation sits in a feature's section, declared with a description, never in a
    // controller's ("delivery-webhook-controller")
    Set<String> declared = new TreeSet<>();
    api.path("tags").forEach(tag -> declared.add(tag.path("name").asText()));
    assertThat(declared)
        .contains("Debts", "Payments", "Agreements", "Disputes", FeatureTags.WEBHOOKS)
        .doesNotContain("Development tools");
    api.path("tags").forEach(tag -> assertThat(tag.path("description").asText()).isNotBlank());
    Set<String> used = new TreeSet<>();
    api.path("paths")
        .forEach(
            path ->
                path.forEach(
                    operation -> operation.path("tags").forEach(t -> used.add(t.asText()))));
    assertThat(used).isEqualTo(declared);
    assertThat(api.at("/paths/~1api~1webhooks~1sms/post/tags/0").asText())
        .isEqualTo(FeatureTags.WEBHOOKS);
    assertThat(api.at("/paths/~1api~1debts/post/tags/0").asText()).isEqualTo("Debts");
    assertThat(api.at("/paths/~1api~1debts~1{debtId}/get/tags/0").asText()).isEqualTo("Debts");
    development
        .path("paths")
        .forEach(
            path ->
                path.forEach(
                    operation ->
                        assertThat(operation.at("/tags/0").asText())
                            .isEqualTo("Development tools")));

    // and a deal's discount is described as the decimal string the offers write
    assertThat(api.at("/components/schemas/Deal/properties/discountPercent/type").asText())
        .isEqualTo("string");

    // and the server is where the document is served, not springdoc's "Generated server url"
    for (JsonNode document : List.of(api, development)) {
      assertThat(document.at("/servers/0/url").asText()).isEqualTo("/");
      assertThat(document.at("/servers/0/description").asText())
          .startsWith("Régua")
          .doesNotContain("Generated");
    }

    // and Swagger UI offers the API first, the development tools second
    JsonNode config = document("/v3/api-docs/swagger-config");
    assertThat(config.path("urls").findValuesAsText("name"))
        .containsExactly("Régua API", "Régua development tools (embedded mode)");
    assertThat(config.path("urls.primaryName").asText()).isEqualTo("Régua API");
  }

  @Test
  void swaggerUiIsServed() {
    var page = http.getForEntity("/swagger-ui/index.html", String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("swagger-ui");
    var redirect = http.getForEntity("/swagger-ui.html", String.class);
    assertThat(
            redirect.getStatusCode().is2xxSuccessful()
                || redirect.getStatusCode().is3xxRedirection())
        .isTrue();
  }

  private JsonNode document() {
    return document("/v3/api-docs");
  }

  private JsonNode document(String path) {
    var response = http.getForEntity(path, JsonNode.class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody();
  }

  private static Set<String> endpoints(RequestMappingInfo info) {
    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
    Set<String> endpoints = new TreeSet<>();
    for (String pattern : info.getPatternValues()) {
      String path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
      for (RequestMethod method : methods.isEmpty() ? ANY : methods) {
        endpoints.add(method.name() + " " + path);
      }
    }
    return endpoints;
  }
}
