package br.com.regua.ops;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.support.IntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A duty coordinated through PostgreSQL runs on one replica at a time: a second replica skips its
 * run while the first holds the duty's lock, runs once it is released, and a replica that dies
 * holding it (its connection gone) holds it no more.
 */
class OnOneReplicaTest extends IntegrationTest {

  @Autowired DataSource dataSource;

  @Test
  void aSecondReplicaSkipsTheDutyWhileTheFirstRunsIt() throws Exception {
    OnOneReplica first = new OnOneReplica(dataSource);
    OnOneReplica second = new OnOneReplica(dataSource);
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);

    // given the first replica inside the duty
    CompletableFuture<Boolean> firstRun =
        CompletableFuture.supplyAsync(
            () ->
                first.run(
                    "test-duty",
                    () -> {
                      runs.incrementAndGet();
                      inside.countDown();
                      await(release);
                    }));
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

    // when the second replica's run comes meanwhile, then it skips the duty
    assertThat(second.run("test-duty", runs::incrementAndGet)).isFalse();
    // (another duty is not held)
    assertThat(second.run("another-duty", () -> {})).isTrue();
    assertThat(runs).hasValue(1);

    // and once the first is done, the second's next run runs it
    release.countDown();
    assertThat(firstRun.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(second.run("test-duty", runs::incrementAndGet)).isTrue();
    assertThat(runs).hasValue(2);
  }

  @Test
  void aReplicaKilledHoldingTheDutyReleasesIt() throws Exception {
    // given a replica holding the duty's lock on its connection
    HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
    Connection killed =
        DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    try (PreparedStatement lock = killed.prepareStatement("select pg_advisory_lock(?, ?)")) {
      lock.setInt(1, OnOneReplica.DUTIES);
      lock.setInt(2, "killed-duty".hashCode());
      lock.executeQuery().close();
    }
    OnOneReplica other = new OnOneReplica(dataSource);
    assertThat(other.run("killed-duty", () -> {})).isFalse();

    // when its connection is gone (as with kill -9: PostgreSQL sees the socket close)
    killed.abort(Runnable::run);

    // then the duty runs on the other replica
    AtomicInteger runs = new AtomicInteger();
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> other.run("killed-duty", runs::incrementAndGet));
    assertThat(runs).hasValue(1);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
