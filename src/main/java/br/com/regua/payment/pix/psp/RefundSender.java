package br.com.regua.payment.pix.psp;

import static br.com.regua.payment.pix.psp.PspFailures.Operation.REFUND;

import br.com.regua.http.ProviderHttp;
import br.com.regua.money.Money;
import br.com.regua.ops.OnOneReplica;
import br.com.regua.payment.Refunds;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Sends the Pix refunds a supervisor approved: {@code PUT /pix/{e2eid}/devolucao/{id}} with the
 * amount; the refund is then {@code SENT}, and the PSP's notification of its final status makes it
 * {@code DEVOLVIDO} or {@code NAO_REALIZADO}. The refund id makes a repeat the same devolução at
 * the PSP, so a refund sent but not recorded is sent again harmlessly. A refund the PSP fails backs
 * off, one it refuses is an incident at once ({@link PspFailures}); either stays APPROVED
 * meanwhile.
 */
@Component
class RefundSender {

  private final ObjectProvider<PspClient> psp;
  private final Refunds refunds;
  private final PspFailures failures;
  private final Clock clock;
  private final OnOneReplica replicas;

  RefundSender(
      ObjectProvider<PspClient> psp,
      Refunds refunds,
      PspFailures failures,
      Clock clock,
      OnOneReplica replicas) {
    this.psp = psp;
    this.refunds = refunds;
    this.failures = failures;
    this.clock = clock;
    this.replicas = replicas;
  }

  // On one replica at a time (ops/OnOneReplica): the refund id makes a second PUT the same
  // devolução at the PSP, so money never goes back twice; the lock only spares the PSP the repeat.

  @Scheduled(
      initialDelayString = "${regua.pix.psp.refund-interval:PT30S}",
      fixedDelayString = "${regua.pix.psp.refund-interval:PT30S}")
  void run() {
    PspClient client = psp.getIfAvailable();
    if (client != null) {
      replicas.run("pix-refunds", () -> sendWith(client));
    }
  }

  void sendWith(PspClient client) {
    Instant wallNow = Instant.now();
    Set<String> failedBefore = failures.recorded(REFUND);
    Set<String> held = failedBefore.isEmpty() ? Set.of() : failures.held(REFUND, wallNow);
    for (Refunds.ToSend refund : refunds.approvedPix()) {
      if (held.contains(refund.refundId())) {
        continue;
      }
      try {
        String status =
            client.refund(
                refund.endToEndId(),
                refund.refundId(),
                Money.toDecimal(refund.amountCents()),
                refund.reason().length() > 140
                    ? refund.reason().substring(0, 140)
                    : refund.reason());
        refunds.pspSaid(refund.refundId(), status, clock.instant());
        if (failedBefore.contains(refund.refundId())) {
          failures.succeeded(REFUND, refund.refundId());
        }
      } catch (RestClientResponseException e) {
        boolean refused = !ProviderHttp.isTransient(e);
        failures.failed(
            REFUND, refund.refundId(), null, ProviderHttp.describe(e), refused, wallNow);
        if (!refused) {
          return;
        }
      } catch (RestClientException e) {
        failures.failed(REFUND, refund.refundId(), null, CobvSync.unreachable(e), false, wallNow);
        return;
      }
    }
  }
}
