package br.com.regua.contact;

import br.com.regua.debt.Debt;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Email over SMTP, rendered from {@code templates/email/}. */
@Component
class EmailChannel {

  private final JavaMailSender mail;
  private final String from;

  EmailChannel(JavaMailSender mail, @Value("${regua.mail.from}") String from) {
    this.mail = mail;
    this.from = from;
  }

  void send(Debt debt, MessageTemplates.Message message) {
    MimeMessage mime = mail.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(debt.debtor().email());
      helper.setSubject(message.subject());
      helper.setText(message.body());
    } catch (MessagingException e) {
      throw new MailPreparationException(e);
    }
    mail.send(mime);
  }
}
