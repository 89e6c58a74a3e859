package br.com.regua.contact.template;

import br.com.regua.charge.PaymentOptions;
import br.com.regua.charge.PaymentOptionsService;
import br.com.regua.consent.Channel;
import br.com.regua.creditor.CreditorProperties;
import br.com.regua.debt.Debt;
import br.com.regua.money.Money;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The texts debtors receive: Mustache files in {@code templates/<channel>/<name>.mustache} (email,
 * sms, whatsapp, letter), edited without touching Java. An email template's first line is {@code
 * Assunto: …}. Every template sees the debtor's first name, the open balance, the due date, the
 * payment options ({@code linkPagamento}; {@code linhaDigitavel} and {@code pixCopiaECola} when the
 * debt has them, for {@code {{#linhaDigitavel}}…{{/linhaDigitavel}}} sections) and the limits of
 * the debt's strategy, and the creditor ({@code credor}, {@code cnpjCredor}, {@code
 * enderecoCredor}, {@code atendimento}: CDC art. 42-A, every message names it); callers may add
 * their own values. A template may include a partial of {@code templates/partials/} ({@code {{>
 * assinatura}}}, the e-mails' signature).
 *
 * <p>A strategy may word a message its own way: {@code templates/<channel>/<strategy>/<name>
 * .mustache} (e.g. {@code templates/email/intensive/renegotiation-options.mustache}) wins over the
 * common file for debts of that strategy. An email is sent as text and HTML: the HTML is {@code
 * templates/email/<name>.html.mustache} when there is one, else the text's paragraphs and links in
 * the layout {@code templates/layout/email.html.mustache}.
 */
@Component
public class MessageTemplates {

  private static final DateTimeFormatter BR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final String SUBJECT_PREFIX = "Assunto:";

  /** A rendered message; {@code subject} and {@code html} are null outside email. */
  public record Message(String subject, String body, String html) {}

  private record Parsed(Template subject, Template body, Template html) {}

  private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

  private final ResourceLoader resources;
  private final PaymentOptionsService paymentOptions;
  private final CreditorProperties creditor;
  private final Map<String, Parsed> cache = new ConcurrentHashMap<>();

  MessageTemplates(
      ResourceLoader resources, PaymentOptionsService paymentOptions, CreditorProperties creditor) {
    this.resources = resources;
    this.paymentOptions = paymentOptions;
    this.creditor = creditor;
  }

  public Message render(Channel channel, String name, Debt debt, Map<String, ?> extra) {
    String strategy = debt.strategy() == null ? null : debt.strategy().name();
    Parsed template =
        cache.computeIfAbsent(
            channel + "/" + strategy + "/" + name, k -> load(channel, strategy, name));
    Map<String, Object> model = model(debt, extra);
    String body = template.body().execute(model);
    if (channel != Channel.EMAIL) {
      return new Message(null, body, null);
    }
    String html =
        template.html() != null
            ? template.html().execute(model)
            : layout().execute(Map.of("conteudo", htmlOf(body)));
    return new Message(template.subject().execute(model), body, html);
  }

  /** The text's paragraphs as HTML, escaped, with its links clickable. */
  private static String htmlOf(String text) {
    StringBuilder html = new StringBuilder();
    for (String paragraph : text.strip().split("\\n\\s*\\n")) {
      String escaped = HtmlUtils.htmlEscape(paragraph.strip(), StandardCharsets.UTF_8.name());
      String linked = URL.matcher(escaped).replaceAll("<a href=\"$0\">$0</a>");
      html.append("<p>").append(linked.replace("\n", "<br>\n")).append("</p>\n");
    }
    return html.toString();
  }

  private Template layout() {
    return cache
        .computeIfAbsent(
            "layout/email",
            k ->
                new Parsed(
                    null,
                    Mustache.compiler()
                        .escapeHTML(false)
                        .compile(read("classpath:templates/layout/email.html.mustache")),
                    null))
        .body();
  }

  /**
   * The values a template sees, by name ({@code nome}, {@code valor}, …): what WhatsApp's approved
   * templates take as ordered parameters instead of a text.
   */
  public Map<String, Object> model(Debt debt, Map<String, ?> extra) {
    Map<String, Object> model = new HashMap<>(extra);
    // CDC art. 42-A: every message names the creditor, its CNPJ and address
    model.put("credor", creditor.name());
    model.put("cnpjCredor", creditor.cnpj());
    model.put("enderecoCredor", creditor.address());
    model.put("atendimento", creditor.supportContact());
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

  private Parsed load(Channel channel, String strategy, String name) {
    if (!name.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("bad template name " + name);
    }
    String folder = "classpath:templates/" + channel.name().toLowerCase(Locale.ROOT) + "/";
    String base =
        strategy != null
                && strategy.matches("[a-z0-9-]+")
                && resources.getResource(folder + strategy + "/" + name + ".mustache").exists()
            ? folder + strategy + "/" + name
            : folder + name;
    String text = read(base + ".mustache");
    Mustache.Compiler compiler =
        Mustache.compiler().escapeHTML(false).defaultValue("").withLoader(this::partial);
    if (channel != Channel.EMAIL) {
      return new Parsed(null, compiler.compile(text.strip()), null);
    }
    int newline = text.indexOf('\n');
    String firstLine = newline < 0 ? text : text.substring(0, newline);
    if (!firstLine.startsWith(SUBJECT_PREFIX)) {
      throw new IllegalStateException(
          "email template " + name + " must start with a line '" + SUBJECT_PREFIX + " …'");
    }
    Resource html = resources.getResource(base + ".html.mustache");
    return new Parsed(
        compiler.compile(firstLine.substring(SUBJECT_PREFIX.length()).strip()),
        compiler.compile(text.substring(newline + 1).stripLeading()),
        html.exists()
            ? Mustache.compiler()
                .escapeHTML(true)
                .defaultValue("")
                .withLoader(this::partial)
                .compile(read(base + ".html.mustache"))
            : null);
  }

  /**
   * {@code {{> name}}}: {@code templates/partials/<name>.mustache}, e.g. the e-mails' signature.
   */
  private Reader partial(String name) {
    if (!name.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("bad partial name " + name);
    }
    return new StringReader(read("classpath:templates/partials/" + name + ".mustache"));
  }

  private String read(String location) {
    try {
      return resources.getResource(location).getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("template " + location + " not found", e);
    }
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
