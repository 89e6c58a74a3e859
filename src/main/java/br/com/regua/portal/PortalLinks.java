package br.com.regua.portal;

import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtRepository;
import br.com.regua.security.PortalTokens;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which debt a portal link opens: a token signed with a known key, not expired, not revoked, of a
 * debt that exists. Anything else is empty, and the portal answers every such link alike.
 */
@Service
public class PortalLinks {

  private final PortalTokens tokens;
  private final DebtRepository debts;
  private final JdbcClient jdbc;
  private final Clock clock;

  PortalLinks(PortalTokens tokens, DebtRepository debts, JdbcClient jdbc, Clock clock) {
    this.tokens = tokens;
    this.debts = debts;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Optional<Debt> open(String token) {
    return tokens
        .verify(token)
        .filter(claims -> !revoked(claims))
        .flatMap(claims -> debts.findByPaymentToken(claims.paymentToken()));
  }

  /**
   * Revokes every link of the debt issued until today (a debtor reports a lost phone, a link sent
   * to the wrong address). Links issued from tomorrow on work again.
   */
  public void revoke(Debt debt, String reason) {
    jdbc.sql(
            """
            insert into portal_link_revocation (payment_token, revoked_at, reason)
            values (:token, :at, :reason)
            on conflict (payment_token) do update set revoked_at = :at, reason = :reason
            """)
        .param("token", debt.paymentToken())
        .param("at", Timestamp.from(clock.instant()))
        .param("reason", reason)
        .update();
  }

  private boolean revoked(PortalTokens.Claims claims) {
    return jdbc.sql("select revoked_at from portal_link_revocation where payment_token = :token")
        .param("token", claims.paymentToken())
        .query(Timestamp.class)
        .optional()
        .map(at -> !claims.issuedOn().isAfter(LocalDate.ofInstant(at.toInstant(), clock.getZone())))
        .orElse(false);
  }
}
