package br.com.regua.agreement;

import br.com.regua.api.ConflictException;
import br.com.regua.api.NotFoundException;
import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtEventType;
import br.com.regua.debt.DebtRepository;
import br.com.regua.debt.DebtStatus;
import br.com.regua.journey.JourneyModel;
import br.com.regua.journey.Journeys;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed agreements (renegotiations). Like a payment, an agreement takes effect in PostgreSQL first
 * (the debt becomes {@code RENEGOTIATED} under its row lock, so no reminder leaves after it), then
 * the journey hears {@code agreement-signed} and ends.
 */
@Service
public class AgreementService {

  private final DebtRepository debts;
  private final JdbcClient jdbc;
  private final Journeys journeys;
  private final TransactionTemplate tx;
  private final Clock clock;

  AgreementService(
      DebtRepository debts,
      JdbcClient jdbc,
      Journeys journeys,
      TransactionTemplate tx,
      Clock clock) {
    this.debts = debts;
    this.jdbc = jdbc;
    this.journeys = journeys;
    this.tx = tx;
    this.clock = clock;
  }

  public record Outcome(AgreementView agreement, boolean created) {}

  /** Records the agreement once per id; 409 if the debt is closed or disputed. */
  public Outcome sign(String debtId, AgreementRequest request) {
    Instant signedAt = request.signedAt().toInstant();
    Outcome outcome =
        tx.execute(
            status -> {
              Debt debt = debts.lock(debtId).orElseThrow(() -> NotFoundException.debt(debtId));
              Optional<AgreementView> existing = find(request.agreementId());
              if (existing.isPresent()) {
                AgreementView stored = existing.get();
                if (!stored.debtId().equals(debtId)
                    || stored.installments() != request.installments()
                    || !stored.signedAt().equals(signedAt)) {
                  throw new ConflictException(
                      "agreementId",
                      "agreement "
                          + request.agreementId()
                          + " was already signed with other content");
                }
                return new Outcome(stored, false);
              }
              if (!debt.status().isOpen() || debt.status() == DebtStatus.DISPUTED) {
                throw new ConflictException(
                    "debtId",
                    "debt " + debtId + " is " + debt.status() + ": no agreement can be signed");
              }
              Instant now = clock.instant();
              jdbc.sql(
                      """
                      insert into agreement (agreement_id, debt_id, installments, signed_at)
                      values (:id, :debtId, :installments, :signedAt)
                      """)
                  .param("id", request.agreementId())
                  .param("debtId", debtId)
                  .param("installments", request.installments())
                  .param("signedAt", Timestamp.from(signedAt))
                  .update();
              debts.addEvent(
                  debtId,
                  DebtEventType.AGREEMENT_SIGNED,
                  "Acordo " + request.agreementId() + " em " + request.installments() + " parcelas",
                  now);
              debts.closeIfOpen(debtId, DebtStatus.RENEGOTIATED, now);
              debts.addEvent(debtId, DebtEventType.RENEGOTIATED, null, now);
              return new Outcome(find(request.agreementId()).orElseThrow(), true);
            });
    journeys.publish(
        JourneyModel.AGREEMENT_SIGNED,
        debtId,
        "agreement:" + request.agreementId(),
        Map.of("agreementId", request.agreementId()));
    return outcome;
  }

  private Optional<AgreementView> find(String agreementId) {
    return jdbc.sql(
            "select agreement_id, debt_id, installments, signed_at from agreement"
                + " where agreement_id = :id")
        .param("id", agreementId)
        .query(
            (rs, row) ->
                new AgreementView(
                    rs.getString("agreement_id"),
                    rs.getString("debt_id"),
                    rs.getInt("installments"),
                    rs.getTimestamp("signed_at").toInstant()))
        .optional();
  }
}
