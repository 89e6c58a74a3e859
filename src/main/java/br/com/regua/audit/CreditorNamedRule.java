package br.com.regua.audit;

import br.com.regua.audit.AuditRecords.Contact;
import br.com.regua.consent.Channel;
import br.com.regua.contact.sms.SmsText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every message names the creditor: name and CNPJ in every e-mail, SMS, WhatsApp message and
 * letter, and its address wherever the channel has room for it (all but SMS, which points to it).
 */
final class CreditorNamedRule implements AuditRule {

  private final String name;
  private final String cnpj;
  private final String address;

  CreditorNamedRule(String name, String cnpj, String address) {
    this.name = name;
    this.cnpj = cnpj;
    this.address = address;
  }

  @Override
  public String name() {
    return "creditor-named";
  }

  @Override
  public String description() {
    return "every message names the creditor \""
        + name
        + "\", CNPJ "
        + cnpj
        + ", and but for SMS its address (CDC art. 42-A)";
  }

  @Override
  public long checked(AuditRecords records) {
    return records.madeContacts().size();
  }

  @Override
  public List<Violation> check(AuditRecords records) {
    List<Violation> violations = new ArrayList<>();
    for (Contact contact : records.madeContacts()) {
      // a letter mailed is read from its PDF; one recorded without a print provider, from its text
      Optional<String> text =
          contact.channel() == Channel.LETTER
              ? records.letterText(contact.key()).or(() -> Optional.ofNullable(contact.payload()))
              : Optional.ofNullable(contact.payload());
      List<String> missing = new ArrayList<>();
      // an SMS is sent in the GSM alphabet ("Cobranças" reads "Cobrancas" there); one recorded
      // without a provider keeps the text as rendered: both are read in that alphabet
      boolean sms = contact.channel() == Channel.SMS;
      String normalized =
          text.map(t -> sms ? SmsText.toGsm(t) : t).map(CreditorNamedRule::normalize).orElse("");
      String named = sms ? SmsText.toGsm(name) : name;
      if (!normalized.contains(normalize(named))) {
        missing.add("name");
      }
      if (!normalized.contains(normalize(cnpj))
          && !digitsAndLetters(normalized).contains(digitsAndLetters(cnpj))) {
        missing.add("CNPJ");
      }
      if (contact.channel() != Channel.SMS && !normalized.contains(normalize(address))) {
        missing.add("address");
      }
      if (!missing.isEmpty()) {
        violations.add(
            new Violation(
                contact.debtId(),
                contact.channel()
                    + " "
                    + contact.template()
                    + " at "
                    + contact.occurredAt()
                    + (text.isEmpty()
                        ? ": its text was not kept"
                        : " lacks the creditor's " + String.join(", ", missing))));
      }
    }
    return violations;
  }

  /** Whitespace collapsed (a PDF's text breaks lines where the layout does). */
  private static String normalize(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  private static String digitsAndLetters(String text) {
    return text.replaceAll("[^0-9A-Za-z]", "").toUpperCase(java.util.Locale.ROOT);
  }
}
