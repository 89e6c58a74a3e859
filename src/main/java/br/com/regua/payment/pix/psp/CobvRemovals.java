package br.com.regua.payment.pix.psp;

import static br.com.regua.payment.pix.psp.PspFailures.Operation.COBV_REMOVAL;

import br.com.regua.http.ProviderHttp;
import br.com.regua.ops.OnOneReplica;
import br.com.regua.payment.InstrumentCancellations;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Carries out the cobv removals a paid debt left pending ({@link InstrumentCancellations}): {@code
 * PATCH /cobv/{txid}} with {@code REMOVIDA_PELO_USUARIO_RECEBEDOR} at the PSP, then the removal is
 * done. A cobv the PSP does not know (404) has nothing to remove. A removal the PSP fails backs
 * off, one it refuses is an incident at once ({@link PspFailures}); either stays pending meanwhile.
 */
@Component
class CobvRemovals {

  private static final Logger log = LoggerFactory.getLogger(CobvRemovals.class);

  private final ObjectProvider<PspClient> psp;
  private final InstrumentCancellations cancellations;
  private final PspChargeStore charges;
  private final PspFailures failures;
  private final Clock clock;
  private final OnOneReplica replicas;

  CobvRemovals(
      ObjectProvider<PspClient> psp,
      InstrumentCancellations cancellations,
      PspChargeStore charges,
      PspFailures failures,
      Clock clock,
      OnOneReplica replicas) {
    this.psp = psp;
    this.cancellations = cancellations;
    this.charges = charges;
    this.failures = failures;
    this.clock = clock;
    this.replicas = replicas;
  }

  // On one replica at a time (ops/OnOneReplica): a removal is idempotent at the PSP (a second PATCH
  // of a removed cobv, or a 404, changes nothing) and markDone is an update, so two replicas would
  // do no harm, only call the PSP twice for each pending removal.

  @Scheduled(
      initialDelayString = "${regua.pix.psp.removal-interval:PT30S}",
      fixedDelayString = "${regua.pix.psp.removal-interval:PT30S}")
  void run() {
    PspClient client = psp.getIfAvailable();
    if (client != null) {
      replicas.run("cobv-removals", () -> removeWith(client));
    }
  }

  /** Removes every pending cobv through the client; stops at the first sign the PSP is down. */
  void removeWith(PspClient client) {
    Instant wallNow = Instant.now();
    Set<String> failedBefore = failures.recorded(COBV_REMOVAL);
    Set<String> held = failedBefore.isEmpty() ? Set.of() : failures.held(COBV_REMOVAL, wallNow);
    for (InstrumentCancellations.Cancellation removal : cancellations.list("PENDING", null)) {
      if (!removal.instrument().equals("COBV") || held.contains(removal.reference())) {
        continue;
      }
      try {
        PspClient.Cobv cobv = client.removeCobv(removal.reference());
        cancellations.markDone(removal.id(), clock.instant());
        charges.removed(removal.reference(), clock.instant());
        log.info("cobv {} of debt {}: {}", removal.reference(), removal.debtId(), cobv.status());
      } catch (RestClientResponseException e) {
        if (e.getStatusCode().value() != 404) {
          boolean refused = !ProviderHttp.isTransient(e);
          failures.failed(
              COBV_REMOVAL,
              removal.reference(),
              removal.debtId(),
              ProviderHttp.describe(e),
              refused,
              wallNow);
          if (refused) {
            continue;
          }
          return;
        }
        cancellations.markDone(removal.id(), clock.instant());
      } catch (RestClientException e) {
        failures.failed(
            COBV_REMOVAL,
            removal.reference(),
            removal.debtId(),
            CobvSync.unreachable(e),
            false,
            wallNow);
        return;
      }
      if (failedBefore.contains(removal.reference())) {
        failures.succeeded(COBV_REMOVAL, removal.reference());
      }
    }
  }
}
