package br.com.regua.contact;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * WhatsApp only lets a business start a conversation with a template Meta approved, filled with
 * ordered parameters: we cannot send our own text. So each {@code templates/whatsapp/<name>} comes
 * in two files: {@code <name>.json} maps our template to the approved one,
 *
 * <pre>{@code
 * {"name": "cobranca_link_negociacao", "language": "pt_BR",
 *  "parameters": ["nome", "valor", "vencimento", "linkPagamento"]}
 * }</pre>
 *
 * ({@code parameters} name the template values of {@link MessageTemplates}, in the order of the
 * approved body's {@code {{1}}, {{2}}…}; {@code language} defaults to {@code pt_BR}), and {@code
 * <name>.mustache} is the approved text with those names, for the contact log and for people to
 * read. Analysts who change the approved template on Meta change both files.
 */
@Component
class WhatsAppTemplates {

  /** One approved template and how to fill it. */
  record Approved(String name, String language, List<String> parameters) {

    Approved {
      if (name == null || name.isBlank()) {
        throw new IllegalStateException("a WhatsApp template mapping needs the approved name");
      }
      language = language != null && !language.isBlank() ? language : "pt_BR";
      parameters = parameters != null ? List.copyOf(parameters) : List.of();
    }
  }

  private final ResourceLoader resources;
  private final ObjectMapper json;
  private final Map<String, Approved> cache = new ConcurrentHashMap<>();

  WhatsAppTemplates(ResourceLoader resources, ObjectMapper json) {
    this.resources = resources;
    this.json = json;
  }

  Approved approved(String template) {
    return cache.computeIfAbsent(template, this::load);
  }

  private Approved load(String template) {
    if (!template.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("bad template name " + template);
    }
    Resource resource = resources.getResource("classpath:templates/whatsapp/" + template + ".json");
    if (!resource.exists()) {
      throw new IllegalStateException(
          "templates/whatsapp/"
              + template
              + ".json is missing: WhatsApp sends only approved templates, and this file names"
              + " the approved one and its parameters");
    }
    try {
      return json.readValue(resource.getInputStream(), Approved.class);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable templates/whatsapp/" + template + ".json", e);
    }
  }
}
