package br.com.regua.contact.email;

import br.com.regua.consent.Channel;
import br.com.regua.contact.ChannelSender;
import br.com.regua.contact.template.MessageTemplates;
import br.com.regua.debt.Debt;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP, rendered from {@code templates/email/}. The contact key travels as the {@code
 * X-Regua-Contact} header, and the message's Message-ID is kept as its provider id, so a bounce or
 * an open reported by the mail provider finds its contact either way.
 */
@Component
class EmailChannel implements ChannelSender {

  private final JavaMailSender mail;
  private final MessageTemplates templates;
  private final String from;

  EmailChannel(
      JavaMailSender mail, MessageTemplates templates, @Value("${regua.mail.from}") String from) {
    this.mail = mail;
    this.templates = templates;
    this.from = from;
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public Delivery send(Debt debt, String template, Map<String, ?> values, String contactKey) {
    MessageTemplates.Message message = templates.render(Channel.EMAIL, template, debt, values);
    MimeMessage mime = mail.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(debt.debtor().email());
      helper.setSubject(message.subject());
      helper.setText(message.body(), message.html());
      mime.setHeader("X-Regua-Contact", contactKey);
    } catch (MessagingException e) {
      throw new MailPreparationException(e);
    }
    mail.send(mime);
    return new Delivery(messageId(mime), message.body());
  }

  /**
   * The Message-ID the mail sender gave the message when it sent it: bounce and open reports name
   * it ({@code POST /api/webhooks/email}).
   */
  private static String messageId(MimeMessage mime) {
    try {
      return mime.getMessageID();
    } catch (MessagingException e) {
      return null; // the contact key (X-Regua-Contact) still names the message
    }
  }
}
