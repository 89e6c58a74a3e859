package br.com.regua.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The tokens of the debtor's portal links: {@code <key id>.<base64url(payload + mac)>}, the payload
 * being the debt's random payment token (122 random bits) and the day the link was issued, the MAC
 * an HMAC-SHA256 with the key named, truncated to 96 bits (forging one by guessing takes 2^95
 * tries; the portal answers a few a second). 43 characters with a short key id: an SMS keeps room
 * for its text. Nothing in it is guessable nor personal; the same link is issued all day (a
 * reminder and the API show the same one), and it expires {@code linkValidity} after that day.
 * Revocation is the portal's (it knows the debts).
 */
@Component
@EnableConfigurationProperties(PortalLinkProperties.class)
public class PortalTokens {

  private static final int MAC_BYTES = 12;
  private static final int PAYLOAD_BYTES = 18;

  /** Days are counted from here in two bytes: until 2199. */
  private static final LocalDate EPOCH = LocalDate.of(2020, 1, 1);

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  /** What a valid token says: which debt's link, issued on which day. */
  public record Claims(UUID paymentToken, LocalDate issuedOn) {}

  private final PortalLinkProperties properties;
  private final Clock clock;

  /** The key of embedded mode's defaults: public, so never accepted in remote mode. */
  static final String EMBEDDED_MODE_KEY = "embedded-mode-portal-key-not-for-production";

  PortalTokens(
      PortalLinkProperties properties,
      Clock clock,
      @Value("${regua.engine.mode:}") String engineMode) {
    if ("remote".equals(engineMode) && properties.keys().containsValue(EMBEDDED_MODE_KEY)) {
      throw new IllegalStateException(
          "regua.portal.keys holds embedded mode's public key: set REGUA_PORTAL_KEY_DEV (or"
              + " configure regua.portal.keys) to a secret of your own in remote mode");
    }
    if (properties.activeKey() == null || !properties.keys().containsKey(properties.activeKey())) {
      throw new IllegalStateException(
          "regua.portal.active-key must name one of regua.portal.keys (the portal links' HMAC"
              + " keys)");
    }
    properties.keys().forEach(PortalTokens::checkKey);
    this.properties = properties;
    this.clock = clock;
  }

  private static void checkKey(String id, String secret) {
    if (!id.matches("[A-Za-z0-9_-]{1,16}")) {
      throw new IllegalStateException("regua.portal.keys: a key id is 1-16 letters or digits");
    }
    if (secret == null || secret.length() < 32) {
      throw new IllegalStateException(
          "regua.portal.keys." + id + ": a portal key has at least 32 characters");
    }
  }

  /** The portal link of the debt, issued today. */
  public String link(UUID paymentToken) {
    return properties.baseUrl() + "/" + issue(paymentToken, LocalDate.now(clock));
  }

  public String issue(UUID paymentToken, LocalDate issuedOn) {
    String kid = properties.activeKey();
    byte[] payload =
        ByteBuffer.allocate(PAYLOAD_BYTES)
            .putLong(paymentToken.getMostSignificantBits())
            .putLong(paymentToken.getLeastSignificantBits())
            .putShort((short) (issuedOn.toEpochDay() - EPOCH.toEpochDay()))
            .array();
    byte[] mac = mac(properties.keys().get(kid), kid, payload);
    return kid
        + "."
        + B64.encodeToString(
            ByteBuffer.allocate(PAYLOAD_BYTES + MAC_BYTES).put(payload).put(mac).array());
  }

  /**
   * The claims of a token signed by a known key and not expired today; empty for anything else,
   * without saying why (unknown, forged, expired and malformed look alike).
   */
  public Optional<Claims> verify(String token) {
    if (token == null || token.length() > 100) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 2) {
      return Optional.empty();
    }
    String secret = properties.keys().get(parts[0]);
    if (secret == null) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = B64D.decode(parts[1]);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (bytes.length != PAYLOAD_BYTES + MAC_BYTES) {
      return Optional.empty();
    }
    byte[] payload = Arrays.copyOf(bytes, PAYLOAD_BYTES);
    byte[] mac = Arrays.copyOfRange(bytes, PAYLOAD_BYTES, bytes.length);
    if (!MessageDigest.isEqual(mac, mac(secret, parts[0], payload))) {
      return Optional.empty();
    }
    ByteBuffer buffer = ByteBuffer.wrap(payload);
    UUID paymentToken = new UUID(buffer.getLong(), buffer.getLong());
    LocalDate issuedOn = EPOCH.plusDays(Short.toUnsignedInt(buffer.getShort()));
    LocalDate today = LocalDate.now(clock);
    LocalDate lastDay = issuedOn.plusDays(properties.linkValidity().toDays());
    if (issuedOn.isAfter(today) || today.isAfter(lastDay)) {
      return Optional.empty();
    }
    return Optional.of(new Claims(paymentToken, issuedOn));
  }

  /** The MAC covers the key id too: a token cannot be moved to another key. */
  private static byte[] mac(String secret, String kid, byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((kid + ".").getBytes(StandardCharsets.UTF_8));
      return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
