package br.com.regua.contact;

import br.com.regua.debt.Debt;
import br.com.regua.money.Money;
import br.com.regua.payment.PaymentOptions;
import br.com.regua.payment.PaymentOptionsService;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The texts debtors receive: Mustache files in {@code templates/<channel>/<name>.mustache} (email,
 * sms, whatsapp, letter), edited without touching Java. An email template's first line is {@code
 * Assunto: …}. Every template sees the debtor's first name, the open balance, the due date, the
 * payment options ({@code linkPagamento}; {@code linhaDigitavel} and {@code pixCopiaECola} when the
 * debt has them, for {@code {{#linhaDigitavel}}…{{/linhaDigitavel}}} sections) and the limits of
 * the debt's strategy; callers may add their own values.
 */
@Component
class MessageTemplates {

  private static final DateTimeFormatter BR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final String SUBJECT_PREFIX = "Assunto:";

  /** A rendered message; {@code subject} is null outside email. */
  record Message(String subject, String body) {}

  private record Parsed(Template subject, Template body) {}

  private final ResourceLoader resources;
  private final PaymentOptionsService paymentOptions;
  private final Map<String, Parsed> cache = new ConcurrentHashMap<>();

  MessageTemplates(ResourceLoader resources, PaymentOptionsService paymentOptions) {
    this.resources = resources;
    this.paymentOptions = paymentOptions;
  }

  Message render(Channel channel, String name, Debt debt, Map<String, ?> extra) {
    Parsed template = cache.computeIfAbsent(channel + "/" + name, k -> load(channel, name));
    Map<String, Object> model = model(debt, extra);
    return new Message(
        template.subject() == null ? null : template.subject().execute(model),
        template.body().execute(model));
  }

  /**
   * The values a template sees, by name ({@code nome}, {@code valor}, …): what WhatsApp's approved
   * templates take as ordered parameters instead of a text.
   */
  Map<String, Object> model(Debt debt, Map<String, ?> extra) {
    Map<String, Object> model = new HashMap<>(extra);
    model.put("nome", firstName(debt.debtor().name()));
    model.put("valor", Money.toReais(debt.openBalanceCents()));
    model.put("vencimento", BR_DATE.format(debt.dueDate()));
    PaymentOptions options =
        paymentOptions.of(
            debt.debtId(), debt.paymentToken(), debt.openBalanceCents(), debt.boleto());
    model.put("linkPagamento", options.paymentLink());
    model.put("linhaDigitavel", options.digitableLine());
    model.put("pixCopiaECola", options.pixCopyAndPaste());
    if (debt.strategy() != null) {
      model.put("descontoMaximo", percent(debt.strategy().maxDiscountPercent()));
      model.put("parcelasMaximas", debt.strategy().maxInstallments());
    }
    return model;
  }

  String paymentLink(Debt debt) {
    return paymentOptions.paymentLink(debt.paymentToken());
  }

  private Parsed load(Channel channel, String name) {
    if (!name.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("bad template name " + name);
    }
    String folder = channel.name().toLowerCase(Locale.ROOT);
    Resource resource =
        resources.getResource("classpath:templates/" + folder + "/" + name + ".mustache");
    String text;
    try {
      text = resource.getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(folder + " template " + name + " not found", e);
    }
    Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).defaultValue("");
    if (channel != Channel.EMAIL) {
      return new Parsed(null, compiler.compile(text.strip()));
    }
    int newline = text.indexOf('\n');
    String firstLine = newline < 0 ? text : text.substring(0, newline);
    if (!firstLine.startsWith(SUBJECT_PREFIX)) {
      throw new IllegalStateException(
          "email template " + name + " must start with a line '" + SUBJECT_PREFIX + " …'");
    }
    return new Parsed(
        compiler.compile(firstLine.substring(SUBJECT_PREFIX.length()).strip()),
        compiler.compile(text.substring(newline + 1).stripLeading()));
  }

  private static String percent(BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString() + "%";
  }

  private static String firstName(String name) {
    String trimmed = name.strip();
    int space = trimmed.indexOf(' ');
    return space < 0 ? trimmed : trimmed.substring(0, space);
  }
}
