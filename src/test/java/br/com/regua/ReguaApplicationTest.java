package br.com.regua;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.BindException;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContextException;

/** A start that fails ends with one line saying why, under Spring Boot's log of it. */
class ReguaApplicationTest {

  @Test
  void theLineNamesTheInnermostReason() {
    // given the mailbox's refusal, wrapped as Spring wraps a bean that did not start
    Throwable failure =
        new ApplicationContextException(
            "Failed to start bean 'devMailbox'",
            new IllegalStateException(
                "the development mailbox cannot listen on 127.0.0.1:1025 (Address already in"
                    + " use): set SMTP_PORT to a free port"));

    // then the line is that refusal, on one line
    assertThat(ReguaApplication.whyNotStarted(failure))
        .isEqualTo(
            "Régua did not start: the development mailbox cannot listen on 127.0.0.1:1025"
                + " (Address already in use): set SMTP_PORT to a free port");
  }

  @Test
  void aBareSocketErrorKeepsWhatItHappenedTo() {
    Throwable failure =
        new ApplicationContextException(
            "Failed to start bean 'webServerStartStop'",
            new IllegalStateException(
                "Port 8080 is already in use\nset PORT", new BindException("Address in use")));

    assertThat(ReguaApplication.whyNotStarted(failure))
        .isEqualTo("Régua did not start: Port 8080 is already in use set PORT (Address in use)")
        .doesNotContain("\n");
  }
}
