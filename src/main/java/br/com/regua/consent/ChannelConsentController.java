package br.com.regua.consent;

import br.com.regua.api.NotFoundException;
import br.com.regua.brazil.TaxId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A debtor's channel choices (LGPD): {@code opt-outs} are final; {@code opt-ins} matter for
 * WhatsApp, which is used only with one. Both are idempotent; {@code GET …/channels} shows them.
 */
@RestController
@RequestMapping("/api/debtors/{document}")
class ChannelConsentController {

  record ChannelRequest(@NotNull Channel channel) {}

  private final ChannelConsents consents;
  private final JdbcClient jdbc;
  private final Clock clock;

  ChannelConsentController(ChannelConsents consents, JdbcClient jdbc, Clock clock) {
    this.consents = consents;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @PostMapping("/opt-outs")
  ResponseEntity<Map<Channel, ChannelConsents.Consent>> optOut(
      @PathVariable String document, @RequestBody @Valid ChannelRequest request) {
    String digits = knownDebtor(document);
    consents.optOut(digits, request.channel(), clock.instant());
    return ResponseEntity.ok(consents.of(digits));
  }

  /** 200 with the choices; 409 when the debtor opted out of the channel before. */
  @PostMapping("/opt-ins")
  ResponseEntity<Map<Channel, ChannelConsents.Consent>> optIn(
      @PathVariable String document, @RequestBody @Valid ChannelRequest request) {
    String digits = knownDebtor(document);
    if (!consents.optIn(digits, request.channel(), clock.instant())) {
      throw new br.com.regua.api.ConflictException(
          "channel", "the debtor opted out of " + request.channel() + "; an opt-out is final");
    }
    return ResponseEntity.ok(consents.of(digits));
  }

  @GetMapping("/channels")
  Map<Channel, ChannelConsents.Consent> channels(@PathVariable String document) {
    return consents.of(knownDebtor(document));
  }

  private String knownDebtor(String document) {
    String digits = TaxId.canonicalOf(document, "document");
    boolean known =
        jdbc.sql("select exists (select 1 from debtor where document = :document)")
            .param("document", digits)
            .query(Boolean.class)
            .single();
    if (!known) {
      throw new NotFoundException("debtor " + digits + " has no registered debt");
    }
    return digits;
  }
}
