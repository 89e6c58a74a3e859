package br.com.regua.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PortalTokensTest {

  private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
  private static final String OLD = "old-portal-key-0123456789abcdefghij";
  private static final String NEW = "new-portal-key-0123456789abcdefghij";
  private static final Instant NOON = Instant.parse("2026-12-07T15:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  private final UUID paymentToken = UUID.randomUUID();

  @Test
  void aLinkIsTheBaseUrlAndASignedTokenThatVerifiesToItsPaymentToken() {
    PortalTokens tokens = tokens("new", Map.of("new", NEW), NOON);

    String link = tokens.link(paymentToken);

    assertThat(link).startsWith("https://portal.example/p/new.");
    assertThat(link.substring(link.lastIndexOf('/') + 1)).hasSize(44);
    assertThat(link).doesNotContain(paymentToken.toString());
    String token = link.substring(link.lastIndexOf('/') + 1);
    assertThat(tokens.verify(token)).contains(new PortalTokens.Claims(paymentToken, TODAY));
    // the same link all day: a reminder and the API show the same one
    assertThat(tokens("new", Map.of("new", NEW), NOON.plusSeconds(3600)).link(paymentToken))
        .isEqualTo(link);
  }

  @Test
  void aForgedTamperedOrUnknownKeyTokenVerifiesToNothing() {
    PortalTokens tokens = tokens("new", Map.of("new", NEW), NOON);
    String token = tokens.issue(paymentToken, TODAY);
    String[] parts = token.split("\\.");
    String other = tokens.issue(UUID.randomUUID(), TODAY).split("\\.")[1];

    // another link's payload with this link's MAC
    assertThat(tokens.verify(parts[0] + "." + other.substring(0, 24) + parts[1].substring(24)))
        .isEmpty();
    assertThat(tokens.verify(PortalTokensTest.flipLast(token))).isEmpty();
    assertThat(tokens.verify("nokey." + parts[1])).isEmpty();
    assertThat(tokens.verify(token + "A")).isEmpty();
    assertThat(tokens.verify(paymentToken.toString())).isEmpty();
    assertThat(tokens.verify("a.b.c")).isEmpty();
    assertThat(tokens.verify("")).isEmpty();
  }

  @Test
  void aLinkExpiresAfterItsValidityAndIsNotValidBeforeItsDay() {
    PortalTokens tokens = tokens("new", Map.of("new", NEW), NOON);

    assertThat(tokens.verify(tokens.issue(paymentToken, TODAY.minusDays(30)))).isPresent();
    assertThat(tokens.verify(tokens.issue(paymentToken, TODAY.minusDays(31)))).isEmpty();
    assertThat(tokens.verify(tokens.issue(paymentToken, TODAY.plusDays(1)))).isEmpty();
  }

  @Test
  void aRotatedKeyStillVerifiesTheLinksItSignedUntilItIsRemoved() {
    String signedWithOld = tokens("old", Map.of("old", OLD), NOON).issue(paymentToken, TODAY);

    PortalTokens rotated = tokens("new", Map.of("old", OLD, "new", NEW), NOON);
    assertThat(rotated.verify(signedWithOld)).isPresent();
    assertThat(rotated.link(paymentToken)).contains("/new.");

    PortalTokens oldRemoved = tokens("new", Map.of("new", NEW), NOON);
    assertThat(oldRemoved.verify(signedWithOld)).isEmpty();
  }

  @Test
  void remoteModeRefusesEmbeddedModesPublicKeyAndShortKeys() {
    var publicKey = Map.of("dev", PortalTokens.EMBEDDED_MODE_KEY);
    assertThatThrownBy(() -> tokens("dev", publicKey, NOON, "remote"))
        .hasMessageContaining("embedded mode's public key");
    assertThat(tokens("dev", publicKey, NOON, "embedded")).isNotNull();
    assertThatThrownBy(() -> tokens("k", Map.of("k", "short"), NOON))
        .hasMessageContaining("at least 32");
    assertThatThrownBy(() -> tokens("missing", Map.of("k", NEW), NOON))
        .hasMessageContaining("active-key");
  }

  /** The token with its last character changed: a MAC that no longer matches. */
  static String flipLast(String token) {
    char last = token.charAt(token.length() - 1);
    return token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
  }

  private static PortalTokens tokens(String active, Map<String, String> keys, Instant now) {
    return tokens(active, keys, now, "");
  }

  private static PortalTokens tokens(
      String active, Map<String, String> keys, Instant now, String mode) {
    return new PortalTokens(
        new PortalLinkProperties("https://portal.example/p", keys, active, Duration.ofDays(30)),
        Clock.fixed(now, SAO_PAULO),
        mode);
  }
}
