package br.com.regua.consent;

import br.com.regua.ops.SqlArrays;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What each debtor agreed to or refused, per channel (LGPD): an opt-out is final, whatever a later
 * registration says; WhatsApp needs an opt-in. A channel a provider reported unreachable (a bounced
 * email, an invalid number) is avoided too, until the debtor's email or phone changes.
 */
@Repository
public class ChannelConsents {

  public enum Consent {
    OPT_IN,
    OPT_OUT,
    UNREACHABLE
  }

  private final JdbcClient jdbc;

  ChannelConsents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Map<Channel, Consent> of(String document) {
    Map<Channel, Consent> consents = new EnumMap<>(Channel.class);
    jdbc.sql("select channel, consent from debtor_channel_consent where document = :document")
        .param("document", document)
        .query(
            rs -> {
              consents.put(
                  Channel.valueOf(rs.getString("channel")),
                  Consent.valueOf(rs.getString("consent")));
            });
    return consents;
  }

  /** Whether a debtor with these choices ({@link #of}) may be reached on the channel. */
  public static boolean allows(Map<Channel, Consent> choices, Channel channel) {
    Consent consent = choices.get(channel);
    if (consent == Consent.OPT_OUT || consent == Consent.UNREACHABLE) {
      return false;
    }
    return channel != Channel.WHATSAPP || consent == Consent.OPT_IN;
  }

  /** Records an opt-out; idempotent. */
  public void optOut(String document, Channel channel, Instant at) {
    jdbc.sql(
            """
            insert into debtor_channel_consent (document, channel, consent, updated_at)
            values (:document, :channel, 'OPT_OUT', :at)
            on conflict (document, channel) do update set consent = 'OPT_OUT', updated_at = :at
             where debtor_channel_consent.consent <> 'OPT_OUT'
            """)
        .param("document", document)
        .param("channel", channel.name())
        .param("at", Timestamp.from(at))
        .update();
  }

  /**
   * A provider reported the channel unreachable for the debtor: later steps fall back. An opt-out
   * stays an opt-out; the WhatsApp opt-in is replaced (the number does not take WhatsApp).
   */
  public void markUnreachable(String document, Channel channel, String reason, Instant at) {
    jdbc.sql(
            """
            insert into debtor_channel_consent (document, channel, consent, reason, updated_at)
            values (:document, :channel, 'UNREACHABLE', :reason, :at)
            on conflict (document, channel) do update
               set consent = 'UNREACHABLE', reason = :reason, updated_at = :at
             where debtor_channel_consent.consent <> 'OPT_OUT'
            """)
        .param("document", document)
        .param("channel", channel.name())
        .param("reason", reason)
        .param("at", Timestamp.from(at))
        .update();
  }

  /** New contact data: the channels it serves may be reachable again. */
  public void clearUnreachable(String document, Iterable<Channel> channels) {
    for (Channel channel : channels) {
      jdbc.sql(
              """
              delete from debtor_channel_consent
               where document = :document and channel = :channel and consent = 'UNREACHABLE'
              """)
          .param("document", document)
          .param("channel", channel.name())
          .update();
    }
  }

  /** Records an opt-in unless the debtor opted out of the channel: an opt-out is final. */
  public boolean optIn(String document, Channel channel, Instant at) {
    optInAll(List.of(document), channel, at);
    return of(document).get(channel) == Consent.OPT_IN;
  }

  /**
   * {@link #optIn} for many debtors at once, in one statement (a bulk registration): an opt-out, or
   * a channel found unreachable, stays.
   */
  public void optInAll(Collection<String> documents, Channel channel, Instant at) {
    if (documents.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            insert into debtor_channel_consent (document, channel, consent, updated_at)
            select d, :channel, 'OPT_IN', :at from unnest(cast(:documents as text[])) as d
            on conflict (document, channel) do nothing
            """)
        .param("documents", SqlArrays.text(documents))
        .param("channel", channel.name())
        .param("at", Timestamp.from(at))
        .update();
  }
}
