package br.com.regua.creditor;

import br.com.regua.brazil.TaxId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The creditor on whose behalf every message is sent ({@code regua.creditor.*}), configured once:
 * e-mails, SMS, WhatsApp messages and letters name it ({@code credor}, {@code cnpjCredor}, {@code
 * enderecoCredor}, {@code atendimento} in every template), the credit bureau reports it. CDC art.
 * 42-A: every collection document shows the creditor's name, address and CPF/CNPJ.
 *
 * <p>Every property is required, and a CNPJ whose check digits are wrong stops the service at
 * start: a message naming a creditor that does not exist identifies no one. {@code
 * application.yaml} configures the demo creditor ({@link #DEMO}) for embedded mode; the {@code
 * remote} profile has no default, so production starts only once its creditor is set. Numeric and
 * alphanumeric CNPJs (IN RFB 2.229/2024) are both taken, and a CPF for a creditor who is a person.
 *
 * @param name the creditor's name as debtors know it
 * @param cnpj the creditor's CNPJ (or CPF), punctuated or not; printed as people write it ({@code
 *     12.ABC.345/01DE-35})
 * @param address the creditor's address, one line
 * @param supportContact where the debtor pays, negotiates or disputes by phone or email
 */
@ConfigurationProperties(prefix = "regua.creditor")
public record CreditorProperties(String name, String cnpj, String address, String supportContact) {

  /**
   * The demo creditor of embedded mode, as {@code application.yaml} configures it; its CNPJ is the
   * Receita Federal's example of an alphanumeric one.
   */
  public static final CreditorProperties DEMO =
      new CreditorProperties(
          "Régua Cobranças Demonstração Ltda.",
          "12.ABC.345/01DE-35",
          "Av. Paulista, 1000, Bela Vista, São Paulo - SP, 01310-100",
          "cobranca@regua.local · 0800 000 1234");

  public CreditorProperties {
    name = required(name, "name", "REGUA_CREDITOR_NAME");
    cnpj = required(cnpj, "cnpj", "REGUA_CREDITOR_CNPJ");
    address = required(address, "address", "REGUA_CREDITOR_ADDRESS");
    supportContact = required(supportContact, "support-contact", "REGUA_CREDITOR_SUPPORT_CONTACT");
    if (!TaxId.isValidText(cnpj)) {
      throw new IllegalArgumentException(
          "regua.creditor.cnpj (REGUA_CREDITOR_CNPJ) '"
              + cnpj
              + "' is not a valid CNPJ: its check digits are wrong");
    }
    cnpj = TaxId.parse(cnpj).formatted();
  }

  /** The CNPJ in its canonical form (no punctuation, upper case), for APIs such as the bureau's. */
  public String document() {
    return TaxId.parse(cnpj).value();
  }

  private static String required(String value, String property, String variable) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "regua.creditor."
              + property
              + " ("
              + variable
              + ") must be set: every collection message names the creditor (CDC art. 42-A)");
    }
    return value.strip();
  }
}
