package br.com.regua.audit;

import br.com.regua.brazil.Uf;
import br.com.regua.consent.Channel;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Everything a run left in the database that the rules read, loaded once: debts and their debtors,
 * the contact log, the timeline, consents, disputes, negativations, agreements and the text of the
 * letters mailed.
 */
public final class AuditRecords {

  /** A contact that reached, or was written for, the debtor: what the contact policy counts. */
  private static final List<String> MADE = List.of("SENT", "RECORDED");

  public record Debt(
      String debtId,
      String document,
      Uf state,
      String status,
      LocalDate dueDate,
      LocalDate interestFrom,
      Instant registeredAt) {}

  public record Contact(
      long id,
      String debtId,
      String key,
      String step,
      Channel channel,
      String template,
      String outcome,
      String detail,
      Instant occurredAt,
      String payload,
      String deliveryStatus,
      Instant deliveryUpdatedAt) {

    /** Sent to the debtor, or written for a channel without a provider. */
    public boolean made() {
      return MADE.contains(outcome);
    }
  }

  public record Event(long id, String debtId, String type, String detail, Instant occurredAt) {}

  public record Consent(String document, Channel channel, String consent, Instant updatedAt) {}

  public record Dispute(String debtId, String status, Instant openedAt, Instant resolvedAt) {}

  public record Negativation(
      String debtId, String status, Instant negativatedAt, Instant removalRequestedAt) {}

  public record AgreementDebt(String debtId, long balanceCents) {}

  /** A hold on a debtor, from when it was placed until it was lifted (null: it stands). */
  public record Hold(
      String holdId, String document, String kind, Instant placedAt, Instant liftedAt) {

    /** Whether the hold stood at the instant. */
    public boolean stood(Instant at) {
      return !at.isBefore(placedAt) && (liftedAt == null || at.isBefore(liftedAt));
    }

    /**
     * Whether a contact made at the instant was made under the hold. A contact reads the debtor's
     * holds under the debtor's row lock, which placing a hold takes too, so one stamped with the
     * very instant of the placing was made before the hold committed: it happens when the clock
     * stands still (the simulator's), never to the microsecond otherwise.
     */
    public boolean stoodBeforeContact(Instant at) {
      return at.isAfter(placedAt) && (liftedAt == null || at.isBefore(liftedAt));
    }
  }

  public record Agreement(
      String agreementId,
      String status,
      Instant signedAt,
      long principalCents,
      long fineCents,
      long interestCents,
      List<AgreementDebt> debts) {}

  private final Map<String, Debt> debts;
  private final List<Contact> contacts;
  private final List<Contact> madeContacts;
  private final Map<String, List<Contact>> contactsByDebt;
  private final Map<String, List<Event>> eventsByDebt;
  private final Map<String, Map<Channel, Consent>> consentsByDocument;
  private final Map<String, List<Dispute>> disputesByDebt;
  private final List<Negativation> negativations;
  private final List<Agreement> agreements;
  private final Map<String, String> letterTextByContactKey;
  private final List<Hold> holds;
  private final Map<String, List<String>> debtIdsByDocument;
  private final Instant observedUntil;

  AuditRecords(
      Map<String, Debt> debts,
      List<Contact> contacts,
      List<Event> events,
      List<Consent> consents,
      List<Dispute> disputes,
      List<Negativation> negativations,
      List<Agreement> agreements,
      Map<String, String> letterTextByContactKey,
      List<Hold> holds) {
    this.debts = Map.copyOf(debts);
    this.holds = List.copyOf(holds);
    this.debtIdsByDocument = new HashMap<>();
    debts
        .values()
        .forEach(
            d ->
                debtIdsByDocument
                    .computeIfAbsent(d.document(), k -> new ArrayList<>())
                    .add(d.debtId()));
    this.contacts = contacts.stream().sorted(Comparator.comparing(Contact::id)).toList();
    this.madeContacts = this.contacts.stream().filter(Contact::made).toList();
    this.contactsByDebt = new HashMap<>();
    this.contacts.forEach(
        c -> contactsByDebt.computeIfAbsent(c.debtId(), k -> new ArrayList<>()).add(c));
    this.eventsByDebt = new HashMap<>();
    events.stream()
        .sorted(Comparator.comparing(Event::occurredAt).thenComparing(Event::id))
        .forEach(e -> eventsByDebt.computeIfAbsent(e.debtId(), k -> new ArrayList<>()).add(e));
    this.consentsByDocument = new HashMap<>();
    consents.forEach(
        c ->
            consentsByDocument
                .computeIfAbsent(c.document(), k -> new HashMap<>())
                .put(c.channel(), c));
    this.disputesByDebt = new HashMap<>();
    disputes.forEach(
        d -> disputesByDebt.computeIfAbsent(d.debtId(), k -> new ArrayList<>()).add(d));
    this.negativations = List.copyOf(negativations);
    this.agreements = List.copyOf(agreements);
    this.letterTextByContactKey = Map.copyOf(letterTextByContactKey);
    this.observedUntil =
        Stream.concat(
                contacts.stream().map(Contact::occurredAt), events.stream().map(Event::occurredAt))
            .max(Comparator.naturalOrder())
            .orElse(Instant.EPOCH);
  }

  /** Reads everything from the database's current schema. */
  public static AuditRecords load(Connection db) throws SQLException {
    Map<String, Debt> debts = new HashMap<>();
    query(
        db,
        """
        select d.debt_id, d.debtor_document, r.state, d.status, d.due_date, d.interest_from,
               d.registered_at
          from debt d join debtor r on r.document = d.debtor_document
        """,
        rs ->
            debts.put(
                rs.getString(1),
                new Debt(
                    rs.getString(1),
                    rs.getString(2),
                    Uf.valueOf(rs.getString(3).strip()),
                    rs.getString(4),
                    rs.getObject(5, LocalDate.class),
                    rs.getObject(6, LocalDate.class),
                    instant(rs, 7))));
    List<Contact> contacts = new ArrayList<>();
    query(
        db,
        """
        select id, debt_id, idempotency_key, step, channel, template, outcome, detail, occurred_at,
               payload, delivery_status, delivery_updated_at
          from contact
        """,
        rs ->
            contacts.add(
                new Contact(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    Channel.valueOf(rs.getString(5)),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    instant(rs, 9),
                    rs.getString(10),
                    rs.getString(11),
                    instant(rs, 12))));
    List<Event> events = new ArrayList<>();
    query(
        db,
        "select id, debt_id, type, detail, occurred_at from debt_event",
        rs ->
            events.add(
                new Event(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    instant(rs, 5))));
    List<Consent> consents = new ArrayList<>();
    query(
        db,
        "select document, channel, consent, updated_at from debtor_channel_consent",
        rs ->
            consents.add(
                new Consent(
                    rs.getString(1),
                    Channel.valueOf(rs.getString(2)),
                    rs.getString(3),
                    instant(rs, 4))));
    List<Dispute> disputes = new ArrayList<>();
    query(
        db,
        "select debt_id, status, opened_at, resolved_at from dispute",
        rs ->
            disputes.add(
                new Dispute(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4))));
    List<Negativation> negativations = new ArrayList<>();
    query(
        db,
        "select debt_id, status, negativated_at, removal_requested_at from negativation",
        rs ->
            negativations.add(
                new Negativation(
                    rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4))));
    Map<String, List<AgreementDebt>> agreementDebts = new HashMap<>();
    query(
        db,
        "select agreement_id, debt_id, balance_cents from agreement_debt order by position",
        rs ->
            agreementDebts
                .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(new AgreementDebt(rs.getString(2), rs.getLong(3))));
    List<Agreement> agreements = new ArrayList<>();
    query(
        db,
        """
        select agreement_id, status, signed_at, principal_cents, fine_cents, interest_cents
          from agreement where principal_cents is not null
        """,
        rs ->
            agreements.add(
                new Agreement(
                    rs.getString(1),
                    rs.getString(2),
                    instant(rs, 3),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getLong(6),
                    agreementDebts.getOrDefault(rs.getString(1), List.of()))));
    Map<String, String> letters = new HashMap<>();
    query(
        db,
        """
        select contact_key, bytes from document
         where contact_key is not null and content_type = 'application/pdf'
        """,
        rs -> letters.put(rs.getString(1), pdfText(rs.getBytes(2))));
    List<Hold> holds = new ArrayList<>();
    query(
        db,
        "select hold_id, debtor_document, kind, placed_at, lifted_at from debtor_hold",
        rs ->
            holds.add(
                new Hold(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    instant(rs, 4),
                    instant(rs, 5))));
    return new AuditRecords(
        debts, contacts, events, consents, disputes, negativations, agreements, letters, holds);
  }

  public Optional<Debt> debt(String debtId) {
    return Optional.ofNullable(debts.get(debtId));
  }

  public long debtCount() {
    return debts.size();
  }

  public List<Contact> contacts() {
    return contacts;
  }

  /** The debt's contact log, oldest first. */
  public List<Contact> contacts(String debtId) {
    return contactsByDebt.getOrDefault(debtId, List.of());
  }

  /** The contacts made: sent, or recorded for a channel without a provider, oldest first. */
  public List<Contact> madeContacts() {
    return madeContacts;
  }

  public List<Event> events(String debtId) {
    return eventsByDebt.getOrDefault(debtId, List.of());
  }

  public Optional<Consent> consent(String document, Channel channel) {
    return Optional.ofNullable(consentsByDocument.getOrDefault(document, Map.of()).get(channel));
  }

  public List<Dispute> disputes(String debtId) {
    return disputesByDebt.getOrDefault(debtId, List.of());
  }

  public List<Negativation> negativations() {
    return negativations;
  }

  public List<Agreement> agreements() {
    return agreements;
  }

  public List<Hold> holds() {
    return holds;
  }

  /** The debts of a debtor, by CPF/CNPJ. */
  public List<String> debtIdsOf(String document) {
    return debtIdsByDocument.getOrDefault(document, List.of());
  }

  /** The text of the letter a contact mailed, when the database holds its PDF. */
  public Optional<String> letterText(String contactKey) {
    return Optional.ofNullable(letterTextByContactKey.get(contactKey));
  }

  /** The last moment the run recorded anything: "now" for deadlines that may not have come. */
  public Instant observedUntil() {
    return observedUntil;
  }

  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private static void query(Connection db, String sql, RowReader reader) throws SQLException {
    try (var statement = db.createStatement()) {
      statement.setFetchSize(5_000);
      try (ResultSet rs = statement.executeQuery(sql)) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    }
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static String pdfText(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    } catch (IOException unreadable) {
      return "";
    }
  }
}
