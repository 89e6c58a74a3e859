package br.com.regua.ops.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

/**
 * The console appender of logback-spring.xml as Spring Boot configures it, in its own logger
 * context: the text line and the ECS JSON line of an event full of a debtor's data.
 */
class PiiMaskingEncoderTest {

  private static final String MESSAGE =
      "Contact for 529.982.247-25 to maria@example.com refused: o telefone +5511987654321 não é um celular";

  @Test
  void textLineMasksTheMessageAndTheStackTrace() throws Exception {
    String line = encode(null);

    assertThat(line)
        .contains(
            "Contact for ***.***.***-25 to m***@example.com refused: o telefone +55*******4321 não é um celular")
        .contains("IllegalStateException: bounce from j***@example.org, CNPJ **.***.***/****-81")
        .contains("at br.com.regua.ops.logging.PiiMaskingEncoderTest")
        .contains("Journey 2251799813686699 of debt INV-1001"); // ids stay readable
    assertUnmasked(line);
  }

  @Test
  void ecsJsonMasksMessageErrorAndMdc() throws Exception {
    String line = encode("ecs");

    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("ecs").get("version").asText()).isNotBlank();
    assertThat(json.get("message").asText())
        .isEqualTo(
            "Contact for ***.***.***-25 to m***@example.com refused: o telefone +55*******4321 não é um celular"
                + " (Journey 2251799813686699 of debt INV-1001)");
    assertThat(json.get("error").get("message").asText())
        .isEqualTo("bounce from j***@example.org, CNPJ **.***.***/****-81");
    assertThat(json.get("error").get("stack_trace").asText())
        .contains("bounce from j***@example.org")
        .contains("at br.com.regua.ops.logging.PiiMaskingEncoderTest");
    assertThat(line).contains("*********25").contains("INV-1001"); // the MDC's document and debt id
    assertUnmasked(line);
  }

  private static void assertUnmasked(String line) {
    assertThat(line)
        .doesNotContain("529.982.247-25", "52998224725", "maria@", "joao@", "987654321")
        .doesNotContain("11.222.333/0001-81");
  }

  /** One event, encoded by the CONSOLE appender of logback-spring.xml with the given format. */
  private static String encode(String structuredFormat) throws Exception {
    LoggerContext context = new LoggerContext();
    MockEnvironment environment = new MockEnvironment();
    environment.setProperty("spring.application.name", "regua");
    context.putObject(Environment.class.getName(), environment);
    if (structuredFormat != null) {
      context.putProperty("CONSOLE_LOG_STRUCTURED_FORMAT", structuredFormat);
    }
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(PiiMaskingEncoderTest.class.getResource("/logback-spring.xml"));
    try {
      @SuppressWarnings("unchecked")
      ConsoleAppender<ILoggingEvent> console =
          (ConsoleAppender<ILoggingEvent>)
              context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
      assertThat(console.getEncoder()).isInstanceOf(PiiMaskingEncoder.class);
      LoggingEvent event =
          new LoggingEvent(
              PiiMaskingEncoderTest.class.getName(),
              context.getLogger("br.com.regua.contact.ContactService"),
              Level.WARN,
              MESSAGE + " (Journey {} of debt {})",
              new IllegalStateException("bounce from joao@example.org, CNPJ 11.222.333/0001-81"),
              new Object[] {2251799813686699L, "INV-1001"});
      event.setMDCPropertyMap(Map.of("debtId", "INV-1001", "document", "52998224725"));
      return new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
    } finally {
      context.stop();
    }
  }
}
