package br.com.regua.hold;

import br.com.regua.money.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code debtor_hold} table. */
@Repository
class HoldRepository {

  static final DateTimeFormatter BR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private static final String SELECT =
      "select hold_id, debtor_document, kind, reason, source, starts_on, expected_end_on,"
          + " max_installment_cents, placed_at, lifted_at, lift_reason from debtor_hold";

  private final JdbcClient jdbc;

  HoldRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<DebtorHold> find(String holdId) {
    return jdbc.sql(SELECT + " where hold_id = :id")
        .param("id", holdId)
        .query(HoldRepository::map)
        .optional();
  }

  /** The debtor's holds, the standing ones first, then the newest. */
  List<DebtorHold> ofDebtor(String document) {
    return jdbc.sql(
            SELECT
                + " where debtor_document = :document"
                + " order by lifted_at is not null, placed_at desc, hold_id")
        .param("document", document)
        .query(HoldRepository::map)
        .list();
  }

  List<DebtorHold> standing(String document) {
    return jdbc.sql(
            SELECT
                + " where debtor_document = :document and lifted_at is null"
                + " order by placed_at, hold_id")
        .param("document", document)
        .query(HoldRepository::map)
        .list();
  }

  boolean debtorExists(String document) {
    return jdbc.sql("select count(*) from debtor where document = :document")
            .param("document", document)
            .query(Long.class)
            .single()
        > 0;
  }

  void insert(DebtorHold hold) {
    jdbc.sql(
            """
            insert into debtor_hold (hold_id, debtor_document, kind, reason, source, starts_on,
                                     expected_end_on, max_installment_cents, placed_at)
            values (:id, :document, :kind, :reason, :source, :startsOn, :expectedEndOn,
                    :maxInstallmentCents, :placedAt)
            """)
        .param("id", hold.holdId())
        .param("document", hold.document())
        .param("kind", hold.kind().name())
        .param("reason", hold.reason())
        .param("source", hold.source())
        .param("startsOn", hold.startsOn())
        .param("expectedEndOn", hold.expectedEndOn())
        .param(
            "maxInstallmentCents",
            hold.maxInstallmentAmount() == null
                ? null
                : Money.parseCents(hold.maxInstallmentAmount()))
        .param("placedAt", Timestamp.from(hold.placedAt()))
        .update();
  }

  void lift(String holdId, String reason, Instant at) {
    jdbc.sql(
            """
            update debtor_hold set lifted_at = :at, lift_reason = :reason
             where hold_id = :id and lifted_at is null
            """)
        .param("at", Timestamp.from(at))
        .param("reason", reason)
        .param("id", holdId)
        .update();
  }

  private static DebtorHold map(ResultSet rs, int row) throws SQLException {
    Timestamp lifted = rs.getTimestamp("lifted_at");
    java.sql.Date expected = rs.getDate("expected_end_on");
    long maxInstallment = rs.getLong("max_installment_cents");
    boolean noMax = rs.wasNull();
    return new DebtorHold(
        rs.getString("hold_id"),
        rs.getString("debtor_document"),
        HoldKind.valueOf(rs.getString("kind")),
        rs.getString("reason"),
        rs.getString("source"),
        rs.getDate("starts_on").toLocalDate(),
        expected == null ? null : expected.toLocalDate(),
        noMax ? null : Money.toDecimal(maxInstallment),
        rs.getTimestamp("placed_at").toInstant(),
        lifted == null ? null : lifted.toInstant(),
        rs.getString("lift_reason"));
  }
}
