package br.com.regua.ops.logging;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The running service's console, as Spring Boot set it up from logback-spring.xml. */
@ExtendWith(OutputCaptureExtension.class)
class ServiceLogsMaskingTest extends IntegrationTest {

  @Test
  void theConsoleMasksWhatAnyLoggerWrites(CapturedOutput output) {
    // given the console appender Spring Boot configured for the service
    LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
    OutputStreamAppender<?> console =
        (OutputStreamAppender<?>) logback.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
    assertThat(console.getEncoder()).isInstanceOf(PiiMaskingEncoder.class);
    String cpf = TestDebtors.cpf();

    // when a library's logger writes a debtor's data, in its message and in an exception
    LoggerFactory.getLogger("com.example.SomeLibrary")
        .warn(
            "mail to {} for document {} failed, phone {}",
            "maria.silva@devedor.example.test",
            cpf,
            "+55 (11) 98765-4321",
            new IllegalStateException("recipient maria.silva@devedor.example.test refused"));

    // then the console shows them masked, and the rest of the line as it was
    assertThat(output.getOut())
        .contains(
            "com.example.SomeLibrary",
            "mail to m***@devedor.example.test for document *********"
                + cpf.substring(9)
                + " failed, phone +55 (**) *****-4321",
            "java.lang.IllegalStateException: recipient m***@devedor.example.test refused",
            "at br.com.regua.ops.logging.ServiceLogsMaskingTest")
        .doesNotContain(cpf, "maria.silva@", "98765-4321");
  }
}
