package br.com.regua.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.consent.Channel;
import br.com.regua.contact.email.MimeText;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Emails go out as text and HTML alternatives, and a strategy can word a message its own way
 * ({@code templates/email/intensive/…} over {@code templates/email/…}).
 */
class EmailFormatsTest extends IntegrationTest {

  @Autowired ContactService contacts;

  @BeforeEach
  void duringContactHours() {
    moveToContactHours();
  }

  @Test
  void anEmailCarriesTextAndHtmlWithItsLinkClickable() throws Exception {
    String debtId = register("formats-std", "1000.00", 0);

    contacts.remind(debtId, "D+7", Channel.EMAIL, "renegotiation-options");

    MimeMessage mail = mailTo(debtId);
    assertThat(mail.getSubject()).isEqualTo("Condições especiais para regularizar R$ 1.000,00");
    assertThat(MimeText.plain(mail)).contains("Olá, Maria!");
    String html = MimeText.html(mail);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<p>Olá, Maria!</p>")
        .containsPattern("<a href=\"https://pagar\\.example\\.test/p/t2\\.[A-Za-z0-9_-]{40}\">");
  }

  @Test
  void aStrategyWithItsOwnTemplateGetsItsOwnWording() throws Exception {
    // high value and a late history: the intensive strategy
    String debtId = register("formats-int", "8000.00", 3);

    contacts.remind(debtId, "D+7", Channel.EMAIL, "renegotiation-options");

    MimeMessage mail = mailTo(debtId);
    assertThat(mail.getSubject()).isEqualTo("Maria, vamos resolver R$ 8.000,00 juntos?");
    assertThat(MimeText.plain(mail)).contains("falar com um de nossos negociadores");
  }

  private String register(String prefix, String amount, int latePayments) {
    String debtId = TestDebtors.uniqueId(prefix);
    var body = api.debt(debtId, amount, today().plusDays(30));
    body.put("latePaymentCount", latePayments);
    assertThat(api.post("/api/debts", body).getStatusCode().value()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> api.timelineTypes(debtId).contains("STRATEGY_DECIDED"));
    return debtId;
  }

  private static MimeMessage mailTo(String debtId) {
    return Arrays.stream(SMTP.getReceivedMessages())
        .filter(m -> recipients(m).contains(debtId.toLowerCase()))
        .findFirst()
        .orElseThrow();
  }

  private static String recipients(MimeMessage message) {
    try {
      return Arrays.toString(message.getAllRecipients());
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
