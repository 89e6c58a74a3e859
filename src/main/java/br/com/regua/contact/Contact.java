package br.com.regua.contact;

import br.com.regua.consent.Channel;
import java.time.Instant;

/** One contact attempt about to be logged; its key makes it happen once. */
record Contact(
    String debtId, String key, String step, Channel channel, String template, Instant at) {

  /** The same attempt under a key of its own, e.g. one postponement of it. */
  Contact withKeySuffix(String suffix) {
    return new Contact(debtId, key + suffix, step, channel, template, at);
  }
}
