package br.com.regua.devkit.providers;

import br.com.regua.devkit.engine.EmbeddedEngine;
import br.com.regua.devkit.providers.DevProviderRecords.Provider;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * A print-and-post provider for the local run, like the development credit bureau: in embedded mode
 * the default {@code regua.letter.base-url} points here, so letter steps go through the real client
 * ({@code contact/PrintProviderClient} documents the API). It checks the PDF against its SHA-256,
 * answers a repeated Idempotency-Key with the first letter, and lists what it received at {@code
 * GET /api/dev/print/v1/letters} (the PDFs themselves are at {@code
 * /api/debts/{debtId}/documents}). Nothing is printed; letters are kept in PostgreSQL ({@link
 * DevProviderRecords}, so they outlive a restart) without their bytes. Tests use WireMock instead.
 */
@RestController
@RequestMapping("/api/dev/print/v1/letters")
@ConditionalOnBean(EmbeddedEngine.class)
@ConditionalOnProperty(name = "regua.dev-print.enabled", havingValue = "true")
class DevPrintProvider {

  record Recipient(
      String name,
      String street,
      String number,
      String complement,
      String district,
      String city,
      String state,
      String postalCode) {}

  record Document(String contentType, String sha256, String content) {}

  record LetterRequest(Recipient recipient, Document document) {}

  record Accepted(String letterId, String status) {}

  /** A letter as the provider keeps it. */
  record Letter(
      String letterId,
      String idempotencyKey,
      Recipient recipient,
      String sha256,
      int size,
      Instant receivedAt) {}

  private final Clock clock;
  private final DevProviderRecords records;

  DevPrintProvider(Clock clock, DevProviderRecords records) {
    this.clock = clock;
    this.records = records;
  }

  @PostMapping
  ResponseEntity<?> mail(
      @RequestHeader("Idempotency-Key") String key, @RequestBody LetterRequest request) {
    Letter existing = records.byKey(Provider.PRINT, key, Letter.class).orElse(null);
    if (existing != null) {
      return ResponseEntity.ok(new Accepted(existing.letterId(), "ACCEPTED"));
    }
    if (request.recipient() == null
        || request.recipient().postalCode() == null
        || !request.recipient().postalCode().matches("[0-9]{8}")) {
      return ResponseEntity.unprocessableEntity()
          .body(Map.of("reason", "recipient.postalCode must be a CEP of 8 digits"));
    }
    byte[] pdf;
    try {
      pdf = Base64.getDecoder().decode(request.document().content());
    } catch (IllegalArgumentException | NullPointerException e) {
      return ResponseEntity.badRequest().body(Map.of("reason", "document.content is not base64"));
    }
    if (!sha256(pdf).equals(request.document().sha256())) {
      return ResponseEntity.badRequest()
          .body(Map.of("reason", "document.sha256 does not match the content"));
    }
    Instant now = clock.instant();
    DevProviderRecords.Kept<Letter> kept =
        records.keep(
            Provider.PRINT,
            key,
            request.recipient().name(),
            now,
            Letter.class,
            id -> new Letter(id, key, request.recipient(), sha256(pdf), pdf.length, now));
    Accepted accepted = new Accepted(kept.record().letterId(), "ACCEPTED");
    return kept.created()
        ? ResponseEntity.status(HttpStatus.CREATED).body(accepted)
        : ResponseEntity.ok(accepted);
  }

  @GetMapping
  List<Letter> letters() {
    return records.list(Provider.PRINT, null, Letter.class);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
