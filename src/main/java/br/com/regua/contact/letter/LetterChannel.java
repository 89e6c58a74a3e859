package br.com.regua.contact.letter;

import br.com.regua.brazil.TaxId;
import br.com.regua.charge.PaymentOptions;
import br.com.regua.charge.PaymentOptionsService;
import br.com.regua.consent.Channel;
import br.com.regua.contact.ChannelSender;
import br.com.regua.contact.ContactService;
import br.com.regua.contact.template.MessageTemplates;
import br.com.regua.creditor.CreditorProperties;
import br.com.regua.debt.Debt;
import br.com.regua.document.DocumentService;
import br.com.regua.money.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Letters on paper: the template of {@code templates/letter/} rendered to a PDF ({@link
 * LetterPdf}), stored with the debt ({@link DocumentService}, so the creditor can prove what was
 * sent) and handed to a print-and-post provider ({@link PrintProviderClient}). Active only when
 * {@code regua.letter.base-url} names a provider; otherwise letter steps are recorded, not mailed.
 *
 * <p>Besides the values every template sees ({@code nome}, {@code valor}, {@code vencimento}, …) a
 * letter sees {@code nomeCompleto}, {@code documento} (CPF masked as {@code ***.982.247-**}, CNPJ
 * in full, 12.ABC.345/01DE-35), {@code referencia} (the debt id), {@code valorOriginal} and {@code
 * dataCarta} ("23 de novembro de 2026"); the creditor ({@code credor}, {@code cnpjCredor}, {@code
 * enderecoCredor}, {@code atendimento}) is every template's. Its name heads the letter.
 *
 * <p>Everything runs in {@link ContactService}'s transaction: when the provider fails, the document
 * is not kept and the job's retry makes a new one, sent under the same Idempotency-Key.
 */
@Component
@ConditionalOnExpression(LetterProperties.CONFIGURED)
class LetterChannel implements ChannelSender {

  static final String PDF = "application/pdf";

  private static final Locale PT_BR = Locale.forLanguageTag("pt-BR");
  private static final DateTimeFormatter LONG_DATE =
      DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(PT_BR);

  private final MessageTemplates templates;
  private final DocumentService documents;
  private final PrintProviderClient provider;
  private final CreditorProperties creditor;
  private final PaymentOptionsService paymentOptions;
  private final Clock clock;
  private final LetterPdf pdf = new LetterPdf();

  LetterChannel(
      MessageTemplates templates,
      DocumentService documents,
      PrintProviderClient provider,
      CreditorProperties creditor,
      PaymentOptionsService paymentOptions,
      Clock clock) {
    this.templates = templates;
    this.documents = documents;
    this.provider = provider;
    this.creditor = creditor;
    this.paymentOptions = paymentOptions;
    this.clock = clock;
  }

  @Override
  public Channel channel() {
    return Channel.LETTER;
  }

  /** The provider takes the contact key as its Idempotency-Key. */
  @Override
  public boolean deduplicatesByKey() {
    return true;
  }

  /**
   * @throws MissingAddressException the debtor has no postal address: nothing is generated
   * @throws LetterRejectedException the provider refused the letter (e.g. its address)
   * @throws PrintProviderUnavailableException the provider failed or did not answer in time
   */
  @Override
  public Delivery send(Debt debt, String template, Map<String, ?> values, String contactKey) {
    Debt.DebtorRecord debtor = debt.debtor();
    Debt.PostalAddress address = debtor.address();
    if (address == null) {
      throw new MissingAddressException(debt.debtId());
    }
    Map<String, Object> model = new HashMap<>(values);
    model.putAll(letterValues(debt));
    String text = templates.render(Channel.LETTER, template, debt, model).body();
    byte[] bytes =
        pdf.render(
            new LetterPdf.Letter(creditor.name(), addressBlock(debtor), text, paymentSlip(debt)));
    // mailed first, stored once the provider took it: a refused letter leaves no document behind,
    // and a store that fails rolls back and retries under the same key (the provider dedupes it)
    String letterId =
        provider.send(
            contactKey,
            new PrintProviderClient.LetterRequest(
                recipient(debtor),
                new PrintProviderClient.Document(
                    PDF,
                    DocumentService.sha256(bytes),
                    Base64.getEncoder().encodeToString(bytes))));
    documents.store(debt.debtId(), template, PDF, contactKey, bytes);
    return new Delivery(letterId, text);
  }

  private Map<String, Object> letterValues(Debt debt) {
    return Map.of(
        "nomeCompleto", debt.debtor().name(),
        "documento", printedTaxId(debt.debtor().document()),
        "referencia", debt.debtId(),
        "valorOriginal", Money.toReais(debt.amountCents()),
        "dataCarta", LONG_DATE.format(LocalDate.now(clock)));
  }

  /**
   * The slip a debtor pays from: the Pix QR code and the boleto of the open balance, those the debt
   * has (as every message offers them, {@link PaymentOptionsService}); none when nothing is owed or
   * the debt has neither.
   */
  private LetterPdf.PaymentSlip paymentSlip(Debt debt) {
    if (debt.openBalanceCents() <= 0) {
      return null;
    }
    PaymentOptions options =
        paymentOptions.of(
            debt.debtId(), debt.paymentToken(), debt.openBalanceCents(), debt.boleto());
    if (options.pixCopyAndPaste() == null && options.digitableLine() == null) {
      return null;
    }
    return new LetterPdf.PaymentSlip(
        Money.toReais(debt.openBalanceCents()),
        options.pixCopyAndPaste(),
        options.digitableLine(),
        options.digitableLine() == null ? null : debt.boleto().barcode());
  }

  /** What shows through the envelope's window: who and where, nothing more (CDC art. 42). */
  static List<String> addressBlock(Debt.DebtorRecord debtor) {
    Debt.PostalAddress a = debtor.address();
    List<String> lines = new ArrayList<>();
    lines.add(debtor.name());
    lines.add(
        a.street() + ", " + a.number() + (a.complement() == null ? "" : " - " + a.complement()));
    lines.add(a.district());
    lines.add(a.city() + " - " + a.state());
    lines.add("CEP " + a.formattedPostalCode());
    return lines;
  }

  private static PrintProviderClient.Recipient recipient(Debt.DebtorRecord debtor) {
    Debt.PostalAddress a = debtor.address();
    return new PrintProviderClient.Recipient(
        debtor.name(),
        a.street(),
        a.number(),
        a.complement(),
        a.district(),
        a.city(),
        a.state().name(),
        a.postalCode());
  }

  /**
   * A CPF is personal data (LGPD): the letter shows the middle digits, enough for the debtor to
   * recognise it, as Brazilian banks print it. A CNPJ is public and printed in full.
   */
  static String printedTaxId(String document) {
    TaxId id = new TaxId(document);
    if (id.kind() == TaxId.Kind.PF) {
      return "***." + document.substring(3, 6) + "." + document.substring(6, 9) + "-**";
    }
    return id.formatted(); // numeric or alphanumeric: 12.ABC.345/01DE-35
  }
}
