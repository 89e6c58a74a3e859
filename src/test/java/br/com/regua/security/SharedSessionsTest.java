package br.com.regua.security;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.support.DeskSession;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestCredentials;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A desk session lives in PostgreSQL, not in the replica that signed the person in: another
 * replica's session repository on the same database finds it, with the person and the CSRF token,
 * and the session ends for every replica when its row goes.
 */
class SharedSessionsTest extends IntegrationTest {

  private static final String CSRF_ATTRIBUTE =
      "org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbcTemplate;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;

  @Test
  void aSignInOnOneReplicaIsASessionEveryReplicaReads() {
    // given a person signed in to the desk, with a CSRF token for their calls
    DeskSession ana = DeskSession.signIn(port, TestCredentials.ANA, TestCredentials.ANA_PASSWORD);
    assertThat(ana.signInAnswer.statusCode()).isEqualTo(302);
    assertThat(ana.get("/api/me").statusCode()).isEqualTo(200);

    // when another replica reads the sessions of the same database
    JdbcIndexedSessionRepository otherReplica = new JdbcIndexedSessionRepository(jdbcTemplate, tx);
    Map<String, ?> sessions = otherReplica.findByPrincipalName(TestCredentials.ANA);

    // then it finds hers: who she is, and the CSRF token her calls carry
    assertThat(sessions).isNotEmpty();
    boolean found = false;
    for (String id : sessions.keySet()) {
      org.springframework.session.Session session = otherReplica.findById(id);
      SecurityContext context =
          session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
      if (context != null
          && context.getAuthentication().getName().equals(TestCredentials.ANA)
          && session.getAttribute(CSRF_ATTRIBUTE) instanceof CsrfToken) {
        found = true;
      }
    }
    assertThat(found).as("a session of ana's with her sign-in and a CSRF token").isTrue();

    // and when the session's row goes, no replica knows her any more
    jdbc.sql("delete from spring_session where principal_name = :name")
        .param("name", TestCredentials.ANA)
        .update();
    assertThat(ana.get("/api/me").statusCode()).isEqualTo(401);
  }
}
