package br.com.regua.openapi;

import io.swagger.v3.oas.models.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Swagger UI's sections are the features a client works with, in the order of a debt's life, not
 * the controllers' class names ("delivery-webhook-controller"). An operation's feature is its
 * controller's top-level package ({@code br.com.regua.<feature>}); the providers' webhooks, spread
 * over the features they feed, are one section of their own.
 */
@Configuration
class FeatureTags {

  static final String WEBHOOKS = "Provider webhooks";

  /** Package → section, in the order Swagger UI shows them. */
  static final Map<String, Tag> BY_PACKAGE = new LinkedHashMap<>();

  static {
    add("debt", "Debts", "Register debts (one or a batch) and read a debt with its timeline");
    add("journey", "Debts", null);
    add("payment", "Payments", "Payments, boleto returns, reconciliation and refunds");
    add("promise", "Promises", "A debtor's promise to pay by a date: the journey waits for it");
    add("dispute", "Disputes", "A contested debt: collection pauses until it is resolved");
    add("agreement", "Agreements", "Offers, agreements in installments and agents' deals");
    add("engagement", "Engagement events", "Mails opened, portal visits: what the debtor did");
    add("consent", "Channel consents", "A debtor's opt-outs and opt-ins per channel");
    add("portal", "Debtor portal", "The signed links of a debt's portal: revoking them");
    add("debtor", "Debtors", "A debtor's debts and contacts across journeys");
    add(
        "hold",
        "Debtor holds",
        "Judicial recovery, over-indebtedness plans, deaths, legal orders: no contact while held");
    add("document", "Documents", "The letters sent, as stored");
    add("tasks", "Agent tasks", "The desk's tasks and forms, for agents and supervisors");
    add("kpi", "KPIs", "Recovery, channels, promises and agreements of a period (supervisors)");
    add("security", "Session", "Who is calling, and the desk's CSRF token");
    // not a package: the controllers named *Webhook*, wherever they live
    BY_PACKAGE.put("*Webhook*", tag(WEBHOOKS, "Delivery receipts and payments sent by providers"));
    add(
        "devkit",
        "Development tools",
        "Embedded mode only: the engine clock, the engine's state and the stand-in providers");
  }

  private static void add(String pkg, String name, String description) {
    Tag known =
        BY_PACKAGE.values().stream().filter(t -> t.getName().equals(name)).findFirst().orElse(null);
    BY_PACKAGE.put(pkg, known != null ? known : tag(name, description));
  }

  private static Tag tag(String name, String description) {
    return new Tag().name(name).description(description);
  }

  /** The section of an operation handled by this controller class. */
  static String of(Class<?> controller) {
    if (controller.getSimpleName().contains("Webhook")) {
      return WEBHOOKS;
    }
    String name = controller.getName();
    String feature = name.substring("br.com.regua.".length()).split("\\.", 2)[0];
    Tag tag = BY_PACKAGE.get(feature);
    // a package not listed yet (a test names it) still gets a section of its own
    return tag == null ? feature : tag.getName();
  }

  @Bean
  GlobalOperationCustomizer featureTag() {
    return (operation, handler) -> {
      if (handler.getBeanType().getName().startsWith("br.com.regua.")) {
        operation.setTags(List.of(of(handler.getBeanType())));
      }
      return operation;
    };
  }

  /** The sections in their order, with their descriptions; those with no operation left out. */
  @Bean
  GlobalOpenApiCustomizer featureSections() {
    return openApi -> {
      java.util.Set<String> used = new java.util.HashSet<>();
      if (openApi.getPaths() != null) {
        openApi
            .getPaths()
            .values()
            .forEach(
                path ->
                    path.readOperations()
                        .forEach(
                            op -> used.addAll(op.getTags() == null ? List.of() : op.getTags())));
      }
      openApi.setTags(
          BY_PACKAGE.values().stream()
              .distinct()
              .filter(tag -> used.contains(tag.getName()))
              .toList());
    };
  }
}
