package br.com.regua.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the journey messages that could not be published when their event was acknowledged (the
 * engine was down or slow), every {@code regua.message-relay.interval}, until the engine confirms
 * each one (see {@link MessageOutbox}).
 */
@Component
class MessageRelay {

  private static final Logger log = LoggerFactory.getLogger(MessageRelay.class);

  static final int BATCH = 200;

  private final MessageOutbox outbox;

  MessageRelay(MessageOutbox outbox) {
    this.outbox = outbox;
  }

  // Every replica runs it, safely: MessageOutbox.deliverDue claims its rows with FOR UPDATE SKIP
  // LOCKED and publishes each under its row's lock, so two replicas take different messages and a
  // message published and marked by one is no longer pending for the other. The message's id is
  // the engine's messageId, stored with it: a publish repeated after a kill (published, not yet
  // marked) is the same message, which the engine drops (ALREADY_EXISTS). MessageRelayReplicasTest.
  @Scheduled(
      fixedDelayString = "${regua.message-relay.interval:5s}",
      initialDelayString = "${regua.message-relay.interval:5s}")
  void relay() {
    int delivered;
    int total = 0;
    do {
      delivered = outbox.deliverDue(BATCH);
      total += delivered;
    } while (delivered == BATCH);
    if (total > 0) {
      log.info("Relayed {} journey message(s) the engine had not received", total);
    }
  }
}
