package br.com.regua.creditor;

import br.com.regua.brazil.TaxId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The creditor on whose behalf every message is sent ({@code regua.creditor.*}), configured once:
 * e-mails, SMS, WhatsApp messages and letters name it ({@code credor}, {@code cnpjCredor}, {@code
 * enderecoCredor}, {@code atendimento} in every template), the credit bureau reports it. CDC art.
 * 42-A: every collection document shows the creditor's name, address and CPF/CNPJ.
 *
 * <p>A CNPJ whose check digits are wrong stops the service at start: a message naming a creditor
 * that does not exist identifies no one. Numeric and alphanumeric CNPJs (IN RFB 2.229/2024) are
 * both taken, and a CPF for a creditor who is a person.
 *
 * @param name the creditor's name as debtors know it; default the demo creditor
 * @param cnpj the creditor's CNPJ (or CPF), punctuated or not; printed as people write it ({@code
 *     12.ABC.345/01DE-35}); default the demo creditor's
 * @param address the creditor's address, one line; default the demo creditor's
 * @param supportContact where the debtor pays, negotiates or disputes by phone or email; default
 *     the demo creditor's
 */
@ConfigurationProperties(prefix = "regua.creditor")
public record CreditorProperties(String name, String cnpj, String address, String supportContact) {

  /** The demo creditor of embedded mode, as {@code application.yaml} configures it. */
  public static final CreditorProperties DEMO = new CreditorProperties(null, null, null, null);

  public CreditorProperties {
    name = orDefault(name, "Régua Cobranças Demonstração Ltda.");
    cnpj = orDefault(cnpj, "12.ABC.345/01DE-35");
    address = orDefault(address, "Av. Paulista, 1000, Bela Vista, São Paulo - SP, 01310-100");
    supportContact = orDefault(supportContact, "cobranca@regua.local · 0800 000 1234");
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

  private static String orDefault(String value, String fallback) {
    return value != null && !value.isBlank() ? value.strip() : fallback;
  }
}
