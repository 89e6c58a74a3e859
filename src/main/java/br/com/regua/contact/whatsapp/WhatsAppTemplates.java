package br.com.regua.contact.whatsapp;

import br.com.regua.contact.template.MessageTemplates;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * WhatsApp only lets a business start a conversation with a template Meta approved, filled with
 * ordered parameters: we cannot send our own text, and the Cloud API refuses an empty parameter. So
 * each {@code templates/whatsapp/<name>} comes in two files: {@code <name>.json} lists the approved
 * templates that can carry our message, most complete first,
 *
 * <pre>{@code
 * {"language": "pt_BR",
 *  "variants": [
 *    {"name": "cobranca_link_negociacao_pix",
 *     "parameters": ["nome", "valor", "vencimento", "linkPagamento", "pixCopiaECola"]},
 *    {"name": "cobranca_link_negociacao",
 *     "parameters": ["nome", "valor", "vencimento", "linkPagamento"]}]}
 * }</pre>
 *
 * and the first variant whose parameters all have a value for the debt is sent: a debt with a PIX
 * charge gets the PIX variant, one without (no PIX key configured) the plain one. {@code
 * parameters} name the template values of {@link MessageTemplates}, in the order of the approved
 * body's {@code {{1}}, {{2}}…}; {@code language} (of the file or of a variant) defaults to {@code
 * pt_BR}. The single-template shape {@code {"name": …, "language": …, "parameters": […]}} is read
 * as one variant.
 *
 * <p>{@code <name>.mustache} is the approved text with those names, for the contact log and for
 * people to read; what only some variants carry sits in a section ({@code
 * {{#pixCopiaECola}}…{{/pixCopiaECola}}}), so the logged text is the one the debtor got. Analysts
 * who change an approved template on Meta change both files, and get a new variant approved before
 * it is listed here.
 */
@Component
public class WhatsAppTemplates {

  /** One approved template and how to fill it. */
  record Approved(String name, String language, List<String> parameters) {

    Approved {
      if (name == null || name.isBlank()) {
        throw new IllegalStateException("a WhatsApp template mapping needs the approved name");
      }
      language = language != null && !language.isBlank() ? language : "pt_BR";
      parameters = parameters != null ? List.copyOf(parameters) : List.of();
    }

    /** Whether every parameter has a value the Cloud API takes (not null, not blank). */
    boolean fits(Map<String, ?> model) {
      return parameters.stream().allMatch(name -> hasValue(model.get(name)));
    }
  }

  /** The approved templates that can carry one of our messages, in the order they are tried. */
  record Variants(String template, List<Approved> variants) {

    Variants {
      if (variants == null || variants.isEmpty()) {
        throw new IllegalStateException(
            "templates/whatsapp/" + template + ".json names no approved template");
      }
      variants = List.copyOf(variants);
    }

    /**
     * The first variant whose parameters all have values. None is a template mistake (the last
     * variant should need only what every debt has), said so: the job fails, then an incident.
     */
    Approved choose(Map<String, ?> model) {
      return variants.stream()
          .filter(variant -> variant.fits(model))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "templates/whatsapp/"
                          + template
                          + ".json: no variant has a value for each of its parameters; missing "
                          + variants.getLast().parameters().stream()
                              .filter(name -> !hasValue(model.get(name)))
                              .toList()));
    }
  }

  private final ResourceLoader resources;
  private final ObjectMapper json;
  private final Map<String, Variants> cache = new ConcurrentHashMap<>();

  WhatsAppTemplates(ResourceLoader resources, ObjectMapper json) {
    this.resources = resources;
    this.json = json;
  }

  /** The approved template to send for {@code template}, given the values of this message. */
  Approved approved(String template, Map<String, ?> model) {
    return variants(template).choose(model);
  }

  Variants variants(String template) {
    return cache.computeIfAbsent(template, this::load);
  }

  private Variants load(String template) {
    if (!template.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("bad template name " + template);
    }
    Resource resource = resources.getResource("classpath:templates/whatsapp/" + template + ".json");
    if (!resource.exists()) {
      throw new IllegalStateException(
          "templates/whatsapp/"
              + template
              + ".json is missing: WhatsApp sends only approved templates, and this file names"
              + " the approved ones and their parameters");
    }
    try (InputStream in = resource.getInputStream()) {
      return read(json, template, in);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable templates/whatsapp/" + template + ".json", e);
    }
  }

  /** Reads a mapping file of either shape: {@code variants}, or one approved template. */
  static Variants read(ObjectMapper json, String template, InputStream in) throws IOException {
    JsonNode root = json.readTree(in);
    if (root == null || !root.isObject()) {
      throw new IllegalStateException(
          "templates/whatsapp/" + template + ".json must be a JSON object");
    }
    if (!root.has("variants")) {
      return new Variants(template, List.of(json.treeToValue(root, Approved.class)));
    }
    if (root.has("name") || root.has("parameters") || !root.get("variants").isArray()) {
      throw new IllegalStateException(
          "templates/whatsapp/"
              + template
              + ".json: either a list of \"variants\" or one template's \"name\" and"
              + " \"parameters\", not both");
    }
    String language = root.path("language").asText(null);
    List<Approved> variants = new ArrayList<>();
    for (JsonNode node : root.get("variants")) {
      Approved variant = json.treeToValue(node, Approved.class);
      variants.add(
          node.hasNonNull("language") || language == null
              ? variant
              : new Approved(variant.name(), language, variant.parameters()));
    }
    return new Variants(template, variants);
  }

  private static boolean hasValue(Object value) {
    return value != null && !value.toString().isBlank();
  }
}
