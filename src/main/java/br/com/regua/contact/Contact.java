package br.com.regua.contact;

import java.time.Instant;

/** One contact attempt about to be logged; its key makes it happen once. */
record Contact(
    String debtId, String key, String step, Channel channel, String template, Instant at) {}
