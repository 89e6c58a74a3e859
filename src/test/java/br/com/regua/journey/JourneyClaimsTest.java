package br.com.regua.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtRepository;
import br.com.regua.engine.Journeys;
import br.com.regua.support.EngineRecords;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The window {@link JourneyStarts#start} leaves open: the engine created the journey, the replica
 * died before its commit, and the key is lost. The journey's own claim of its debt ({@link
 * JourneyClaims}, {@code claim-debt}) closes it: whichever of the lost journey's claim and the next
 * start comes first, one journey runs the debt. The dead replica is a transaction that locks the
 * debt, creates the journey through the engine and rolls back, as PostgreSQL does when a
 * connection's process is killed.
 */
class JourneyClaimsTest extends IntegrationTest {

  @Autowired JdbcClient jdbc;
  @Autowired CamundaClient client;
  @Autowired JourneyStarts starts;
  @Autowired Journeys journeys;
  @Autowired DebtRepository debts;
  @Autowired TransactionTemplate tx;

  @Test
  void aJourneyWhoseStarterDiedClaimsItsDebtAndTheNextStartStartsNone() {
    // given a debt without a journey, and a starter that dies after the engine created its journey
    LocalDate due = dueDateWithContactDays(today().plusDays(4), 0);
    String debtId = debtWithoutJourney(due);
    long lost = startThenDie(debtId);

    // when the lost journey's claim runs, and then the pending journeys are started
    await().atMost(Duration.ofSeconds(20)).until(() -> Long.valueOf(lost).equals(key(debtId)));
    starts.start(debtId);
    starts.startPending(engine.now().plus(Duration.ofHours(2)), PendingJourneys.BATCH);

    // then the lost journey is the debt's journey, the only one running
    assertThat(key(debtId)).isEqualTo(lost);
    assertThat(api.timelineTypes(debtId))
        .filteredOn("JOURNEY_STARTED"::equals)
        .hasSize(2); // the one cancelled to make the window, and the lost one's claim
    assertThat(api.timelineTypes(debtId)).doesNotContain("JOURNEY_DUPLICATE_ENDED");
    assertThat(runningJourneys(debtId)).containsExactly(lost);
    assertThat(new EngineRecords(engine).completions(lost, "DuplicateJourneyEndedEndEvent"))
        .isZero();
    // and it contacts the debtor on the due day, once
    moveClockTo(afterContactSpread(due));
    await().atMost(Duration.ofSeconds(30)).until(() -> api.contactSteps(debtId).contains("D0"));
    assertThat(api.contactSteps(debtId)).filteredOn("D0"::equals).hasSize(1);
  }

  @Test
  void aJourneyWhoseStarterDiedEndsAtItsStartWhenAnotherStartTookTheDebtFirst() {
    // given a debt without a journey
    String debtId = debtWithoutJourney(today().plusDays(20));

    // when a starter's journey is created and, before its claim reads the debt, another start
    // takes it (the claim waits for the row lock this transaction holds, as it would for the
    // replica that took the debt after the first starter died)
    AtomicLong lost = new AtomicLong();
    tx.executeWithoutResult(
        s -> {
          Debt debt = debts.lock(debtId).orElseThrow();
          lost.set(journeys.begin(debt.journeyStart(today())).processInstanceKey());
          starts.start(debtId);
        });

    // then the lost journey ends before its first step, and the other runs the debt
    EngineRecords records = new EngineRecords(engine);
    await().atMost(Duration.ofSeconds(20)).until(() -> records.isCompleted(lost.get()));
    long kept = key(debtId);
    assertThat(kept).isNotEqualTo(lost.get());
    assertThat(records.completions(lost.get(), "DuplicateJourneyEndedEndEvent")).isEqualTo(1);
    assertThat(records.completions(lost.get(), "DecideStrategyTask")).isZero();
    assertThat(runningJourneys(debtId)).containsExactly(kept);
    assertThat(api.timelineTypes(debtId)).filteredOn("JOURNEY_DUPLICATE_ENDED"::equals).hasSize(1);
    assertThat(api.timelineTypes(debtId)).filteredOn("JOURNEY_STARTED"::equals).hasSize(2);
    assertThat(api.timelineTypes(debtId)).filteredOn("STRATEGY_DECIDED"::equals).hasSize(1);
  }

  /**
   * A registered debt whose journey is gone and whose key is cleared, registered "later" than now
   * so that the service's own relay leaves it to the test.
   */
  private String debtWithoutJourney(LocalDate due) {
    String debtId = TestDebtors.uniqueId("claim");
    assertThat(api.post("/api/debts", api.debt(debtId, "250.00", due)).getStatusCode().value())
        .isEqualTo(201);
    client.newCancelInstanceCommand(api.journeyKey(debtId)).send().join();
    jdbc.sql(
            """
            update debt set process_instance_key = null,
                   registered_at = registered_at + interval '1 hour'
            where debt_id = :id
            """)
        .param("id", debtId)
        .update();
    return debtId;
  }

  /** What a replica killed between the engine and its commit leaves: a journey, and no key. */
  private long startThenDie(String debtId) {
    AtomicLong created = new AtomicLong();
    try {
      tx.executeWithoutResult(
          s -> {
            Debt debt = debts.lock(debtId).orElseThrow();
            created.set(journeys.begin(debt.journeyStart(today())).processInstanceKey());
            throw new IllegalStateException("killed");
          });
    } catch (IllegalStateException killed) {
      // the transaction rolled back, as the killed replica's did: no key stored
    }
    return created.get();
  }

  private Long key(String debtId) {
    return jdbc.sql("select process_instance_key from debt where debt_id = :id")
        .param("id", debtId)
        .query((rs, n) -> (Long) rs.getObject(1))
        .list()
        .getFirst(); // null while no journey holds the debt
  }

  /** The debt's dunning journeys in the engine that neither ended nor were cancelled. */
  private List<Long> runningJourneys(String debtId) {
    EngineRecords records = new EngineRecords(engine);
    return records.dunningJourneys(debtId).stream()
        .filter(key -> !records.isCompleted(key) && !records.isTerminated(key))
        .toList();
  }
}
