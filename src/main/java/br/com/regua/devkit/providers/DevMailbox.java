package br.com.regua.devkit.providers;

import br.com.regua.contact.email.MimeText;
import br.com.regua.devkit.engine.EmbeddedEngine;
import br.com.regua.devkit.providers.DevProviderRecords.Provider;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * In embedded mode, an SMTP server inside the service (GreenMail) on {@code spring.mail.port}, so
 * the journey's emails have somewhere to go on a machine with no mail server, and a person can read
 * them at {@code GET /api/dev/mails}. Off when an SMTP host is configured, or {@code
 * regua.dev-mail.enabled=false} ({@link DevMailEnabled}).
 *
 * <p>GreenMail keeps mail in memory only, so each mail is copied into PostgreSQL ({@link
 * DevProviderRecords}) as it is delivered, and the mailbox is read from there: a restart loses
 * nothing. The copy is made inside the SMTP transaction, before GreenMail answers {@code 250}: if
 * it fails, the sender gets a {@code 451} and sends again, where a copy made later (on a read, say)
 * would lose what arrived just before a restart.
 */
@Component
@ConditionalOnBean(EmbeddedEngine.class)
@Conditional(DevMailEnabled.class)
public class DevMailbox implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DevMailbox.class);

  private final GreenMail server;
  private final int port;
  private final DevProviderRecords records;
  private volatile boolean running;

  DevMailbox(@Value("${spring.mail.port}") int port, DevProviderRecords records) {
    this.port = port;
    this.server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    this.records = records;
    UserManager users = server.getUserManager();
    MessageDeliveryHandler deliverToInbox = users.getMessageDeliveryHandler();
    users.setMessageDeliveryHandler(
        (message, recipient) -> {
          keep(message.getMessage()); // once per recipient, as GreenMail delivers
          return deliverToInbox.handle(message, recipient);
        });
  }

  /** One delivered email, as the debtor would read it. */
  public record Mail(String to, String subject, String body, Instant receivedAt) {}

  /** Every mail delivered, in the order received; with {@code to}, those whose To contains it. */
  public List<Mail> mails(String to) {
    return records.list(Provider.MAIL, to, Mail.class);
  }

  @Override
  public void start() {
    // GreenMail reports a taken port from its own thread, with two stack traces and a hint about
    // startup timeouts; this says which port and what to set
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress("127.0.0.1", port));
    } catch (IOException taken) {
      throw new IllegalStateException(
          "the development mailbox cannot listen on 127.0.0.1:"
              + port
              + " ("
              + taken.getMessage()
              + "): set SMTP_PORT to a free port, or SMTP_HOST to send through a mail server");
    }
    server.start();
    running = true;
    log.info("Development mailbox: SMTP on 127.0.0.1:{}", server.getSmtp().getPort());
  }

  @Override
  public void stop() {
    server.stop();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return Integer.MIN_VALUE; // up before the job workers send anything, down after they stop
  }

  private void keep(MimeMessage message) throws MessagingException {
    // GreenMail dates a mail by the system clock as it stores it; so does the copy
    Mail mail =
        new Mail(
            Arrays.toString(message.getRecipients(Message.RecipientType.TO)),
            message.getSubject(),
            MimeText.plain(message),
            Instant.now());
    records.keep(Provider.MAIL, null, mail.to(), mail.receivedAt(), Mail.class, id -> mail);
  }
}
