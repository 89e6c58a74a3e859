package br.com.regua.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.regua.charge.boleto.Boleto;
import br.com.regua.debt.DebtService;
import br.com.regua.debt.RegisterDebtRequest;
import br.com.regua.support.Api;
import br.com.regua.support.IntegrationTest;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a batch stores, value by value and row by row: every value must arrive as sent, and each
 * row's outcome must stay what the single endpoint would answer, however the rows of a batch and of
 * other batches meet (the same batch twice at once, two loads in one transaction, a debtor or a
 * debt that another load stores meanwhile).
 */
class DebtBatchRowsTest extends IntegrationTest {

  private static final String FREE_FIELD = "0500940144816060680935031";

  @Autowired JdbcClient jdbc;
  @Autowired DebtService debts;
  @Autowired ObjectMapper json;
  @Autowired PlatformTransactionManager transactions;

  /** Threads of their own: the common pool may have one thread on a machine of two cores. */
  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void valuesWithQuotesTabsBackslashesAndLineBreaksAreStoredAsSent() {
    // given names and addresses with quotes, commas, tabs, backslashes, line breaks, the markers of
    // PostgreSQL's COPY as text, and letters beyond Latin-1
    String[][] debtors = {
      {"Ana \"Aninha\" de Souza, Jr.", "Rua \"A\", 1", "fundos, \\ casa 2", "Bairro\tNovo"},
      {"José D'Ávila\\Conceição", "Av. Brasil\nBloco B", "\\N", "Vila\r\nSul"},
      {"Nguyễn Văn Ánh 张伟 😀", "Rua São João \\.", "\\", "Centro ✓"},
    };
    List<Object> rows = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<String> cpfs = new ArrayList<>();
    for (String[] d : debtors) {
      String debtId = TestDebtors.uniqueId("batch-escape");
      String cpf = TestDebtors.cpf();
      ObjectNode row = api.withAddress(api.debt(debtId, "10.00", today().plusDays(30)));
      ((ObjectNode) row.get("debtor")).put("document", cpf).put("name", d[0]);
      ((ObjectNode) row.at("/debtor/address"))
          .put("street", d[1])
          .put("complement", d[2])
          .put("district", d[3])
          .put("city", d[0]);
      rows.add(row);
      ids.add(debtId);
      cpfs.add(cpf);
    }

    // when they come in one batch, and again
    JsonNode first = api.post("/api/debts:batch", Map.of("debts", rows)).getBody();
    JsonNode again = api.post("/api/debts:batch", Map.of("debts", rows)).getBody();

    // then every value is stored as sent, and the same rows again are the same registrations
    assertThat(Api.batchStatuses(first)).containsExactly(201, 201, 201);
    assertThat(Api.batchStatuses(again)).containsExactly(200, 200, 200);
    for (int i = 0; i < debtors.length; i++) {
      Map<String, Object> stored =
          jdbc.sql(
                  "select name, address_street, address_complement, address_district,"
                      + " address_city from debtor where document = :cpf")
              .param("cpf", cpfs.get(i))
              .query()
              .singleRow();
      assertThat(stored)
          .containsEntry("name", debtors[i][0])
          .containsEntry("address_street", debtors[i][1])
          .containsEntry("address_complement", debtors[i][2])
          .containsEntry("address_district", debtors[i][3])
          .containsEntry("address_city", debtors[i][0]);
      assertThat(api.get("/api/debts/" + ids.get(i)).getBody().at("/debtor/name").asText())
          .isEqualTo(debtors[i][0]);
    }
  }

  @Test
  void aBatchMixingNewRepeatedAndConflictingRowsAnswersEachAndStoresEachDebtOnce() {
    // given a debt registered alone and one registered by an earlier batch
    String alone = TestDebtors.uniqueId("batch-mix-alone");
    ObjectNode aloneRow = api.debt(alone, "10.00", today().plusDays(30));
    assertThat(api.post("/api/debts", aloneRow).getStatusCode().value()).isEqualTo(201);
    String earlier = TestDebtors.uniqueId("batch-mix-earlier");
    ObjectNode earlierRow = api.debt(earlier, "20.00", today().plusDays(30));
    assertThat(Api.batchStatuses(batch(List.of(earlierRow)))).containsExactly(201);
    // and a batch: a new debt with a boleto and its nosso número, both stored debts as they were,
    // the earlier one with another amount, the new one again, the new one with another score,
    // and a second new debt of the same debtor as the first
    String fresh = TestDebtors.uniqueId("batch-mix-new");
    String cpf = TestDebtors.cpf();
    ObjectNode freshRow = api.debt(fresh, "150.00", today().plusDays(20));
    ((ObjectNode) freshRow.get("debtor")).put("document", cpf);
    freshRow
        .putObject("boleto")
        .put("barcode", Boleto.build("001", today().plusDays(20), 150_00, FREE_FIELD).barcode())
        .put("ourNumber", "0001234.77");
    ObjectNode freshOtherScore = freshRow.deepCopy().put("propensityScore", 999);
    String sibling = TestDebtors.uniqueId("batch-mix-sibling");
    ObjectNode siblingRow = api.debt(sibling, "30.00", today().plusDays(40));
    ((ObjectNode) siblingRow.get("debtor")).put("document", cpf).put("name", "Outro Nome");
    List<Object> rows =
        List.of(
            freshRow,
            aloneRow,
            earlierRow,
            earlierRow.deepCopy().put("amount", "21.00"),
            freshRow,
            freshOtherScore,
            siblingRow);

    // when it comes, then comes again whole
    JsonNode first = batch(rows);
    JsonNode second = batch(rows);

    // then each row has its own outcome, the same the second time but for the debts it created
    assertThat(Api.batchStatuses(first)).containsExactly(201, 200, 200, 409, 200, 409, 201);
    assertThat(Api.batchStatuses(second)).containsExactly(200, 200, 200, 409, 200, 409, 200);
    assertThat(first.get("created").asInt()).isEqualTo(2);
    assertThat(first.get("unchanged").asInt()).isEqualTo(3);
    assertThat(first.get("rejected").asInt()).isEqualTo(2);
    assertThat(second.get("created").asInt()).isZero();
    for (int row : List.of(3, 5)) {
      assertThat(first.at("/rows/" + row + "/errors/0/field").asText()).isEqualTo("debtId");
      assertThat(first.at("/rows/" + row + "/errors/0/message").asText())
          .endsWith("is already registered with different content");
    }
    // and each debt is stored once, as its first registration said, with one REGISTERED event
    for (String debtId : List.of(alone, earlier, fresh, sibling)) {
      assertThat(registeredEvents(debtId)).as(debtId).isOne();
    }
    assertThat(api.get("/api/debts/" + earlier).getBody().get("amount").asText())
        .isEqualTo("20.00");
    Map<String, Object> stored =
        jdbc.sql(
                "select amount_cents, boleto_barcode, boleto_our_number, status from debt"
                    + " where debt_id = :id")
            .param("id", fresh)
            .query()
            .singleRow();
    assertThat(stored)
        .containsEntry("amount_cents", 150_00L)
        .containsEntry("boleto_our_number", "123477")
        .containsEntry("status", "ACTIVE");
    assertThat(stored.get("boleto_barcode")).isNotNull();
    assertThat(
            jdbc.sql("select detail from debt_event where debt_id = :id and type = 'REGISTERED'")
                .param("id", fresh)
                .query(String.class)
                .single())
        .isEqualTo("Dívida de R$ 150,00");
    // and the debtor is as the last of their rows describes them
    assertThat(
            jdbc.sql("select name from debtor where document = :cpf")
                .param("cpf", cpf)
                .query(String.class)
                .single())
        .isEqualTo("Outro Nome");
  }

  @Test
  void theSameBatchTwiceAtOnceCreatesEachDebtOnce() {
    // given a batch of new debts, two of one debtor
    String cpf = TestDebtors.cpf();
    List<Object> rows = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String debtId = TestDebtors.uniqueId("batch-twice");
      ObjectNode row = api.debt(debtId, (10 + i) + ".00", today().plusDays(30));
      if (i < 2) {
        ((ObjectNode) row.get("debtor")).put("document", cpf);
      }
      rows.add(row);
      ids.add(debtId);
    }

    // when it is sent twice at the same time
    CompletableFuture<JsonNode> one = CompletableFuture.supplyAsync(() -> batch(rows), threads);
    CompletableFuture<JsonNode> other = CompletableFuture.supplyAsync(() -> batch(rows), threads);
    JsonNode a = one.join();
    JsonNode b = other.join();

    // then each row is created by one of them and found the same by the other
    assertThat(a.get("created").asInt() + b.get("created").asInt()).isEqualTo(40);
    assertThat(a.get("unchanged").asInt() + b.get("unchanged").asInt()).isEqualTo(40);
    List<Integer> sa = Api.batchStatuses(a);
    List<Integer> sb = Api.batchStatuses(b);
    for (int i = 0; i < rows.size(); i++) {
      assertThat(List.of(sa.get(i), sb.get(i))).containsExactlyInAnyOrder(200, 201);
      assertThat(registeredEvents(ids.get(i))).isOne();
    }
  }

  @Test
  void twoLoadsInOneTransactionEachStoreTheirOwnRows() {
    // given two registrations of one debtor, stored by two loads in one transaction
    String cpf = TestDebtors.cpf();
    RegisterDebtRequest first = registration(cpf, "10.00");
    RegisterDebtRequest second = registration(cpf, "20.00");

    // when
    List<List<DebtService.RowStored>> outcomes =
        new TransactionTemplate(transactions)
            .execute(
                status -> List.of(debts.storeAll(List.of(first)), debts.storeAll(List.of(second))));

    // then each load created its own debt, once
    assertThat(outcomes.get(0)).singleElement().matches(DebtService.RowStored::created);
    assertThat(outcomes.get(1)).singleElement().matches(DebtService.RowStored::created);
    assertThat(outcomes.get(1).getFirst().debtId()).isEqualTo(second.debtId());
    assertThat(registeredEvents(first.debtId())).isOne();
    assertThat(registeredEvents(second.debtId())).isOne();
  }

  @Test
  void aDebtorStoredByAnotherLoadMeanwhileIsUpdatedAsIfItWasThereBefore() {
    // given another load that has stored a debt of a new debtor, not committed yet
    String cpf = TestDebtors.cpf();
    RegisterDebtRequest held = registration(cpf, "10.00");
    ObjectNode same = json.valueToTree(held);
    ObjectNode sibling = api.debt(TestDebtors.uniqueId("batch-held"), "30.00", today().plusDays(9));
    ((ObjectNode) sibling.get("debtor")).put("document", cpf).put("name", "Nome Novo");

    // when a batch of the same registration and a new debt of that debtor comes meanwhile (its
    // row of the debtor waits for the other load)
    JsonNode answer = whileAnotherLoadHolds(held, List.of(same, sibling));

    // then it is answered as if the other load had come first: the same debt, a new one, the
    // debtor as the batch describes them
    assertThat(Api.batchStatuses(answer)).containsExactly(200, 201);
    assertThat(registeredEvents(held.debtId())).isOne();
    assertThat(registeredEvents(sibling.get("debtId").asText())).isOne();
    assertThat(
            jdbc.sql("select name from debtor where document = :cpf")
                .param("cpf", cpf)
                .query(String.class)
                .single())
        .isEqualTo("Nome Novo");
  }

  @Test
  void aDebtStoredByAnotherLoadMeanwhileIsAConflictAsIfItWasThereBefore() {
    // given another load that has stored a debt, not committed yet
    RegisterDebtRequest held = registration(TestDebtors.cpf(), "10.00");
    ObjectNode sameIdOtherDebtor = json.valueToTree(held);
    ((ObjectNode) sameIdOtherDebtor.get("debtor")).put("document", TestDebtors.cpf());
    ObjectNode fresh = api.debt(TestDebtors.uniqueId("batch-held"), "30.00", today().plusDays(9));

    // when a batch of that debt id for another debtor and of a new debt comes meanwhile (its row
    // of the debts waits for the other load)
    JsonNode answer = whileAnotherLoadHolds(held, List.of(sameIdOtherDebtor, fresh));

    // then it is answered as if the other load had come first: a conflict, and a new debt
    assertThat(Api.batchStatuses(answer)).containsExactly(409, 201);
    assertThat(registeredEvents(held.debtId())).isOne();
    assertThat(registeredEvents(fresh.get("debtId").asText())).isOne();
    assertThat(
            jdbc.sql("select debtor_document from debt where debt_id = :id")
                .param("id", held.debtId())
                .query(String.class)
                .single())
        .isEqualTo(held.debtor().document());
  }

  /**
   * The batch's answer when it comes while another transaction has stored {@code held} and not
   * committed: that transaction commits once the batch waits for one of its rows.
   */
  private JsonNode whileAnotherLoadHolds(RegisterDebtRequest held, List<Object> rows) {
    CountDownLatch stored = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    CompletableFuture<Void> other =
        CompletableFuture.runAsync(
            () ->
                new TransactionTemplate(transactions)
                    .executeWithoutResult(
                        status -> {
                          assertThat(debts.storeAll(List.of(held)))
                              .singleElement()
                              .matches(DebtService.RowStored::created);
                          stored.countDown();
                          await()
                              .atMost(Duration.ofSeconds(30))
                              .until(() -> commit.getCount() == 0);
                        }));
    await().atMost(Duration.ofSeconds(30)).until(() -> stored.getCount() == 0);
    long waitingBefore = lockWaits();
    CompletableFuture<JsonNode> answer = CompletableFuture.supplyAsync(() -> batch(rows), threads);
    await().atMost(Duration.ofSeconds(30)).until(() -> lockWaits() > waitingBefore);
    commit.countDown();
    other.join();
    return answer.join();
  }

  private long lockWaits() {
    return jdbc.sql("select count(*) from pg_locks where not granted").query(Long.class).single();
  }

  private RegisterDebtRequest registration(String cpf, String amount) {
    ObjectNode row = api.debt(TestDebtors.uniqueId("batch-tx"), amount, today().plusDays(30));
    ((ObjectNode) row.get("debtor")).put("document", cpf);
    return json.convertValue(row, RegisterDebtRequest.class);
  }

  private JsonNode batch(List<Object> rows) {
    return api.post("/api/debts:batch", Map.of("debts", rows)).getBody();
  }

  private long registeredEvents(String debtId) {
    return jdbc.sql("select count(*) from debt_event where debt_id = :id and type = 'REGISTERED'")
        .param("id", debtId)
        .query(Long.class)
        .single();
  }
}
