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
import br.com.regua.contact.sms.SmsText;
import br.com.regua.creditor.CreditorProperties;
import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * What each SMS template costs, measured: every one is written in the GSM alphabet and sent in it
 * (160 characters a part, 153 when split, instead of UCS-2's 70/67), and fits two parts with the
 * creditor's name and CNPJ (CDC art. 42-A) and the portal link. Two is the fewest: the demo
 * creditor's name and CNPJ and an 80-character link alone take 142 of a single part's 160.
 */
class SmsSegmentsTest {

  /** A link as long as a production one: https://pagar.example.com.br/portal/ + a 44-char token. */
  private static final String LINK =
      "https://pagar.example.com.br/portal/k1." + "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-Ab";

  /** Parts per template, as measured with the demo creditor, a debtor "João" and R$ 1.234,56. */
  private static final Map<String, Integer> PARTS =
      Map.ofEntries(
          Map.entry("agreement-installment-before-due", 2),
          Map.entry("agreement-installment-due-day", 2),
          Map.entry("agreement-installment-overdue", 2),
          Map.entry("email-opened-follow-up", 2),
          Map.entry("extra-day-offer", 2),
          Map.entry("last-reminder", 2),
          Map.entry("negativation-notice", 2),
          Map.entry("negotiation-link", 2),
          Map.entry("portal-discount-incentive", 2),
          Map.entry("promise-encouragement", 2),
          Map.entry("reminder-before-due", 2),
          Map.entry("reminder-due-day", 2),
          Map.entry("reminder-overdue", 2),
          Map.entry("renegotiation-options", 2));

  private static final Map<String, Object> EXTRAS =
      Map.of(
          "numeroParcela", 3,
          "totalParcelas", 12,
          "valorParcela", "R$ 1.234,56",
          "vencimentoParcela", "17/12/2026",
          "dataLimite", "28/12/2026",
          "dataPrometida", "20/12/2026");

  @Test
  void everySmsTemplateIsGsmAndCostsItsMeasuredParts() throws IOException {
    Map<String, Integer> measured = new TreeMap<>();
    for (Path file : smsTemplates()) {
      String name = file.getFileName().toString().replace(".mustache", "");
      // the wording itself never leaves the GSM alphabet ("não", "condições", "você" did)
      assertThat(SmsText.isGsm(Files.readString(file).strip())).as(file + " wording").isTrue();

      // when rendered for a creditor and a debtor whose names are not GSM, as sent
      String text =
          SmsText.toGsm(
              templates(CreditorProperties.DEMO).render(Channel.SMS, name, debt(), EXTRAS).body());

      // then the text is GSM, still names the creditor and carries its CNPJ and the link
      assertThat(SmsText.isGsm(text)).as(name + ": " + text).isTrue();
      assertThat(text)
          .as(name)
          .startsWith("Régua Cobrancas Demonstracao Ltda. (CNPJ 12.ABC.345/01DE-35): Joao, ")
          .contains(LINK)
          .doesNotContain("{{");
      measured.put(name, SmsText.parts(text));
    }
    assertThat(measured).isEqualTo(new TreeMap<>(PARTS));
  }

  @Test
  void twoPartsIsTheFloorAndLeavesRoomForALongerCreditor() throws IOException {
    // the creditor's identification and the link alone, before any word of the message
    String floor = "Régua Cobranças Demonstração Ltda. (CNPJ 12.ABC.345/01DE-35): Joao, " + LINK;
    assertThat(floor.length()).isGreaterThan(145);

    // a creditor name of 60 characters still fits every template in two parts
    CreditorProperties longName =
        new CreditorProperties(
            "Companhia Brasileira de Distribuição e Comércio Varejista S.A",
            "12.ABC.345/01DE-35",
            "Av. Paulista, 1000",
            "0800 000 1234");
    for (Path file : smsTemplates()) {
      String name = file.getFileName().toString().replace(".mustache", "");
      String text =
          SmsText.toGsm(templates(longName).render(Channel.SMS, name, debt(), EXTRAS).body());
      assertThat(SmsText.parts(text)).as(name + ": " + text.length() + " " + text).isEqualTo(2);
    }
  }

  @Test
  void whatIsNotGsmLosesItsAccentNotTheMessage() {
    assertThat(SmsText.toGsm("João Conceição, você não")).isEqualTo("Joao Conceicao, voce nao");
    // GSM's own accented letters stay
    assertThat(SmsText.toGsm("débito à vista, Ç, ü")).isEqualTo("débito à vista, Ç, ü");
    assertThat(SmsText.toGsm("“aviso” – 1º")).isEqualTo("\"aviso\" - 1o");
    assertThat(SmsText.toGsm("仮")).isEqualTo("?");
  }

  private static Stream<Path> smsTemplatesStream() throws IOException {
    return Files.list(Path.of("templates", "sms"))
        .filter(f -> f.toString().endsWith(".mustache"))
        .sorted();
  }

  private static Iterable<Path> smsTemplates() throws IOException {
    try (Stream<Path> files = smsTemplatesStream()) {
      return files.toList();
    }
  }

  private static MessageTemplates templates(CreditorProperties creditor) {
    PaymentOptionsService paymentOptions = mock(PaymentOptionsService.class);
    when(paymentOptions.of(any(), any(), anyLong(), any()))
        .thenReturn(new PaymentOptions(null, null, LINK));
    return new MessageTemplates(new DefaultResourceLoader(), paymentOptions, creditor);
  }

  private static Debt debt() {
    return new Debt(
        "INV-1001",
        new Debt.DebtorRecord(
            "52998224725", "João Conceição", "joao@example.test", "+5511987654321", Uf.SP, null),
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
        new Debt.Strategy("standard", new BigDecimal("10"), 6, 7, "NEGATIVATE"),
        null,
        null);
  }
}
