package br.com.regua.devkit.providers;

import br.com.regua.devkit.engine.EmbeddedEngine;
import br.com.regua.devkit.providers.DevProviderRecords.Provider;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An SMS provider for the local run, like the development mailbox: {@code bin/run} has no SMS
 * gateway, so in embedded mode the service answers the SMS API of {@code contact/SmsChannel} itself
 * (the default {@code regua.sms.base-url} points here) and keeps the messages in PostgreSQL ({@link
 * DevProviderRecords}, so they outlive a restart), for a person to read at {@code GET
 * /api/dev/sms?to=}. A repeated Idempotency-Key gets the same message back, as from a real gateway.
 * Tests use WireMock instead.
 */
@RestController
@RequestMapping("/api/dev/sms")
@ConditionalOnBean(EmbeddedEngine.class)
@ConditionalOnProperty(name = "regua.dev-messaging.enabled", havingValue = "true")
class DevSmsProvider {

  /** One SMS as the debtor's phone would show it. */
  record Sms(
      String id, String to, String from, String text, String reference, Instant receivedAt) {}

  record Accepted(String id, String status) {}

  private final Clock clock;
  private final DevProviderRecords records;

  DevSmsProvider(Clock clock, DevProviderRecords records) {
    this.clock = clock;
    this.records = records;
  }

  @PostMapping("/v1/messages")
  ResponseEntity<Accepted> send(
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @RequestBody Map<String, Object> message) {
    String to = String.valueOf(message.get("to"));
    Instant now = clock.instant();
    DevProviderRecords.Kept<Sms> kept =
        records.keep(
            Provider.SMS,
            key,
            digits(to),
            now,
            Sms.class,
            id ->
                new Sms(
                    id,
                    to,
                    String.valueOf(message.get("from")),
                    String.valueOf(message.get("text")),
                    (String) message.get("reference"),
                    now));
    Accepted accepted = new Accepted(kept.record().id(), "QUEUED");
    return kept.created()
        ? ResponseEntity.status(HttpStatus.CREATED).body(accepted)
        : ResponseEntity.ok(accepted);
  }

  /** What was sent, optionally to one number (its digits: a '+' in a query string is a space). */
  @GetMapping
  List<Sms> messages(@RequestParam(required = false) String to) {
    return records.list(Provider.SMS, to == null ? null : digits(to), Sms.class);
  }

  private static String digits(String phone) {
    return phone.replaceAll("\\D", "");
  }
}
