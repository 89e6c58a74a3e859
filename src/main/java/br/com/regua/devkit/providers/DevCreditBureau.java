package br.com.regua.devkit.providers;

import br.com.regua.devkit.engine.EmbeddedEngine;
import br.com.regua.devkit.providers.DevProviderRecords.Provider;
import java.time.Clock;
import java.util.Map;
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
 * here). It keeps negativations in PostgreSQL ({@link DevProviderRecords}): the service's
 * negativation workers look one up by protocol, or repeat an Idempotency-Key, after a restart too.
 * It removes one as soon as it is asked to, and answers a repeated Idempotency-Key with the same
 * negativation. Tests use WireMock instead.
 */
@RestController
@RequestMapping("/api/dev/credit-bureau/v1/negativations")
@ConditionalOnBean(EmbeddedEngine.class)
@ConditionalOnProperty(name = "regua.dev-credit-bureau.enabled", havingValue = "true")
class DevCreditBureau {

  record Negativation(String protocol, String status) {}

  private final Clock clock;
  private final DevProviderRecords records;

  DevCreditBureau(Clock clock, DevProviderRecords records) {
    this.clock = clock;
    this.records = records;
  }

  @PostMapping
  ResponseEntity<Negativation> negativate(
      @RequestHeader("Idempotency-Key") String key, @RequestBody Map<String, Object> debt) {
    DevProviderRecords.Kept<Negativation> kept =
        records.keep(
            Provider.CREDIT_BUREAU,
            key,
            debt.get("document") instanceof String document ? document : null,
            clock.instant(),
            Negativation.class,
            protocol -> new Negativation(protocol, "ACTIVE"));
    // the negativation as it is now: a repeated key after a removal gets the removal
    return kept.created()
        ? ResponseEntity.status(HttpStatus.CREATED).body(kept.record())
        : ResponseEntity.ok(kept.record());
  }

  @PostMapping("/{protocol}/removal")
  ResponseEntity<Negativation> remove(@PathVariable String protocol) {
    Negativation removed = new Negativation(protocol, "REMOVED");
    return records.replace(Provider.CREDIT_BUREAU, protocol, removed)
        ? ResponseEntity.accepted().body(removed)
        : ResponseEntity.notFound().build();
  }

  @GetMapping("/{protocol}")
  ResponseEntity<Negativation> status(@PathVariable String protocol) {
    return records
        .byId(Provider.CREDIT_BUREAU, protocol, Negativation.class)
        .map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.notFound().build());
  }
}
