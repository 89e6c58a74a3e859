package br.com.regua.support;

import br.com.regua.engine.EmbeddedEngine;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole service: the real embedded Zeebe engine, PostgreSQL, a
 * GreenMail SMTP server and a WireMock credit bureau ({@link CreditBureauStub}). Every subclass
 * shares one Spring context, one engine, one SMTP server and one bureau (context caching), so tests
 * never assume a clean engine clock, an empty mailbox or a fresh bureau: each works with its own
 * debts and debtor addresses, and dates relative to the engine clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestDatabaseConfiguration.class, Api.class})
public abstract class IntegrationTest {

  protected static final GreenMail SMTP = startSmtp();

  @Autowired protected TestRestTemplate http;
  @Autowired protected EmbeddedEngine engine;
  @Autowired protected Api api;

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
  }

  @DynamicPropertySource
  static void creditBureau(DynamicPropertyRegistry registry) {
    registry.add("regua.credit-bureau.base-url", CreditBureauStub::baseUrl);
  }

  @BeforeEach
  void bindApi() {
    api.bind(http);
  }

  private static GreenMail startSmtp() {
    GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    greenMail.start();
    Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
    return greenMail;
  }
}
