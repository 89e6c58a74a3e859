package br.com.regua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtRepository;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The identity lockout holds when wrong answers arrive together, as they do through several
 * replicas: a link takes five wrong answers a day, not five per replica or per request in flight.
 * The attempts are counted in PostgreSQL under a lock on the link, which replicas share as the
 * threads here do.
 */
class PortalIdentityReplicasTest extends IntegrationTest {

  private static final int AT_ONCE = 12;

  @Autowired PortalIdentity identity;
  @Autowired DebtRepository debts;
  @Autowired JdbcClient jdbc;

  @Test
  void wrongAnswersSentTogetherAreRefusedFiveTimesThenLocked() throws Exception {
    // given a debt's link
    String debtId = TestDebtors.uniqueId("identity");
    assertThat(
            api.post("/api/debts", api.debt(debtId, "120.00", today().plusDays(20)))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    Debt debt = debts.find(debtId).orElseThrow();

    // when a dozen wrong answers arrive at the same moment, from a dozen addresses
    // (a thread each: the common pool has one thread on a 2-core machine, which would run them
    // one after the other)
    ExecutorService threads = Executors.newFixedThreadPool(AT_ONCE);
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<PortalIdentity.Result>> answers = new ArrayList<>();
    for (int i = 0; i < AT_ONCE; i++) {
      String address = "192.0.2." + (i + 1);
      answers.add(
          CompletableFuture.supplyAsync(
              () -> {
                awaitLatch(go);
                return identity.confirm(debt, "00000", address);
              },
              threads));
    }
    go.countDown();
    threads.shutdown();
    List<PortalIdentity.Result> results = new ArrayList<>();
    for (CompletableFuture<PortalIdentity.Result> answer : answers) {
      results.add(answer.get());
    }

    // then five are refused and recorded, the rest find the link locked
    assertThat(results).filteredOn(PortalIdentity.Result.REFUSED::equals).hasSize(5);
    assertThat(results).filteredOn(PortalIdentity.Result.LOCKED::equals).hasSize(AT_ONCE - 5);
    assertThat(
            jdbc.sql("select count(*) from portal_identity_attempt where payment_token = :token")
                .param("token", debt.paymentToken())
                .query(Long.class)
                .single())
        .isEqualTo(5);
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
