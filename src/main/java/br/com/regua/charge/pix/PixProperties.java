package br.com.regua.charge.pix;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The creditor's PIX receiving account ({@code regua.pix.*}). Without a key, reminders carry no PIX
 * option; with one, the name and city are required, as the BR Code needs them.
 *
 * @param key the creditor's PIX key (CNPJ digits, email, +55 phone or random EVP key)
 * @param merchantName the receiver's name the payer's app shows, at most 25 characters
 * @param merchantCity the receiver's city, at most 15 characters
 */
@ConfigurationProperties(prefix = "regua.pix")
public record PixProperties(String key, String merchantName, String merchantCity) {

  public PixProperties {
    key = key == null ? "" : key.strip();
  }

  public boolean enabled() {
    return !key.isEmpty();
  }
}
