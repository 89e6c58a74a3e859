package br.com.regua.devkit.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import br.com.regua.support.IntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/**
 * The development mailbox keeps what it receives in PostgreSQL. The tests run their own GreenMail
 * (regua.dev-mail.enabled is false), so the mailbox here is built by hand over the service's
 * database, as the service builds it.
 */
class DevMailboxTest extends IntegrationTest {

  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  @Test
  void itsMailsOutliveARestart() throws IOException {
    // given a mail the development mailbox received
    int port = freePort();
    DevMailbox mailbox = new DevMailbox(port, new DevProviderRecords(jdbc, json));
    mailbox.start();
    try {
      GreenMailUtil.sendTextEmail(
          "ana.restart@example.com",
          "cobranca@regua.local",
          "Lembrete de vencimento",
          "Sua fatura vence em 3 dias.",
          new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    } finally {
      mailbox.stop();
    }

    // when the service starts again: a new mailbox over the same database
    DevMailbox restarted = new DevMailbox(freePort(), new DevProviderRecords(jdbc, json));

    // then the mail is still there, for its recipient only
    assertThat(restarted.mails("ana.restart@example.com"))
        .extracting(DevMailbox.Mail::to, DevMailbox.Mail::subject, DevMailbox.Mail::body)
        .containsExactly(
            tuple(
                "[ana.restart@example.com]",
                "Lembrete de vencimento",
                "Sua fatura vence em 3 dias."));
    assertThat(restarted.mails("ana.restart@example.com").get(0).receivedAt()).isNotNull();
    assertThat(restarted.mails("someone.else@example.com")).isEmpty();
  }

  @Test
  void aTakenPortIsRefusedInOneSentenceNamingThePortAndWhatToSet() throws IOException {
    // given the port of the mailbox taken by another program
    try (ServerSocket other = new ServerSocket()) {
      other.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
      DevMailbox mailbox = new DevMailbox(other.getLocalPort(), new DevProviderRecords(jdbc, json));

      // when it starts, then it refuses with the port and what to set
      assertThatThrownBy(mailbox::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("127.0.0.1:" + other.getLocalPort())
          .hasMessageContaining("SMTP_PORT")
          .hasMessageContaining("SMTP_HOST");
      assertThat(mailbox.isRunning()).isFalse();
    }
  }

  @Test
  void withoutAConfiguredHostTheMailboxRunsWithOneItDoesNot() {
    // nothing configured: the mailbox catches the mail
    assertThat(DevMailEnabled.enabled(new MockEnvironment())).isTrue();
    // a mail server named: mail goes there, and the mailbox does not take its port
    assertThat(DevMailEnabled.enabled(new MockEnvironment().withProperty("SMTP_HOST", "smtp.x.br")))
        .isFalse();
    assertThat(
            DevMailEnabled.enabled(
                new MockEnvironment().withProperty("spring.mail.host", "smtp.x.br")))
        .isFalse();
    // even a local one, when named
    assertThat(DevMailEnabled.enabled(new MockEnvironment().withProperty("SMTP_HOST", "localhost")))
        .isFalse();
    // REGUA_DEV_MAIL decides when set
    assertThat(
            DevMailEnabled.enabled(
                new MockEnvironment()
                    .withProperty("SMTP_HOST", "smtp.x.br")
                    .withProperty("regua.dev-mail.enabled", "true")))
        .isTrue();
    assertThat(
            DevMailEnabled.enabled(
                new MockEnvironment().withProperty("regua.dev-mail.enabled", "false")))
        .isFalse();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
