package br.com.regua.contact;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.charge.boleto.Boleto;
import br.com.regua.consent.Channel;
import br.com.regua.contact.email.MimeText;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reminder email carries every payment option the debt has: the boleto's digitable line and the
 * PIX copy-and-paste next to the link; a debt without a boleto just has no boleto line.
 */
class PaymentOptionsInRemindersTest extends IntegrationTest {

  @Autowired ContactService contacts;

  @Test
  void theReminderCarriesTheDigitableLineAndThePixPayload() throws Exception {
    // given a debt registered with its boleto
    String debtId = TestDebtors.uniqueId("mailboleto");
    LocalDate dueDate = today().plusYears(1);
    Boleto boleto = Boleto.build("237", dueDate, 180_50, "0500940144816060680935031");
    ObjectNode body = api.debt(debtId, "180.50", dueDate);
    body.putObject("boleto").put("barcode", boleto.barcode());
    JsonNode debt = api.post("/api/debts", body).getBody();
    String pix = debt.at("/paymentOptions/pixCopyAndPaste").asText();

    // when the D-3 reminder goes out
    contacts.remind(debtId, "D-3", Channel.EMAIL, "reminder-before-due");

    // then
    String text = mailTo(body.at("/debtor/email").asText());
    assertThat(text)
        .contains("Boleto (linha digitável): " + boleto.formattedDigitableLine())
        .contains("Pix copia e cola: " + pix)
        .contains("Link seguro: " + debt.at("/paymentOptions/paymentLink").asText());
    assertThat(pix).contains("5406180.50");
  }

  @Test
  void aDebtWithoutBoletoOmitsTheBoletoLine() throws Exception {
    // given
    String debtId = TestDebtors.uniqueId("mailnoboleto");
    ObjectNode body = api.debt(debtId, "80.00", today().plusYears(1));
    api.post("/api/debts", body);

    // when
    contacts.remind(debtId, "D+7", Channel.EMAIL, "reminder-overdue");

    // then
    String text = mailTo(body.at("/debtor/email").asText());
    assertThat(text).doesNotContain("Boleto").contains("Pix copia e cola: 000201");
  }

  private static String mailTo(String address) throws Exception {
    MimeMessage mail =
        Arrays.stream(SMTP.getReceivedMessages())
            .filter(
                m -> {
                  try {
                    return Arrays.toString(m.getAllRecipients()).contains(address);
                  } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .findFirst()
            .orElseThrow();
    return MimeText.plain(mail).replace("\r\n", "\n");
  }
}
