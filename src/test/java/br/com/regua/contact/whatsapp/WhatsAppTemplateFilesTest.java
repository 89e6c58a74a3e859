package br.com.regua.contact.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each WhatsApp template is two files that must agree: the approved variants (.json) and the
 * readable text (.mustache). Whatever values a message has, the variant sent must take exactly the
 * values the logged text shows, in the text's order.
 */
class WhatsAppTemplateFilesTest {

  private static final Path FOLDER = Path.of("templates", "whatsapp");

  /** Values and sections: {{nome}}, {{#pixCopiaECola}}, {{/pixCopiaECola}}, {{^x}}. */
  private static final Pattern TAG = Pattern.compile("\\{\\{\\s*[#^/]?\\s*([A-Za-z0-9]+)\\s*}}");

  /** A value rendered into the text, so the test sees which values the text shows, in order. */
  private static final Pattern MARKER = Pattern.compile("⟦([^⟧]+)⟧");

  /** The payment options a debt may lack (MessageTemplates puts null); the rest every debt has. */
  private static final Set<String> OPTIONAL = Set.of("pixCopiaECola", "linhaDigitavel");

  static Stream<String> templates() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".mustache"))
          .map(n -> n.substring(0, n.length() - ".mustache".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("templates")
  void eachVariantIsANamedApprovedTemplate(String template) throws IOException {
    WhatsAppTemplates.Variants variants = variants(template);

    assertThat(variants.variants())
        .allSatisfy(
            variant -> {
              assertThat(variant.name()).matches("[a-z0-9_]+");
              assertThat(variant.language()).isEqualTo("pt_BR");
            })
        .extracting(WhatsAppTemplates.Approved::name)
        .doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @MethodSource("templates")
  void theChosenVariantsParametersAreTheValuesTheTextShowsInOrder(String template)
      throws IOException {
    // given the text, the values it uses, and the approved variants
    String text = Files.readString(FOLDER.resolve(template + ".mustache"));
    // MessageTemplates' compiler, but showing a value with no value: it belongs in its section
    Template mustache =
        Mustache.compiler().escapeHTML(false).defaultValue("⟦sem valor⟧").compile(text.strip());
    List<String> values = TAG.matcher(text).results().map(m -> m.group(1)).distinct().toList();
    WhatsAppTemplates.Variants variants = variants(template);

    // when a message has any combination of those values (absent ones are null, as in the model)
    int checked = 0;
    for (int present = 0; present < 1 << values.size(); present++) {
      Map<String, Object> model = new HashMap<>();
      for (int i = 0; i < values.size(); i++) {
        String value = values.get(i);
        model.put(value, (present & 1 << i) != 0 ? "⟦" + value + "⟧" : null);
      }
      Optional<WhatsAppTemplates.Approved> chosen =
          variants.variants().stream().filter(v -> v.fits(model)).findFirst();
      if (chosen.isEmpty()) {
        continue;
      }
      // then the variant sent takes exactly the values the logged text shows, in its order
      List<String> shown =
          MARKER.matcher(mustache.execute(model)).results().map(m -> m.group(1)).toList();
      assertThat(shown)
          .as("%s.json sends %s when %s have values", template, chosen.get().name(), present(model))
          .isEqualTo(chosen.get().parameters());
      checked++;
    }
    assertThat(checked).isPositive();
  }

  @ParameterizedTest
  @MethodSource("templates")
  void aDebtWithoutPixOrBoletoStillHasAVariant(String template) throws IOException {
    String text = Files.readString(FOLDER.resolve(template + ".mustache"));
    Map<String, Object> model = new HashMap<>();
    TAG.matcher(text)
        .results()
        .map(m -> m.group(1))
        .filter(value -> !OPTIONAL.contains(value))
        .forEach(value -> model.put(value, "x"));

    assertThat(variants(template).variants())
        .as("the last variant of %s.json needs only what every debt has", template)
        .anySatisfy(variant -> assertThat(variant.fits(model)).isTrue());
  }

  private static WhatsAppTemplates.Variants variants(String template) throws IOException {
    Path mapping = FOLDER.resolve(template + ".json");
    assertThat(mapping).as("WhatsApp needs an approved template for " + template).exists();
    try (InputStream in = Files.newInputStream(mapping)) {
      // a plain ObjectMapper: an unknown key ("parameter") is a mistake, not ignored
      return WhatsAppTemplates.read(new ObjectMapper(), template, in);
    }
  }

  private static List<String> present(Map<String, Object> model) {
    List<String> present = new ArrayList<>();
    model.forEach(
        (k, v) -> {
          if (v != null) {
            present.add(k);
          }
        });
    return present.stream().sorted().toList();
  }
}
