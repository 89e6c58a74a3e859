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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The debtor confirms who they are before the portal shows anything about a debt (CDC art. 42: a
 * third party holding the phone learns nothing): the first five characters of their CPF or CNPJ. A
 * link takes {@code maxAttempts} wrong answers a day; then it is locked until the next day.
 */
@Service
public class PortalIdentity {

  static final int PREFIX_LENGTH = 5;
  private static final Duration WINDOW = Duration.ofHours(24);
  private static final Duration ADDRESS_WINDOW = Duration.ofHours(1);

  public enum Result {
    CONFIRMED,
    REFUSED,
    LOCKED
  }

  /** The advisory-lock space of the links' attempts: "IDNT", apart from any other lock's keys. */
  private static final int ATTEMPTS_OF_A_LINK = 0x49444e54;

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final int maxAttempts;
  private final int maxAttemptsPerAddress;

  PortalIdentity(
      JdbcClient jdbc,
      TransactionTemplate tx,
      Clock clock,
      @Value("${regua.portal.max-identity-attempts:5}") int maxAttempts,
      @Value("${regua.portal.max-identity-attempts-per-address:20}") int maxAttemptsPerAddress) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
    this.maxAttempts = maxAttempts;
    this.maxAttemptsPerAddress = maxAttemptsPerAddress;
  }

  public boolean locked(Debt debt) {
    return failures(debt, clock.instant()) >= maxAttempts;
  }

  /**
   * Checks the answer and records the attempt. The count and the record happen under a transaction
   * lock on the link, so that answers sent together, to one replica or to several, cannot all pass
   * the count before any is recorded: the limit holds across replicas (the attempts are in
   * PostgreSQL, which every replica reads).
   */
  public Result confirm(Debt debt, String answer, String address) {
    return tx.execute(
        status -> {
          jdbc.sql("select pg_advisory_xact_lock(:space, hashtext(:token))")
              .param("space", ATTEMPTS_OF_A_LINK)
              .param("token", debt.paymentToken().toString())
              .query((rs, n) -> 1)
              .list();
          return confirmLocked(debt, answer, address);
        });
  }

  private Result confirmLocked(Debt debt, String answer, String address) {
    Instant now = clock.instant();
    if (failures(debt, now) >= maxAttempts
        || addressFailures(address, now) >= maxAttemptsPerAddress) {
      return Result.LOCKED;
    }
    boolean ok = matches(debt.debtor().document(), answer);
    jdbc.sql(
            """
            insert into portal_identity_attempt
                (payment_token, attempted_at, succeeded, remote_address)
            values (:token, :at, :ok, :address)
            """)
        .param("token", debt.paymentToken())
        .param("address", address)
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

  private long addressFailures(String address, Instant now) {
    if (address == null) {
      return 0;
    }
    return jdbc.sql(
            """
            select count(*) from portal_identity_attempt
             where remote_address = :address and not succeeded and attempted_at > :since
            """)
        .param("address", address)
        .param("since", Timestamp.from(now.minus(ADDRESS_WINDOW)))
        .query(Long.class)
        .single();
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
