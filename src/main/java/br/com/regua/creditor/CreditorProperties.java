package br.com.regua.creditor;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The creditor on whose behalf every message is sent ({@code regua.creditor.*}), configured once.
 * CDC art. 42-A: every collection message names the creditor (name, CNPJ, address).
 *
 * @param name the creditor's name as debtors know it; default the demo creditor
 * @param cnpj the creditor's CNPJ, formatted as it should be printed
 * @param address the creditor's address, one line
 * @param supportContact where the debtor pays, negotiates or disputes by phone or email
 */
@ConfigurationProperties(prefix = "regua.creditor")
public record CreditorProperties(String name, String cnpj, String address, String supportContact) {

  public CreditorProperties {
    name = orDefault(name, "Régua Cobranças Demonstração Ltda.");
    cnpj = orDefault(cnpj, "");
    address = orDefault(address, "");
    supportContact = orDefault(supportContact, "");
  }

  private static String orDefault(String value, String fallback) {
    return value != null && !value.isBlank() ? value.strip() : fallback;
  }
}
