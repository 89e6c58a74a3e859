package br.com.regua.devkit.providers;

import br.com.regua.devkit.engine.EmbeddedEngine;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
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
 * (the default {@code regua.sms.base-url} points here) and keeps the messages in memory, for a
 * person to read at {@code GET /api/dev/sms?to=}. A repeated Idempotency-Key gets the same message
 * back, as from a real gateway. Tests use WireMock instead.
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

  private final AtomicLong sequence = new AtomicLong(1000);
  private final Map<String, Sms> byKey = new ConcurrentHashMap<>();
  private final List<Sms> received = new CopyOnWriteArrayList<>();

  DevSmsProvider(Clock clock) {
    this.clock = clock;
  }

  @PostMapping("/v1/messages")
  ResponseEntity<Accepted> send(
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @RequestBody Map<String, Object> message) {
    Sms existing = key == null ? null : byKey.get(key);
    if (existing != null) {
      return ResponseEntity.ok(new Accepted(existing.id(), "QUEUED"));
    }
    Sms sms =
        new Sms(
            "DEV-SMS-" + DevRun.TOKEN + "-" + sequence.incrementAndGet(),
            String.valueOf(message.get("to")),
            String.valueOf(message.get("from")),
            String.valueOf(message.get("text")),
            (String) message.get("reference"),
            clock.instant());
    if (key != null) {
      byKey.put(key, sms);
    }
    received.add(sms);
    return ResponseEntity.status(HttpStatus.CREATED).body(new Accepted(sms.id(), "QUEUED"));
  }

  /** What was sent, optionally to one number (its digits: a '+' in a query string is a space). */
  @GetMapping
  List<Sms> messages(@RequestParam(required = false) String to) {
    String digits = to == null ? "" : to.replaceAll("\\D", "");
    return received.stream()
        .filter(sms -> sms.to().replaceAll("\\D", "").contains(digits))
        .toList();
  }
}
