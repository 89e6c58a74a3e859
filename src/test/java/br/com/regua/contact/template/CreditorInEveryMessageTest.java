package br.com.regua.contact.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import br.com.regua.brazil.Uf;
import br.com.regua.charge.PaymentOptions;
import br.com.regua.charge.PaymentOptionsService;
import br.com.regua.consent.Channel;
import br.com.regua.creditor.CreditorProperties;
import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * CDC art. 42-A: every collection message names the creditor. Every template of {@code templates/}
 * is rendered, found by walking the folder (a template added tomorrow is checked too), and must
 * carry the creditor's name and CNPJ; all but SMS its address too (an SMS carries the payment link,
 * whose page shows the address).
 */
class CreditorInEveryMessageTest {

  // not the demo creditor: what is printed must follow the configuration
  private static final CreditorProperties CREDITOR =
      new CreditorProperties(
          "Loja Exemplo S.A.",
          "a1b2c3d4e5f668",
          "Rua XV de Novembro, 700, Centro, Curitiba - PR, 80020-310",
          "0800 000 1234");

  private static final String LINK = "https://pagar.example.test/p/abc";

  /** Every message template: {@code templates/<channel>[/<strategy>]/<name>.mustache}. */
  static Stream<Path> templates() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("templates"))) {
      List<Path> found =
          files
              .filter(f -> f.toString().endsWith(".mustache"))
              .filter(f -> !f.toString().endsWith(".html.mustache"))
              .filter(f -> channelOf(f) != null)
              .sorted()
              .toList();
      return found.stream();
    }
  }

  @Test
  void everyChannelHasTemplatesToCheck() throws IOException {
    assertThat(templates().map(CreditorInEveryMessageTest::channelOf).distinct())
        .containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS, Channel.WHATSAPP, Channel.LETTER);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void namesTheCreditor(Path file) {
    Channel channel = channelOf(file);
    Path inChannel = Path.of("templates", folderOf(channel)).relativize(file);
    String strategy = inChannel.getNameCount() > 1 ? inChannel.getName(0).toString() : "standard";
    String name = inChannel.getFileName().toString().replace(".mustache", "");

    // with payment options and without (no boleto, no PIX: sections left out)
    for (PaymentOptions options :
        List.of(
            new PaymentOptions(
                "34191.79001 01043.510047 91020.150008 1 97750000123456", "000201…", LINK),
            new PaymentOptions(null, null, LINK))) {
      MessageTemplates.Message message =
          templates(options).render(channel, name, debt(strategy), Map.of());

      List<String> texts = new ArrayList<>(List.of(message.body()));
      if (channel == Channel.EMAIL) {
        texts.add(message.subject() + "\n" + message.html());
      }
      String text = String.join("\n", texts);
      assertThat(message.body()).as(file + ": creditor's name").contains("Loja Exemplo S.A.");
      assertThat(message.body()).as(file + ": creditor's CNPJ").contains("A1.B2C.3D4/E5F6-68");
      if (channel == Channel.SMS) {
        assertThat(message.body()).as(file + ": the link to the address").contains(LINK);
      } else {
        assertThat(message.body())
            .as(file + ": creditor's address")
            .contains("Rua XV de Novembro, 700, Centro, Curitiba - PR, 80020-310");
      }
      if (channel == Channel.EMAIL) {
        assertThat(message.html())
            .as(file + ": the e-mail's HTML")
            .contains("Loja Exemplo S.A.", "A1.B2C.3D4/E5F6-68", "Rua XV de Novembro, 700");
      }
      assertThat(text).doesNotContain("Equipe de Cobrança");
    }
  }

  /** An approved WhatsApp template only carries what its parameters name. */
  @Test
  void everyApprovedWhatsAppTemplateTakesTheCreditor() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Path> mappings;
    try (Stream<Path> files = Files.list(Path.of("templates", "whatsapp"))) {
      mappings = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(mappings).isNotEmpty();
    for (Path mapping : mappings) {
      JsonNode root = json.readTree(mapping.toFile());
      List<JsonNode> variants = new ArrayList<>();
      (root.has("variants") ? root.get("variants") : json.createArrayNode().add(root))
          .forEach(variants::add);
      assertThat(variants).as(mapping.toString()).isNotEmpty();
      for (JsonNode variant : variants) {
        List<String> parameters = new ArrayList<>();
        variant.get("parameters").forEach(p -> parameters.add(p.asText()));
        assertThat(parameters)
            .as(mapping + " " + variant.get("name").asText())
            .contains("credor", "cnpjCredor", "enderecoCredor");
      }
    }
  }

  private static MessageTemplates templates(PaymentOptions options) {
    PaymentOptionsService paymentOptions = mock(PaymentOptionsService.class);
    when(paymentOptions.of(any(), any(), anyLong(), any())).thenReturn(options);
    return new MessageTemplates(new DefaultResourceLoader(), paymentOptions, CREDITOR);
  }

  private static Debt debt(String strategy) {
    return new Debt(
        "INV-1001",
        new Debt.DebtorRecord(
            "52998224725", "Maria da Silva", "maria@example.test", "+5511987654321", Uf.SP, null),
        123456,
        123456,
        LocalDate.of(2026, 12, 17),
        DebtStatus.ACTIVE,
        UUID.randomUUID(),
        "fingerprint",
        1L,
        Instant.parse("2026-12-01T12:00:00Z"),
        null,
        0,
        new Debt.Strategy(strategy, new BigDecimal("10"), 6, 7, "NEGATIVATE"),
        null,
        null);
  }

  private static Channel channelOf(Path file) {
    Path relative = Path.of("templates").relativize(file);
    for (Channel channel : Channel.values()) {
      if (relative.getName(0).toString().equals(folderOf(channel))) {
        return channel;
      }
    }
    return null; // layout/, partials/: parts of messages, checked through them
  }

  private static String folderOf(Channel channel) {
    return channel.name().toLowerCase(Locale.ROOT);
  }
}
