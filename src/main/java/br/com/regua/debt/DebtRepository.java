package br.com.regua.debt;

import br.com.regua.brazil.Uf;
import br.com.regua.charge.boleto.Boleto;
import br.com.regua.ops.SqlArrays;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Debts, debtors and the debt's events, in PostgreSQL. */
@Repository
public class DebtRepository {

  private static final String SELECT_DEBT =
      """
      select d.debt_id, d.amount_cents, d.open_balance_cents, d.due_date, d.status,
             d.payment_token, d.registration_fingerprint, d.process_instance_key, d.registered_at,
             d.propensity_score, d.late_payment_count, d.strategy, d.max_discount_percent,
             d.max_installments, d.promise_max_days, d.final_action, d.interest_from,
             d.boleto_barcode,
             p.document, p.name, p.email, p.phone, p.state, p.address_street, p.address_number,
             p.address_complement, p.address_district, p.address_city, p.address_state,
             p.address_postal_code
        from debt d join debtor p on p.document = d.debtor_document
      """;

  /** The statuses in which a debt's journey runs, as stored ({@link DebtStatus#isOpen()}). */
  private static final List<String> OPEN_STATUSES =
      Arrays.stream(DebtStatus.values()).filter(DebtStatus::isOpen).map(Enum::name).toList();

  private final JdbcClient jdbc;

  DebtRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores each debtor as the latest registration describes them, in one statement; the documents
   * must be distinct. A registration without an address keeps the stored one: the address is
   * optional, so its absence says nothing about it (an address always has its street).
   */
  void upsertDebtors(Collection<Debt.DebtorRecord> debtors, Instant now) {
    List<Debt.PostalAddress> addresses = debtors.stream().map(Debt.DebtorRecord::address).toList();
    jdbc.sql(
            """
            insert into debtor (document, name, email, phone, state, updated_at, address_street,
                                address_number, address_complement, address_district,
                                address_city, address_state, address_postal_code)
            select r.document, r.name, r.email, r.phone, r.state, :now, r.street, r.number,
                   r.complement, r.district, r.city, r.address_state, r.postal_code
              from unnest(cast(:document as text[]), cast(:name as text[]),
                          cast(:email as text[]), cast(:phone as text[]),
                          cast(:state as text[]), cast(:street as text[]),
                          cast(:number as text[]), cast(:complement as text[]),
                          cast(:district as text[]), cast(:city as text[]),
                          cast(:addressState as text[]), cast(:postalCode as text[]))
                   as r(document, name, email, phone, state, street, number, complement,
                        district, city, address_state, postal_code)
            on conflict (document) do update
               set name = excluded.name, email = excluded.email, phone = excluded.phone,
                   state = excluded.state, updated_at = excluded.updated_at,
                   address_street = coalesce(excluded.address_street, debtor.address_street),
                   address_number = case when excluded.address_street is not null
                                         then excluded.address_number
                                         else debtor.address_number end,
                   address_complement = case when excluded.address_street is not null
                                             then excluded.address_complement
                                             else debtor.address_complement end,
                   address_district = case when excluded.address_street is not null
                                           then excluded.address_district
                                           else debtor.address_district end,
                   address_city = case when excluded.address_street is not null
                                       then excluded.address_city
                                       else debtor.address_city end,
                   address_state = case when excluded.address_street is not null
                                        then excluded.address_state
                                        else debtor.address_state end,
                   address_postal_code = case when excluded.address_street is not null
                                              then excluded.address_postal_code
                                              else debtor.address_postal_code end
            """)
        .param("now", Timestamp.from(now))
        .param("document", column(debtors, Debt.DebtorRecord::document))
        .param("name", column(debtors, Debt.DebtorRecord::name))
        .param("email", column(debtors, Debt.DebtorRecord::email))
        .param("phone", column(debtors, Debt.DebtorRecord::phone))
        .param("state", column(debtors, d -> d.state().name()))
        .param("street", column(addresses, a -> a == null ? null : a.street()))
        .param("number", column(addresses, a -> a == null ? null : a.number()))
        .param("complement", column(addresses, a -> a == null ? null : a.complement()))
        .param("district", column(addresses, a -> a == null ? null : a.district()))
        .param("city", column(addresses, a -> a == null ? null : a.city()))
        .param("addressState", column(addresses, a -> a == null ? null : a.state().name()))
        .param("postalCode", column(addresses, a -> a == null ? null : a.postalCode()))
        .update();
  }

  private static <T> SqlTypeValue column(Collection<T> rows, Function<T, ?> value) {
    List<Object> values = new ArrayList<>(rows.size());
    rows.forEach(row -> values.add(value.apply(row)));
    return SqlArrays.text(values);
  }

  /** How a registered debtor is reached, before a registration updates it. */
  public record DebtorContacts(String email, String phone) {}

  /** The contacts of each of these debtors that is registered, by document. */
  Map<String, DebtorContacts> findDebtorContacts(Collection<String> documents) {
    Map<String, DebtorContacts> found = new HashMap<>();
    jdbc.sql(
            "select document, email, phone from debtor"
                + " where document = any(cast(:documents as text[]))")
        .param("documents", SqlArrays.text(documents))
        .query(
            (rs, row) ->
                found.put(
                    rs.getString("document"),
                    new DebtorContacts(rs.getString("email"), rs.getString("phone"))))
        .list();
    return found;
  }

  /**
   * Inserts, in one statement, each debt whose id is not stored yet; the ids must be distinct.
   * Returns the ids it inserted.
   */
  Set<String> insertAllIfAbsent(Collection<Debt> debts, Instant now) {
    return new HashSet<>(
        jdbc.sql(
                """
                insert into debt (debt_id, debtor_document, amount_cents, open_balance_cents,
                                  due_date, status, payment_token, registration_fingerprint,
                                  registered_at, updated_at, propensity_score,
                                  late_payment_count, interest_from, boleto_barcode)
                select r.debt_id, r.document, r.amount, r.amount, r.due_date, r.status, r.token,
                       r.fingerprint, :now, :now, r.score, r.late, r.due_date, r.boleto
                  from unnest(cast(:debtId as text[]), cast(:document as text[]),
                              cast(:amount as bigint[]), cast(:dueDate as date[]),
                              cast(:status as text[]), cast(:token as uuid[]),
                              cast(:fingerprint as text[]), cast(:score as int[]),
                              cast(:late as int[]), cast(:boleto as text[]))
                       as r(debt_id, document, amount, due_date, status, token, fingerprint,
                            score, late, boleto)
                on conflict (debt_id) do nothing
                returning debt_id
                """)
            .param("now", Timestamp.from(now))
            .param("debtId", column(debts, Debt::debtId))
            .param("document", column(debts, d -> d.debtor().document()))
            .param("amount", column(debts, Debt::amountCents))
            .param("dueDate", column(debts, Debt::dueDate))
            .param("status", column(debts, d -> d.status().name()))
            .param("token", column(debts, Debt::paymentToken))
            .param("fingerprint", column(debts, Debt::registrationFingerprint))
            .param("score", column(debts, Debt::propensityScore))
            .param("late", column(debts, Debt::latePaymentCount))
            .param("boleto", column(debts, d -> d.boleto() == null ? null : d.boleto().barcode()))
            .query(String.class)
            .list());
  }

  /**
   * Stores the nosso número of each debt's boleto (canonical: letters and digits, no zeros ahead).
   */
  void setBoletoOurNumbers(Map<String, String> byDebtId) {
    jdbc.sql(
            """
            update debt d set boleto_our_number = r.our_number
              from unnest(cast(:debtId as text[]), cast(:ourNumber as text[]))
                   as r(debt_id, our_number)
             where d.debt_id = r.debt_id
            """)
        .param("debtId", SqlArrays.text(byDebtId.keySet()))
        .param("ourNumber", SqlArrays.text(byDebtId.values()))
        .update();
  }

  /** The registration fingerprint of each of these debts that is stored, by id. */
  Map<String, String> fingerprints(Collection<String> debtIds) {
    Map<String, String> found = new HashMap<>();
    jdbc.sql(
            "select debt_id, registration_fingerprint from debt"
                + " where debt_id = any(cast(:debtIds as text[]))")
        .param("debtIds", SqlArrays.text(debtIds))
        .query((rs, row) -> found.put(rs.getString(1), rs.getString(2)))
        .list();
    return found;
  }

  /** Stores the strategy the journey decided. */
  public void saveStrategy(String debtId, Debt.Strategy strategy) {
    jdbc.sql(
            """
            update debt set strategy = :name, max_discount_percent = :discount,
                            max_installments = :installments, promise_max_days = :promiseDays,
                            final_action = :finalAction
             where debt_id = :debtId
            """)
        .param("name", strategy.name())
        .param("discount", strategy.maxDiscountPercent())
        .param("installments", strategy.maxInstallments())
        .param("promiseDays", strategy.promiseMaxDays())
        .param("finalAction", strategy.finalAction())
        .param("debtId", debtId)
        .update();
  }

  /** Sets the status, whatever it was; callers hold the row lock and decide. */
  void setStatus(String debtId, DebtStatus status, Instant now) {
    jdbc.sql("update debt set status = :status, updated_at = :now where debt_id = :debtId")
        .param("status", status.name())
        .param("now", Timestamp.from(now))
        .param("debtId", debtId)
        .update();
  }

  public void setInterestFrom(String debtId, LocalDate day) {
    jdbc.sql("update debt set interest_from = :day where debt_id = :debtId")
        .param("day", day)
        .param("debtId", debtId)
        .update();
  }

  public Optional<Debt> find(String debtId) {
    return jdbc.sql(SELECT_DEBT + " where d.debt_id = :debtId")
        .param("debtId", debtId)
        .query(DebtRepository::mapDebt)
        .optional();
  }

  public record JourneyRef(String debtId, long processInstanceKey) {}

  /** The open debts whose journey was started, with its instance key. */
  public List<JourneyRef> openWithJourney() {
    return jdbc.sql(
            """
            select debt_id, process_instance_key from debt
            where process_instance_key is not null
              and status in (:open)
            """)
        .param("open", OPEN_STATUSES)
        .query((rs, n) -> new JourneyRef(rs.getString(1), rs.getLong(2)))
        .list();
  }

  /** Forgets the journey's key, if it is still this one. */
  public void clearProcessInstanceKey(String debtId, long processInstanceKey) {
    jdbc.sql(
            "update debt set process_instance_key = null"
                + " where debt_id = :debtId and process_instance_key = :key")
        .param("debtId", debtId)
        .param("key", processInstanceKey)
        .update();
  }

  /** Open debts registered before the instant whose journey has not started, oldest first. */
  public List<String> withoutJourney(Instant before, int limit) {
    return jdbc.sql(
            """
            select debt_id from debt
            where process_instance_key is null and registered_at < :before
              and status in (:open)
            order by registered_at, debt_id limit :limit
            """)
        .param("before", Timestamp.from(before))
        .param("limit", limit)
        .param("open", OPEN_STATUSES)
        .query(String.class)
        .list();
  }

  /** How many open debts wait for their journey to start. */
  public long countWithoutJourney() {
    return jdbc.sql(
            "select count(*) from debt where process_instance_key is null and status in (:open)")
        .param("open", OPEN_STATUSES)
        .query(Long.class)
        .single();
  }

  /** The debt whose links carry this payment token (the debtor's portal). */
  public Optional<Debt> findByPaymentToken(java.util.UUID paymentToken) {
    return jdbc.sql(SELECT_DEBT + " where d.payment_token = :token")
        .param("token", paymentToken)
        .query(DebtRepository::mapDebt)
        .optional();
  }

  /** The debts of these ids that exist, by id. */
  public Map<String, Debt> findAll(Collection<String> debtIds) {
    if (debtIds.isEmpty()) {
      return Map.of();
    }
    Map<String, Debt> found = new HashMap<>();
    jdbc.sql(SELECT_DEBT + " where d.debt_id = any(cast(:debtIds as text[]))")
        .param("debtIds", SqlArrays.text(debtIds))
        .query(DebtRepository::mapDebt)
        .list()
        .forEach(debt -> found.put(debt.debtId(), debt));
    return found;
  }

  /** Every debt of the debtor, oldest due first. */
  public List<Debt> findByDebtor(String document) {
    return jdbc.sql(
            SELECT_DEBT + " where d.debtor_document = :document order by d.due_date, d.debt_id")
        .param("document", document)
        .query(DebtRepository::mapDebt)
        .list();
  }

  /**
   * Reads the debt and locks its row until the transaction ends. Payments and contacts both take
   * this lock, so a reminder either goes out before a payment is acknowledged or sees it.
   */
  public Optional<Debt> lock(String debtId) {
    return jdbc.sql(SELECT_DEBT + " where d.debt_id = :debtId for update of d")
        .param("debtId", debtId)
        .query(DebtRepository::mapDebt)
        .optional();
  }

  /**
   * Locks the debtor's row until the transaction ends: contacts about any of their debts take it,
   * so the daily limit of contacts holds across debts.
   */
  public void lockDebtor(String document) {
    jdbc.sql("select document from debtor where document = :document for update")
        .param("document", document)
        .query(String.class)
        .single();
  }

  public void setProcessInstanceKey(String debtId, long key) {
    jdbc.sql("update debt set process_instance_key = :key where debt_id = :debtId")
        .param("key", key)
        .param("debtId", debtId)
        .update();
  }

  /** The deployed dunning-journey (definition key and version) the debt's journey runs on. */
  public void setJourneyVersion(String debtId, long processDefinitionKey, int version) {
    jdbc.sql(
            "update debt set journey_definition_key = :key, journey_version = :version"
                + " where debt_id = :debtId")
        .param("key", processDefinitionKey)
        .param("version", version)
        .param("debtId", debtId)
        .update();
  }

  void updateBalance(String debtId, long openBalanceCents, DebtStatus status, Instant now) {
    jdbc.sql(
            """
            update debt set open_balance_cents = :balance, status = :status, updated_at = :now
             where debt_id = :debtId
            """)
        .param("balance", openBalanceCents)
        .param("status", status.name())
        .param("now", Timestamp.from(now))
        .param("debtId", debtId)
        .update();
  }

  /**
   * A broken agreement returns the debt to collection with what is still owed on it; its journey
   * key is cleared for the new journey to take its place.
   */
  void returnToCollection(String debtId, long openBalanceCents, DebtStatus status, Instant now) {
    jdbc.sql(
            """
            update debt set open_balance_cents = :balance, status = :status, updated_at = :now,
                            process_instance_key = null
             where debt_id = :debtId
            """)
        .param("balance", openBalanceCents)
        .param("status", status.name())
        .param("now", Timestamp.from(now))
        .param("debtId", debtId)
        .update();
  }

  /** Moves an open debt to a final status; a debt that already ended is left alone. */
  boolean closeIfOpen(String debtId, DebtStatus status, Instant now) {
    return jdbc.sql(
                """
                update debt set status = :status, updated_at = :now
                 where debt_id = :debtId and status in (:open)
                """)
            .param("status", status.name())
            .param("now", Timestamp.from(now))
            .param("debtId", debtId)
            .param("open", OPEN_STATUSES)
            .update()
        == 1;
  }

  /**
   * The status a debt returns to when a pause (promise, dispute) ends: negativated if the bureau
   * still holds it, active otherwise.
   */
  public DebtStatus statusAfterPause(String debtId) {
    boolean negativated =
        jdbc.sql(
                """
                select exists (select 1 from negativation
                                where debt_id = :debtId and status = 'NEGATIVATED')
                """)
            .param("debtId", debtId)
            .query(Boolean.class)
            .single();
    return negativated ? DebtStatus.NEGATIVATED : DebtStatus.ACTIVE;
  }

  /**
   * When the debt's latest payment was made (the payer's time, not when we heard of it): the day a
   * full payment settles the debt starts legal deadlines such as the negativation's removal.
   */
  public Optional<Instant> lastPaymentAt(String debtId) {
    return jdbc.sql(
            "select paid_at from payment where debt_id = :debtId order by paid_at desc limit 1")
        .param("debtId", debtId)
        .query((rs, row) -> rs.getTimestamp("paid_at").toInstant())
        .optional();
  }

  /** The same event for many debts, each with its own detail, in one statement. */
  void addEvents(Map<String, String> detailByDebtId, DebtEventType type, Instant at) {
    jdbc.sql(
            """
            insert into debt_event (debt_id, type, detail, occurred_at)
            select r.debt_id, :type, r.detail, :at
              from unnest(cast(:debtId as text[]), cast(:detail as text[])) as r(debt_id, detail)
            """)
        .param("debtId", SqlArrays.text(detailByDebtId.keySet()))
        .param("detail", SqlArrays.text(detailByDebtId.values()))
        .param("type", type.name())
        .param("at", Timestamp.from(at))
        .update();
  }

  /** Whether the debt's timeline has an event of the type. */
  public boolean hasEvent(String debtId, DebtEventType type) {
    return jdbc.sql(
            "select exists (select 1 from debt_event where debt_id = :debtId and type = :type)")
        .param("debtId", debtId)
        .param("type", type.name())
        .query(Boolean.class)
        .single();
  }

  /**
   * Adds the event unless the debt's timeline already has one of the type with exactly this detail,
   * in one statement: a job delivered again, a listener run again, leaves it once.
   */
  public void addEventOnce(String debtId, DebtEventType type, String detail, Instant at) {
    jdbc.sql(
            """
            insert into debt_event (debt_id, type, detail, occurred_at)
            select :debtId, :type, :detail, :at
             where not exists (select 1 from debt_event
                                where debt_id = :debtId and type = :type and detail = :detail)
            """)
        .param("debtId", debtId)
        .param("type", type.name())
        .param("detail", detail)
        .param("at", Timestamp.from(at))
        .update();
  }

  /** Whether the debt's timeline has an event of one of the types whose detail starts so. */
  public boolean hasEventStartingWith(
      String debtId, java.util.Collection<DebtEventType> types, String detailStart) {
    return jdbc.sql(
            """
            select exists (select 1 from debt_event
                            where debt_id = :debtId and type in (:types)
                              and starts_with(detail, :start))
            """)
        .param("debtId", debtId)
        .param("types", types.stream().map(Enum::name).toList())
        .param("start", detailStart)
        .query(Boolean.class)
        .single();
  }

  public void addEvent(String debtId, DebtEventType type, String detail, Instant at) {
    jdbc.sql(
            """
            insert into debt_event (debt_id, type, detail, occurred_at)
            values (:debtId, :type, :detail, :at)
            """)
        .param("debtId", debtId)
        .param("type", type.name())
        .param("detail", detail)
        .param("at", Timestamp.from(at))
        .update();
  }

  /** Events and contacts of a debt, oldest first. */
  List<TimelineEntry> timeline(String debtId) {
    return jdbc.sql(
            """
            select occurred_at, type, null as channel, null as step, null as outcome, detail, id,
                   0 as source
              from debt_event where debt_id = :debtId
            union all
            select occurred_at, 'CONTACT', channel, step, outcome, detail, id, 1
              from contact where debt_id = :debtId
            order by occurred_at, source, id
            """)
        .param("debtId", debtId)
        .query(
            (rs, row) ->
                new TimelineEntry(
                    rs.getTimestamp("occurred_at").toInstant(),
                    rs.getString("type"),
                    rs.getString("channel"),
                    rs.getString("step"),
                    rs.getString("outcome"),
                    rs.getString("detail")))
        .list();
  }

  private static Debt mapDebt(ResultSet rs, int row) throws SQLException {
    return new Debt(
        rs.getString("debt_id"),
        new Debt.DebtorRecord(
            rs.getString("document"),
            rs.getString("name"),
            rs.getString("email"),
            rs.getString("phone"),
            Uf.valueOf(rs.getString("state")),
            mapAddress(rs)),
        rs.getLong("amount_cents"),
        rs.getLong("open_balance_cents"),
        rs.getObject("due_date", LocalDate.class),
        DebtStatus.valueOf(rs.getString("status")),
        rs.getObject("payment_token", UUID.class),
        rs.getString("registration_fingerprint"),
        rs.getObject("process_instance_key", Long.class),
        rs.getTimestamp("registered_at").toInstant(),
        rs.getObject("propensity_score", Integer.class),
        rs.getInt("late_payment_count"),
        rs.getString("strategy") == null
            ? null
            : new Debt.Strategy(
                rs.getString("strategy"),
                rs.getBigDecimal("max_discount_percent"),
                rs.getInt("max_installments"),
                rs.getInt("promise_max_days"),
                rs.getString("final_action")),
        rs.getObject("interest_from", LocalDate.class),
        rs.getString("boleto_barcode") == null ? null : new Boleto(rs.getString("boleto_barcode")));
  }

  private static Debt.PostalAddress mapAddress(ResultSet rs) throws SQLException {
    if (rs.getString("address_postal_code") == null) {
      return null;
    }
    return new Debt.PostalAddress(
        rs.getString("address_street"),
        rs.getString("address_number"),
        rs.getString("address_complement"),
        rs.getString("address_district"),
        rs.getString("address_city"),
        Uf.valueOf(rs.getString("address_state")),
        rs.getString("address_postal_code"));
  }
}
