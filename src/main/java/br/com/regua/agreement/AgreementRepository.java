package br.com.regua.agreement;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Agreements, their joined debts, installments and payments, in PostgreSQL. */
@Repository
class AgreementRepository {

  private static final String SELECT =
      """
      select agreement_id, debt_id, installments, signed_at, debtor_document, source, offer_id,
             agent, status, principal_cents, fine_cents, interest_cents, discount_cents,
             total_cents, first_due_date, request_fingerprint, process_instance_key, closed_at
        from agreement
      """;

  private final JdbcClient jdbc;

  AgreementRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An agreement's row; amounts are null for the first régua's agreements ({@code LEGACY}). */
  record Stored(
      String agreementId,
      String debtId,
      int installmentCount,
      Instant signedAt,
      String debtorDocument,
      String source,
      String offerId,
      String agent,
      String status,
      Long principalCents,
      Long fineCents,
      Long interestCents,
      Long discountCents,
      Long totalCents,
      String fingerprint,
      Long processInstanceKey,
      Instant closedAt) {

    boolean active() {
      return "ACTIVE".equals(status);
    }
  }

  record JoinedDebt(String debtId, int position, long balanceCents) {}

  record StoredInstallment(
      int number, LocalDate dueDate, long amountCents, long paidCents, Instant paidAt) {

    long openCents() {
      return amountCents - paidCents;
    }
  }

  Optional<Stored> find(String agreementId) {
    return jdbc.sql(SELECT + " where agreement_id = :id")
        .param("id", agreementId)
        .query(AgreementRepository::map)
        .optional();
  }

  Optional<Stored> lock(String agreementId) {
    return jdbc.sql(SELECT + " where agreement_id = :id for update")
        .param("id", agreementId)
        .query(AgreementRepository::map)
        .optional();
  }

  void insert(
      String agreementId,
      String debtorDocument,
      String source,
      String offerId,
      String agent,
      AgreementTerms terms,
      Instant signedAt,
      String fingerprint,
      List<String> debtIds,
      List<Long> balances) {
    jdbc.sql(
            """
            insert into agreement (agreement_id, debt_id, installments, signed_at, debtor_document,
                                   source, offer_id, agent, status, principal_cents, fine_cents,
                                   interest_cents, discount_cents, total_cents, first_due_date,
                                   request_fingerprint)
            values (:id, :debtId, :count, :signedAt, :document, :source, :offerId, :agent,
                    'ACTIVE', :principal, :fine, :interest, :discount, :total, :firstDue,
                    :fingerprint)
            """)
        .param("id", agreementId)
        .param("debtId", debtIds.getFirst())
        .param("count", terms.installments().size())
        .param("signedAt", Timestamp.from(signedAt))
        .param("document", debtorDocument)
        .param("source", source)
        .param("offerId", offerId)
        .param("agent", agent)
        .param("principal", terms.principalCents())
        .param("fine", terms.fineCents())
        .param("interest", terms.interestCents())
        .param("discount", terms.discountCents())
        .param("total", terms.totalCents())
        .param("firstDue", terms.installments().getFirst().dueDate())
        .param("fingerprint", fingerprint)
        .update();
    for (int i = 0; i < debtIds.size(); i++) {
      jdbc.sql(
              """
              insert into agreement_debt (agreement_id, debt_id, position, balance_cents)
              values (:id, :debtId, :position, :balance)
              """)
          .param("id", agreementId)
          .param("debtId", debtIds.get(i))
          .param("position", i + 1)
          .param("balance", balances.get(i))
          .update();
    }
    for (AgreementTerms.Installment installment : terms.installments()) {
      jdbc.sql(
              """
              insert into agreement_installment (agreement_id, number, due_date, amount_cents)
              values (:id, :number, :dueDate, :amount)
              """)
          .param("id", agreementId)
          .param("number", installment.number())
          .param("dueDate", installment.dueDate())
          .param("amount", installment.amountCents())
          .update();
    }
  }

  List<JoinedDebt> debts(String agreementId) {
    return jdbc.sql(
            """
            select debt_id, position, balance_cents from agreement_debt
             where agreement_id = :id order by position
            """)
        .param("id", agreementId)
        .query(
            (rs, row) ->
                new JoinedDebt(
                    rs.getString("debt_id"), rs.getInt("position"), rs.getLong("balance_cents")))
        .list();
  }

  List<StoredInstallment> installments(String agreementId) {
    return jdbc.sql(
            """
            select number, due_date, amount_cents, paid_cents, paid_at from agreement_installment
             where agreement_id = :id order by number
            """)
        .param("id", agreementId)
        .query(
            (rs, row) ->
                new StoredInstallment(
                    rs.getInt("number"),
                    rs.getObject("due_date", LocalDate.class),
                    rs.getLong("amount_cents"),
                    rs.getLong("paid_cents"),
                    rs.getTimestamp("paid_at") == null
                        ? null
                        : rs.getTimestamp("paid_at").toInstant()))
        .list();
  }

  void payInstallment(String agreementId, int number, long paidCents, Instant paidAtIfFull) {
    jdbc.sql(
            """
            update agreement_installment set paid_cents = :paid, paid_at = :paidAt
             where agreement_id = :id and number = :number
            """)
        .param("paid", paidCents)
        .param("paidAt", paidAtIfFull == null ? null : Timestamp.from(paidAtIfFull))
        .param("id", agreementId)
        .param("number", number)
        .update();
  }

  record StoredPayment(String paymentId, String agreementId, long amountCents, Instant paidAt) {}

  Optional<StoredPayment> findPayment(String paymentId) {
    return jdbc.sql(
            """
            select payment_id, agreement_id, amount_cents, paid_at from agreement_payment
             where payment_id = :id
            """)
        .param("id", paymentId)
        .query(
            (rs, row) ->
                new StoredPayment(
                    rs.getString("payment_id"),
                    rs.getString("agreement_id"),
                    rs.getLong("amount_cents"),
                    rs.getTimestamp("paid_at").toInstant()))
        .optional();
  }

  void insertPayment(StoredPayment payment, Instant now) {
    jdbc.sql(
            """
            insert into agreement_payment (payment_id, agreement_id, amount_cents, paid_at,
                                           received_at)
            values (:id, :agreementId, :amount, :paidAt, :now)
            """)
        .param("id", payment.paymentId())
        .param("agreementId", payment.agreementId())
        .param("amount", payment.amountCents())
        .param("paidAt", Timestamp.from(payment.paidAt()))
        .param("now", Timestamp.from(now))
        .update();
  }

  long paidCents(String agreementId) {
    return jdbc.sql(
            "select coalesce(sum(amount_cents), 0) from agreement_payment where agreement_id = :id")
        .param("id", agreementId)
        .query(Long.class)
        .single();
  }

  void close(String agreementId, String status, Instant now) {
    jdbc.sql("update agreement set status = :status, closed_at = :now where agreement_id = :id")
        .param("status", status)
        .param("now", Timestamp.from(now))
        .param("id", agreementId)
        .update();
  }

  void setProcessInstanceKey(String agreementId, long key) {
    jdbc.sql("update agreement set process_instance_key = :key where agreement_id = :id")
        .param("key", key)
        .param("id", agreementId)
        .update();
  }

  private static Stored map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Stored(
        rs.getString("agreement_id"),
        rs.getString("debt_id"),
        rs.getInt("installments"),
        rs.getTimestamp("signed_at").toInstant(),
        rs.getString("debtor_document"),
        rs.getString("source"),
        rs.getString("offer_id"),
        rs.getString("agent"),
        rs.getString("status"),
        rs.getObject("principal_cents", Long.class),
        rs.getObject("fine_cents", Long.class),
        rs.getObject("interest_cents", Long.class),
        rs.getObject("discount_cents", Long.class),
        rs.getObject("total_cents", Long.class),
        rs.getString("request_fingerprint"),
        rs.getObject("process_instance_key", Long.class),
        rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant());
  }
}
