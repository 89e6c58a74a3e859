package br.com.regua.contact.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An SMS carries the payment link, never the PIX copy-and-paste or the digitable line: either would
 * split it into several messages, and the page at the link shows every option (README, "SMS,
 * WhatsApp and delivery receipts").
 */
class SmsTemplateFilesTest {

  private static final Path FOLDER = Path.of("templates", "sms");

  static Stream<Path> templates() throws IOException {
    try (Stream<Path> files = Files.walk(FOLDER)) {
      return files.filter(f -> f.toString().endsWith(".mustache")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("templates")
  void anSmsPointsToThePaymentLinkOnly(Path template) throws IOException {
    String text = Files.readString(template);

    assertThat(text)
        .contains("{{linkPagamento}}")
        .doesNotContain("pixCopiaECola")
        .doesNotContain("linhaDigitavel");
  }
}
