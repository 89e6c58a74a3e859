package br.com.regua.contact.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every contact the models ask for has its text: for each call of {@code contact-step} in {@code
 * bpmn/}, a template file for its channel and for every fallback channel (a step that falls back
 * from WhatsApp to SMS needs the SMS text too). Analysts add steps in Modeler; this test tells them
 * which file is missing.
 */
class TemplatesTest {

  private static final Pattern CALL =
      Pattern.compile(
          "<bpmn:callActivity id=\"(\\w+)\".*?processId=\"contact-step\".*?</bpmn:callActivity>",
          Pattern.DOTALL);
  private static final Pattern INPUT =
      Pattern.compile("<zeebe:input source=\"=([^\"]*)\" target=\"(\\w+)\" />");
  private static final Pattern LITERAL = Pattern.compile("&quot;([\\w-]+)&quot;");

  record Step(String model, String element, String template, List<String> channels) {}

  @Test
  void everyStepHasATemplateForItsChannelAndItsFallbacks() throws IOException {
    List<Step> steps = steps();
    assertThat(steps).as("contact steps in bpmn/").hasSizeGreaterThanOrEqualTo(10);

    List<String> missing = new ArrayList<>();
    for (Step step : steps) {
      for (String channel : step.channels()) {
        Path file =
            Path.of("templates", channel.toLowerCase(Locale.ROOT), step.template() + ".mustache");
        if (!Files.exists(file)) {
          missing.add(step.model() + " " + step.element() + ": " + file);
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void emailAndSmsHoldTheSameTemplatesForTheDefaultFallback() throws IOException {
    assertThat(templateNames("sms")).isEqualTo(templateNames("email"));
  }

  private static List<String> templateNames(String channel) throws IOException {
    try (Stream<Path> files = Files.list(Path.of("templates", channel))) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(name -> name.endsWith(".mustache") && !name.endsWith(".html.mustache"))
          .sorted()
          .toList();
    }
  }

  @Test
  void everyEmailTemplateStartsWithItsSubject() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("templates", "email"))) {
      assertThat(
              files
                  .filter(f -> f.toString().endsWith(".mustache"))
                  .filter(f -> !f.toString().endsWith(".html.mustache"))
                  .toList())
          .isNotEmpty()
          .allSatisfy(file -> assertThat(Files.readString(file)).startsWith("Assunto: "));
    }
  }

  private static List<Step> steps() throws IOException {
    List<Step> steps = new ArrayList<>();
    try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
      for (Path model : models.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        Matcher call = CALL.matcher(Files.readString(model));
        while (call.find()) {
          String template = null;
          List<String> channels = new ArrayList<>();
          Matcher input = INPUT.matcher(call.group());
          while (input.find()) {
            List<String> literals =
                LITERAL.matcher(input.group(1)).results().map(r -> r.group(1)).toList();
            switch (input.group(2)) {
              case "template" -> template = literals.getFirst();
              case "channel", "fallbackChannels" -> channels.addAll(literals);
              default -> {}
            }
          }
          steps.add(new Step(model.getFileName().toString(), call.group(1), template, channels));
        }
      }
    }
    return steps;
  }
}
