package br.com.regua.journey;

import br.com.regua.debt.DebtService;
import br.com.regua.debt.DebtView;
import br.com.regua.debt.RegisterDebtRequest;
import br.com.regua.payment.PaymentService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Registers debts: stores each one ({@link DebtService}), starts its journey ({@link
 * JourneyStarts}) and applies the payments that arrived before it.
 */
@Service
public class DebtRegistration {

  private static final Logger log = LoggerFactory.getLogger(DebtRegistration.class);

  private final DebtService debts;
  private final JourneyStarts starts;
  private final PaymentService payments;

  DebtRegistration(DebtService debts, JourneyStarts starts, PaymentService payments) {
    this.debts = debts;
    this.starts = starts;
    this.payments = payments;
  }

  /** What a registration did: created the debt, or found the same one already there. */
  public record Registration(DebtView debt, boolean created) {}

  /**
   * Stores the debt, then starts its journey. The same request again finds the stored debt and
   * returns it (starting the journey if the first attempt stored the debt but could not reach the
   * engine); the same id with other content is a conflict.
   */
  public Registration register(RegisterDebtRequest request) {
    DebtService.Stored stored = debts.store(request);
    if (stored.debt().processInstanceKey() == null) {
      try {
        starts.start(stored.debt().debtId());
      } catch (RuntimeException e) {
        // the debt is stored: PendingJourneys starts its journey when the engine answers
        log.warn("Journey of debt {} not started now: {}", stored.debt().debtId(), e.getMessage());
      }
    }
    // payments that arrived before the debt (a repeated registration applies what a crash left)
    payments.applyUnmatched(stored.debt().debtId());
    return new Registration(debts.view(stored.debt().debtId()), stored.created());
  }

  /**
   * Stores the debts as {@link #register} does, each row with its own outcome, and applies the
   * payments that came before them, but leaves their journeys to {@link PendingJourneys}, which
   * starts them within moments: a bulk load is not held to the engine's pace ({@code POST
   * /api/debts:batch}).
   */
  public List<DebtService.RowStored> storeForLaterStart(List<RegisterDebtRequest> requests) {
    List<DebtService.RowStored> rows = debts.storeAll(requests);
    payments.applyUnmatched(
        rows.stream()
            .filter(DebtService.RowStored::stored)
            .map(DebtService.RowStored::debtId)
            .distinct()
            .toList());
    return rows;
  }
}
