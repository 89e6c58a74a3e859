package br.com.regua.debt;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One line of a debt's history: an event (registered, payment, status change) or a contact
 * (channel, step, outcome).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(
    Instant at, String type, String channel, String step, String outcome, String detail) {

  public static final String CONTACT = "CONTACT";
}
