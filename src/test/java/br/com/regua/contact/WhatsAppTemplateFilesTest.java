package br.com.regua.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each WhatsApp template is two files that must agree: the mapping to the approved template (.json)
 * and its readable text (.mustache), whose values appear in the approved body's order.
 */
class WhatsAppTemplateFilesTest {

  private static final Path FOLDER = Path.of("templates", "whatsapp");
  private static final Pattern VALUE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9]+)\\s*}}");

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
  void theApprovedTemplatesParametersAreTheTextsValuesInOrder(String template) throws IOException {
    Path mapping = FOLDER.resolve(template + ".json");
    assertThat(mapping).as("WhatsApp needs an approved template for " + template).exists();
    WhatsAppTemplates.Approved approved =
        new ObjectMapper().readValue(mapping.toFile(), WhatsAppTemplates.Approved.class);

    Matcher values = VALUE.matcher(Files.readString(FOLDER.resolve(template + ".mustache")));
    List<String> inText = values.results().map(m -> m.group(1)).toList();

    assertThat(approved.name()).matches("[a-z0-9_]+");
    assertThat(approved.language()).isEqualTo("pt_BR");
    assertThat(approved.parameters()).isEqualTo(inText);
  }
}
