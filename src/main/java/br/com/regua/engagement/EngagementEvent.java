package br.com.regua.engagement;

import java.time.Instant;

/** An engagement event as stored: what the debtor did, and when. */
public record EngagementEvent(
    String eventId, String debtId, Type type, Instant occurredAt, String detail) {

  public enum Type {
    EMAIL_OPENED,
    PORTAL_VISITED
  }
}
