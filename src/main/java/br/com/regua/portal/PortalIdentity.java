package br.com.regua.portal;

import br.com.regua.debt.Debt;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The debtor confirms who they are before the portal shows anything about a debt (CDC art. 42: a
 * third party holding the phone learns nothing): the first five characters of their CPF or CNPJ. A
 * link takes {@code maxAttempts} wrong answers a day; then it is locked until the next day.
 */
@Service
public class PortalIdentity {

  static final int PREFIX_LENGTH = 5;
  private static final Duration WINDOW = Duration.ofHours(24);

  public enum Result {
    CONFIRMED,
    REFUSED,
    LOCKED
  }

  private final JdbcClient jdbc;
  private final Clock clock;
  private final int maxAttempts;

  PortalIdentity(
      JdbcClient jdbc,
      Clock clock,
      @Value("${regua.portal.max-identity-attempts:5}") int maxAttempts) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.maxAttempts = maxAttempts;
  }

  public boolean locked(Debt debt) {
    return failures(debt, clock.instant()) >= maxAttempts;
  }

  public Result confirm(Debt debt, String answer) {
    Instant now = clock.instant();
    if (failures(debt, now) >= maxAttempts) {
      return Result.LOCKED;
    }
    boolean ok = matches(debt.debtor().document(), answer);
    jdbc.sql(
            """
            insert into portal_identity_attempt (payment_token, attempted_at, succeeded)
            values (:token, :at, :ok)
            """)
        .param("token", debt.paymentToken())
        .param("at", Timestamp.from(now))
        .param("ok", ok)
        .update();
    return ok ? Result.CONFIRMED : Result.REFUSED;
  }

  /** The first characters of the document, letters or digits (the CNPJ may be alphanumeric). */
  static boolean matches(String document, String answer) {
    if (answer == null) {
      return false;
    }
    String typed = answer.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    String expected = document.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    return typed.length() == PREFIX_LENGTH
        && expected.length() >= PREFIX_LENGTH
        && java.security.MessageDigest.isEqual(
            typed.getBytes(), expected.substring(0, PREFIX_LENGTH).getBytes());
  }

  private long failures(Debt debt, Instant now) {
    return jdbc.sql(
            """
            select count(*) from portal_identity_attempt
             where payment_token = :token and not succeeded and attempted_at > :since
            """)
        .param("token", debt.paymentToken())
        .param("since", Timestamp.from(now.minus(WINDOW)))
        .query(Long.class)
        .single();
  }
}
