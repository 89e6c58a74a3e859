package br.com.regua.devkit.providers;

import br.com.regua.devkit.engine.EmbeddedEngine;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A credit bureau for the local run, like the development mailbox: {@code bin/run} has no Serasa to
 * talk to, so in embedded mode the service answers the bureau API of {@code
 * negativation/CreditBureauClient} itself (the default {@code regua.credit-bureau.base-url} points
 * here). It keeps negativations in memory, removes one as soon as it is asked to, and answers a
 * repeated Idempotency-Key with the same negativation. Tests use WireMock instead.
 */
@RestController
@RequestMapping("/api/dev/credit-bureau/v1/negativations")
@ConditionalOnBean(EmbeddedEngine.class)
@ConditionalOnProperty(name = "regua.dev-credit-bureau.enabled", havingValue = "true")
class DevCreditBureau {

  record Negativation(String protocol, String status) {}

  private final AtomicLong sequence = new AtomicLong(1000);
  private final Map<String, Negativation> byKey = new ConcurrentHashMap<>();
  private final Map<String, Negativation> byProtocol = new ConcurrentHashMap<>();

  @PostMapping
  ResponseEntity<Negativation> negativate(
      @RequestHeader("Idempotency-Key") String key, @RequestBody Map<String, Object> debt) {
    Negativation existing = byKey.get(key);
    if (existing != null) {
      return ResponseEntity.ok(byProtocol.get(existing.protocol()));
    }
    Negativation created =
        new Negativation("DEV-" + DevRun.TOKEN + "-" + sequence.incrementAndGet(), "ACTIVE");
    byKey.put(key, created);
    byProtocol.put(created.protocol(), created);
    return ResponseEntity.status(HttpStatus.CREATED).body(created);
  }

  @PostMapping("/{protocol}/removal")
  ResponseEntity<Negativation> remove(@PathVariable String protocol) {
    if (!byProtocol.containsKey(protocol)) {
      return ResponseEntity.notFound().build();
    }
    Negativation removed = new Negativation(protocol, "REMOVED");
    byProtocol.put(protocol, removed);
    return ResponseEntity.accepted().body(removed);
  }

  @GetMapping("/{protocol}")
  ResponseEntity<Negativation> status(@PathVariable String protocol) {
    Negativation negativation = byProtocol.get(protocol);
    return negativation == null
        ? ResponseEntity.notFound().build()
        : ResponseEntity.ok(negativation);
  }
}
