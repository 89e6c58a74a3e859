package br.com.regua.negativation;

import br.com.regua.ops.OnOneReplica;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The removal of a settled debt's negativation when no journey is left to ask for it (STJ Súmula
 * 548: within 5 business days of the payment). A journey removes its debt's negativation when the
 * payment arrives while it runs; a debt paid after its hand-off or write-off at D+60, whose journey
 * has ended, was left negativated. This sweep finds every debt paid or cancelled a while ago and
 * still negativated, asks the bureau for the removal (the deadline counted from the payment), and
 * later confirms the removals the bureau has not confirmed yet. Both calls are idempotent, so a
 * journey's own request or check at the same time does no harm; a bureau failure waits for the next
 * sweep.
 */
@Component
class RemovalSweep {

  private static final Logger log = LoggerFactory.getLogger(RemovalSweep.class);
  private static final int BATCH = 100;

  /** Leaves a running journey time to ask first: its request follows the payment at once. */
  static final Duration GRACE = Duration.ofMinutes(10);

  /** How long after the request the bureau is asked whether the removal is done. */
  static final Duration CONFIRM_AFTER = Duration.ofHours(4);

  private final NegativationService negativations;
  private final NegativationRepository repository;
  private final Clock clock;
  private final OnOneReplica replicas;

  RemovalSweep(
      NegativationService negativations,
      NegativationRepository repository,
      Clock clock,
      OnOneReplica replicas) {
    this.negativations = negativations;
    this.repository = repository;
    this.clock = clock;
    this.replicas = replicas;
  }

  // On one replica at a time (ops/OnOneReplica): both calls are idempotent at the bureau (the
  // removal by the negativation's protocol), but two replicas would ask for each removal twice.

  @Scheduled(
      fixedDelayString = "${regua.negativation.removal-sweep-interval:1m}",
      initialDelayString = "${regua.negativation.removal-sweep-interval:1m}")
  void sweep() {
    Instant now = clock.instant();
    replicas.run(
        "negativation-removal-sweep", () -> sweep(now.minus(GRACE), now.minus(CONFIRM_AFTER)));
  }

  /** Requests the removals of debts settled before {@code settledBefore}; confirms older ones. */
  void sweep(Instant settledBefore, Instant requestedBefore) {
    for (String debtId : repository.settledButNegativated(settledBefore, BATCH)) {
      try {
        negativations
            .requestRemoval(debtId)
            .ifPresent(
                deadline ->
                    log.info(
                        "Removal of settled debt {}'s negativation requested (deadline {})",
                        debtId,
                        deadline));
      } catch (CreditBureauException e) {
        log.warn("Removal for settled debt {} not requested yet: {}", debtId, e.getMessage());
      }
    }
    for (String debtId : repository.removalsUnconfirmed(requestedBefore, BATCH)) {
      try {
        negativations.confirmRemoval(debtId);
      } catch (CreditBureauException e) {
        log.warn("Removal of debt {} not confirmed yet: {}", debtId, e.getMessage());
      }
    }
  }
}
