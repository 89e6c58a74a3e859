package br.com.regua.payment;

import br.com.regua.api.InvalidFieldException;
import br.com.regua.debt.RegisterDebtRequest;
import br.com.regua.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What reconciliation leaves to people and to the bank's and PSP's integrations: unidentified
 * payments and refunds (supervisors), the instruments to cancel once a debt is paid (integrations).
 */
@RestController
class ReconciliationController {

  private static final Set<String> REFUND_STATUSES =
      Set.of("PROPOSED", "APPROVED", "REJECTED", "SENT", "DEVOLVIDO", "NAO_REALIZADO");
  private static final Set<String> CANCELLATION_STATUSES = Set.of("PENDING", "DONE");

  private final UnidentifiedPayments unidentified;
  private final Refunds refunds;
  private final InstrumentCancellations cancellations;
  private final Clock clock;

  ReconciliationController(
      UnidentifiedPayments unidentified,
      Refunds refunds,
      InstrumentCancellations cancellations,
      Clock clock) {
    this.unidentified = unidentified;
    this.refunds = refunds;
    this.cancellations = cancellations;
    this.clock = clock;
  }

  record AssignRequest(@NotBlank String debtId) {}

  record RefundDecision(@NotNull Boolean approve) {}

  @GetMapping("/api/payments/unidentified")
  List<UnidentifiedPayments.Unidentified> unidentified(
      @RequestParam(defaultValue = "false") boolean resolved) {
    return unidentified.list(resolved);
  }

  /** A supervisor says which debt an unidentified payment paid: it is applied to it. */
  @PostMapping("/api/payments/unidentified/{id}/assignment")
  Reconciliation.Result assign(@PathVariable long id, @RequestBody @Valid AssignRequest request) {
    if (request.debtId().length() > 64
        || !request.debtId().matches(RegisterDebtRequest.ID_PATTERN)) {
      throw new InvalidFieldException("debtId", RegisterDebtRequest.ID_MESSAGE + ", at most 64");
    }
    return unidentified.assign(id, request.debtId(), Caller.current().name());
  }

  @GetMapping("/api/refunds")
  List<Refunds.Refund> refunds(@RequestParam(defaultValue = "PROPOSED") String status) {
    if (!REFUND_STATUSES.contains(status)) {
      throw new InvalidFieldException("status", "one of " + REFUND_STATUSES);
    }
    return refunds.list(status);
  }

  @PostMapping("/api/refunds/{refundId}/decision")
  Refunds.Refund decide(
      @PathVariable String refundId, @RequestBody @Valid RefundDecision decision) {
    return refunds.decide(refundId, decision.approve(), Caller.current().name(), clock.instant());
  }

  @GetMapping("/api/instrument-cancellations")
  List<InstrumentCancellations.Cancellation> cancellations(
      @RequestParam(defaultValue = "PENDING") String status,
      @RequestParam(required = false) String debtId) {
    if (!CANCELLATION_STATUSES.contains(status)) {
      throw new InvalidFieldException("status", "one of " + CANCELLATION_STATUSES);
    }
    return cancellations.list(status, debtId);
  }

  /** The bank's or PSP's integration carried the cancellation out. */
  @PostMapping("/api/instrument-cancellations/{id}/done")
  ResponseEntity<Void> done(@PathVariable long id) {
    return cancellations.markDone(id, clock.instant())
        ? ResponseEntity.noContent().build()
        : ResponseEntity.notFound().build();
  }
}
