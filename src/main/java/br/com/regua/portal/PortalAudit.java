package br.com.regua.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What happened on the portal and from where (address, browser): the audit of portal actions, the
 * record of the WhatsApp opt-in's consent, and the portal funnel's source.
 */
@Repository
public class PortalAudit {

  /** The actions audited; also the funnel's steps. */
  public enum Action {
    OPENED,
    IDENTITY_CONFIRMED,
    IDENTITY_REFUSED,
    IDENTITY_LOCKED,
    BOLETO_DOWNLOADED,
    AGREEMENT_SIGNED,
    PROMISE_MADE,
    DISPUTE_OPENED,
    OPTED_OUT,
    WHATSAPP_OPTED_IN,
    LINK_REVOKED
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  PortalAudit(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void record(
      UUID paymentToken, String debtId, Action action, String detail, HttpServletRequest request) {
    String agent = request == null ? null : request.getHeader("User-Agent");
    jdbc.sql(
            """
            insert into portal_audit
                (at, payment_token, debt_id, action, detail, remote_address, user_agent)
            values (:at, :token, :debtId, :action, :detail, :address, :agent)
            """)
        .param("at", Timestamp.from(clock.instant()))
        .param("token", paymentToken)
        .param("debtId", debtId)
        .param("action", action.name())
        .param("detail", detail)
        .param("address", request == null ? null : request.getRemoteAddr())
        .param("agent", agent == null ? null : agent.substring(0, Math.min(300, agent.length())))
        .update();
  }

  /** How many times the action was audited (the portal funnel). */
  public long count(Action action) {
    return jdbc.sql("select count(*) from portal_audit where action = :action")
        .param("action", action.name())
        .query(Long.class)
        .single();
  }
}
