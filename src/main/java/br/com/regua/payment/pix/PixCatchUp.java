package br.com.regua.payment.pix;

import br.com.regua.api.InvalidFieldException;
import br.com.regua.ops.OnOneReplica;
import br.com.regua.payment.pix.psp.PspClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The catch-up: every {@code regua.pix.psp.catch-up-interval}, the Pix the PSP received in the last
 * {@code catch-up-window} ({@code GET /pix?inicio=&fim=}, every page) go through the same path as
 * the webhook's, so a notification lost on the way is applied and one already applied is a
 * duplicate. Wall-clock time: the PSP's. Only with a PSP configured.
 */
@Component
public class PixCatchUp {

  private static final Logger log = LoggerFactory.getLogger(PixCatchUp.class);

  private final ObjectProvider<PspClient> psp;
  private final PixNotifications notifications;
  private final Duration window;
  private final OnOneReplica replicas;

  PixCatchUp(
      ObjectProvider<PspClient> psp,
      PixNotifications notifications,
      @Value("${regua.pix.psp.catch-up-window:PT2H}") Duration window,
      OnOneReplica replicas) {
    this.psp = psp;
    this.notifications = notifications;
    this.window = window;
    this.replicas = replicas;
  }

  // On one replica at a time (ops/OnOneReplica): every Pix goes through PixNotifications, which
  // keys it by its endToEndId, so one applied twice is a duplicate; but each replica would list
  // every page of the window from the PSP, which may limit how often it is asked.

  @Scheduled(
      initialDelayString = "${regua.pix.psp.catch-up-interval:PT10M}",
      fixedDelayString = "${regua.pix.psp.catch-up-interval:PT10M}")
  void run() {
    PspClient client = psp.getIfAvailable();
    if (client != null) {
      Instant now = Clock.systemUTC().instant();
      replicas.run("pix-catch-up", () -> catchUp(client, now.minus(window), now));
    }
  }

  /** Applies every Pix received in the window; what became of each. */
  public List<PixNotifications.Applied> catchUp(PspClient client, Instant from, Instant to) {
    List<PixNotifications.Applied> applied = new ArrayList<>();
    int page = 0;
    int pages;
    do {
      JsonNode answer = client.listPix(from, to, page);
      // the document's PixConsultados requires a "cobs" its list never names: read "pix", and
      // "cobs" from a PSP that followed the letter of it
      for (JsonNode pix : answer.has("pix") ? answer.path("pix") : answer.path("cobs")) {
        List<PixNotification> one;
        try {
          one =
              PixNotification.parse(
                  JsonNodeFactory.instance
                      .objectNode()
                      .set("pix", JsonNodeFactory.instance.arrayNode().add(pix)));
        } catch (InvalidFieldException e) {
          // one bad Pix must not hold back the others, nor every later catch-up
          log.warn("Catch-up skipped a Pix the PSP listed: {} {}", e.field(), e.getMessage());
          continue;
        }
        applied.addAll(notifications.receive(one, "CATCH_UP"));
      }
      pages = answer.at("/parametros/paginacao/quantidadeDePaginas").asInt(1);
      page++;
    } while (page < pages);
    log.info("Pix catch-up {} to {}: {} Pix in {} page(s)", from, to, applied.size(), pages);
    return applied;
  }
}
