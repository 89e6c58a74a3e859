package br.com.regua.contact;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.consent.Channel;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The contact rules every worker relies on, called directly (a job delivered twice is the same call
 * twice): one send per step, and never a reminder to a debt that is paid.
 */
class ContactServiceTest extends IntegrationTest {

  @Autowired ContactService contacts;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void duringContactHours() {
    moveToContactHours();
  }

  @Test
  void aRedeliveredJobSendsNothingTwice() {
    // given a registered debt (its due date far enough that the journey's own steps stay quiet)
    String debtId = TestDebtors.uniqueId("redeliver");
    String email = register(debtId, "80.00");

    // when the same step is handled twice, as after a crash between sending and completing
    ContactOutcome first = contacts.remind(debtId, "D+7", Channel.EMAIL, "reminder-overdue");
    ContactOutcome second = contacts.remind(debtId, "D+7", Channel.EMAIL, "reminder-overdue");

    // then one email left, and the log has one line
    assertThat(first).isEqualTo(ContactOutcome.SENT);
    assertThat(second).isEqualTo(ContactOutcome.SENT);
    assertThat(mailsTo(email)).isEqualTo(1);
    assertThat(contactRows(debtId)).isEqualTo(1);
  }

  @Test
  void aPaidDebtIsNeverCharged() {
    // given a debt paid in full
    String debtId = TestDebtors.uniqueId("paid");
    String email = register(debtId, "80.00");
    api.post(
        "/api/debts/" + debtId + "/payments",
        api.payment("pay-" + debtId, "80.00", "2026-11-20T10:00:00-03:00"));

    // when a step of its journey comes due anyway (a job already on its way)
    ContactOutcome outcome = contacts.remind(debtId, "D+3", Channel.EMAIL, "reminder-overdue");

    // then nothing is sent, and the log says why
    assertThat(outcome).isEqualTo(ContactOutcome.SUPPRESSED);
    assertThat(mailsTo(email)).isZero();
    assertThat(
            jdbc.sql("select detail from contact where debt_id = ?")
                .param(debtId)
                .query(String.class)
                .single())
        .contains("PAID");
  }

  private String register(String debtId, String amount) {
    var body = api.debt(debtId, amount, today().plusYears(1));
    assertThat(api.post("/api/debts", body).getStatusCode().value()).isEqualTo(201);
    return body.get("debtor").get("email").asText();
  }

  private static long mailsTo(String address) {
    return Arrays.stream(SMTP.getReceivedMessages())
        .filter(
            m -> {
              try {
                return Arrays.toString(m.getAllRecipients()).contains(address);
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .count();
  }

  private long contactRows(String debtId) {
    return jdbc.sql("select count(*) from contact where debt_id = ?")
        .param(debtId)
        .query(Long.class)
        .single();
  }
}
