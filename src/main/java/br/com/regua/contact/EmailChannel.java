package br.com.regua.contact;

import br.com.regua.debt.Debt;
import br.com.regua.money.Money;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP. Templates are Mustache files in {@code templates/email/}, one per template name,
 * whose first line is {@code Assunto: …}; they see the debtor's first name, the open balance, the
 * due date and the payment link.
 */
@Component
class EmailChannel {

  private static final DateTimeFormatter BR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final String SUBJECT_PREFIX = "Assunto:";

  private final JavaMailSender mail;
  private final ResourceLoader resources;
  private final String from;
  private final String paymentLinkBaseUrl;
  private final Map<String, ParsedTemplate> cache = new ConcurrentHashMap<>();

  EmailChannel(
      JavaMailSender mail,
      ResourceLoader resources,
      @Value("${regua.mail.from}") String from,
      @Value("${regua.payment-link.base-url}") String paymentLinkBaseUrl) {
    this.mail = mail;
    this.resources = resources;
    this.from = from;
    this.paymentLinkBaseUrl = paymentLinkBaseUrl;
  }

  /** Sends the template to the debtor and returns what the contact log records. */
  String send(Debt debt, String templateName) {
    ParsedTemplate template = cache.computeIfAbsent(templateName, this::load);
    Map<String, Object> model =
        Map.of(
            "nome", firstName(debt.debtor().name()),
            "valor", Money.toReais(debt.openBalanceCents()),
            "vencimento", BR_DATE.format(debt.dueDate()),
            "linkPagamento", paymentLinkBaseUrl + "/" + debt.paymentToken());
    MimeMessage message = mail.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(debt.debtor().email());
      helper.setSubject(template.subject().execute(model));
      helper.setText(template.body().execute(model));
    } catch (MessagingException e) {
      throw new MailPreparationException(e);
    }
    mail.send(message);
    return "e-mail " + templateName;
  }

  private record ParsedTemplate(Template subject, Template body) {}

  private ParsedTemplate load(String name) {
    if (!name.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("bad template name " + name);
    }
    Resource resource = resources.getResource("classpath:templates/email/" + name + ".mustache");
    String text;
    try {
      text = resource.getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("email template " + name + " not found", e);
    }
    int newline = text.indexOf('\n');
    String firstLine = newline < 0 ? text : text.substring(0, newline);
    if (!firstLine.startsWith(SUBJECT_PREFIX)) {
      throw new IllegalStateException(
          "email template " + name + " must start with a line '" + SUBJECT_PREFIX + " …'");
    }
    Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).defaultValue("");
    return new ParsedTemplate(
        compiler.compile(firstLine.substring(SUBJECT_PREFIX.length()).strip()),
        compiler.compile(text.substring(newline + 1).stripLeading()));
  }

  private static String firstName(String name) {
    String trimmed = name.strip();
    int space = trimmed.indexOf(' ');
    return space < 0 ? trimmed : trimmed.substring(0, space);
  }
}
