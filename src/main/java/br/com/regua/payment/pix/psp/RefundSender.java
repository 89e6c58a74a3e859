package br.com.regua.payment.pix.psp;

import br.com.regua.http.ProviderHttp;
import br.com.regua.money.Money;
import br.com.regua.ops.OnOneReplica;
import br.com.regua.payment.Refunds;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Sends the Pix refunds a supervisor approved: {@code PUT /pix/{e2eid}/devolucao/{id}} with the
 * amount; the refund is then {@code SENT}, and the PSP's notification of its final status makes it
 * {@code DEVOLVIDO} or {@code NAO_REALIZADO}. The refund id makes a repeat the same devolução at
 * the PSP, so a refund sent but not recorded is sent again harmlessly.
 */
@Component
class RefundSender {

  private static final Logger log = LoggerFactory.getLogger(RefundSender.class);

  private final ObjectProvider<PspClient> psp;
  private final Refunds refunds;
  private final Clock clock;
  private final OnOneReplica replicas;

  RefundSender(ObjectProvider<PspClient> psp, Refunds refunds, Clock clock, OnOneReplica replicas) {
    this.psp = psp;
    this.refunds = refunds;
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
    for (Refunds.ToSend refund : refunds.approvedPix()) {
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
      } catch (RestClientResponseException e) {
        if (ProviderHttp.isTransient(e)) {
          log.warn(
              "PSP unavailable for refund {}: {}", refund.refundId(), ProviderHttp.describe(e));
          return;
        }
        log.error("PSP refused refund {}: {}", refund.refundId(), ProviderHttp.describe(e));
      } catch (RestClientException e) {
        log.warn("PSP unreachable for refund {}: {}", refund.refundId(), e.getMessage());
        return;
      }
    }
  }
}
