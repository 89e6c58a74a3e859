package br.com.regua.payment.pix.psp;

import br.com.regua.api.InvalidFieldException;
import br.com.regua.api.NotFoundException;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the PSP jobs gave up on, for supervisors ({@link PspFailures}): a cobv the PSP refused (a
 * debtor's document it does not accept, a key it does not know), a removal or a refund it refused
 * or kept failing. Once the cause is dealt with, a retry sends the item back to its job.
 */
@RestController
class PspIncidentController {

  private final PspFailures failures;

  PspIncidentController(PspFailures failures) {
    this.failures = failures;
  }

  /** What a retry did: the item goes back to its job, which tries it at its next run. */
  record Retried(PspFailures.Operation operation, String reference, String status) {}

  @GetMapping("/api/psp-incidents")
  List<PspFailures.Failure> incidents() {
    return failures.incidents();
  }

  @PostMapping("/api/psp-incidents/{operation}/{reference}/retry")
  Retried retry(@PathVariable String operation, @PathVariable String reference) {
    PspFailures.Operation op = operation(operation);
    if (!failures.retry(op, reference)) {
      throw new NotFoundException("no PSP incident for " + op + " " + reference);
    }
    return new Retried(op, reference, "RETRY_AT_NEXT_RUN");
  }

  private static PspFailures.Operation operation(String name) {
    try {
      return PspFailures.Operation.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(
          "operation", "one of " + Arrays.toString(PspFailures.Operation.values()));
    }
  }
}
