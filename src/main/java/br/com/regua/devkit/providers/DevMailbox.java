package br.com.regua.devkit.providers;

import br.com.regua.contact.email.MimeText;
import br.com.regua.devkit.engine.EmbeddedEngine;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * In embedded mode, an SMTP server inside the service (GreenMail) on {@code spring.mail.port}, so
 * the journey's emails have somewhere to go on a machine with no mail server, and a person can read
 * them at {@code GET /api/dev/mails}. Off when {@code regua.dev-mail.enabled=false}, e.g. to use a
 * real SMTP server.
 */
@Component
@ConditionalOnBean(EmbeddedEngine.class)
@ConditionalOnProperty(name = "regua.dev-mail.enabled", havingValue = "true")
public class DevMailbox implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DevMailbox.class);

  private final GreenMail server;
  private volatile boolean running;

  DevMailbox(@Value("${spring.mail.port}") int port) {
    this.server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  /** One delivered email, as the debtor would read it. */
  public record Mail(String to, String subject, String body, Instant receivedAt) {}

  public List<Mail> mails() {
    return Arrays.stream(server.getReceivedMessages()).map(DevMailbox::toMail).toList();
  }

  @Override
  public void start() {
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

  private static Mail toMail(MimeMessage message) {
    try {
      return new Mail(
          Arrays.toString(message.getRecipients(Message.RecipientType.TO)),
          message.getSubject(),
          MimeText.plain(message),
          message.getReceivedDate() != null ? message.getReceivedDate().toInstant() : null);
    } catch (MessagingException e) {
      throw new IllegalStateException("unreadable message in the development mailbox", e);
    }
  }
}
