package br.com.regua.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signatures providers put on their webhooks, and their checks.
 *
 * <ul>
 *   <li>SMS and email providers sign as Régua asks: {@code X-Regua-Timestamp} (Unix seconds) and
 *       {@code X-Regua-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. A
 *       timestamp outside the replay window is refused, so a captured call cannot be replayed
 *       later; within the window a replay changes nothing (receipts are idempotent).
 *   <li>Meta signs WhatsApp webhooks with {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app
 *       secret, body)>} and no timestamp: Meta itself redelivers for days, so no window applies; a
 *       replayed receipt changes nothing.
 *   <li>The PSP's Pix notifications come through a TLS-terminating proxy that checked the PSP's
 *       client certificate and adds {@code X-Regua-Webhook-Secret}; a replay changes nothing
 *       (idempotent by endToEndId).
 * </ul>
 */
public final class WebhookSignatures {

  public static final String TIMESTAMP = "X-Regua-Timestamp";
  public static final String SIGNATURE = "X-Regua-Signature";
  public static final String META_SIGNATURE = "X-Hub-Signature-256";

  /**
   * The shared secret a TLS-terminating proxy adds to the PSP's Pix notifications, once it has
   * checked the PSP's client certificate (the API Pix has no signature of its own: mTLS).
   */
  public static final String SHARED_SECRET = "X-Regua-Webhook-Secret";

  private WebhookSignatures() {}

  /** The signature header's value for a body signed at the instant. */
  public static String sign(String secret, long epochSecond, byte[] body) {
    return "sha256=" + HexFormat.of().formatHex(hmac(secret, signed(epochSecond, body)));
  }

  /** Meta's signature header's value for a body. */
  public static String signMeta(String appSecret, byte[] body) {
    return "sha256=" + HexFormat.of().formatHex(hmac(appSecret, body));
  }

  /** Why the call is refused, or empty when its signature and timestamp are good. */
  static Optional<String> checkRegua(
      String secret,
      String timestamp,
      String signature,
      byte[] body,
      Instant now,
      Duration window) {
    if (timestamp == null || signature == null) {
      return Optional.of("missing " + TIMESTAMP + " or " + SIGNATURE);
    }
    long epochSecond;
    try {
      epochSecond = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return Optional.of(TIMESTAMP + " must be Unix seconds");
    }
    if (Math.abs(now.getEpochSecond() - epochSecond) > window.toSeconds()) {
      return Optional.of(TIMESTAMP + " outside the replay window of " + window.toSeconds() + " s");
    }
    return matches(signature, hmac(secret, signed(epochSecond, body)))
        ? Optional.empty()
        : Optional.of(SIGNATURE + " does not match the body");
  }

  static Optional<String> checkMeta(String appSecret, String signature, byte[] body) {
    if (signature == null) {
      return Optional.of("missing " + META_SIGNATURE);
    }
    return matches(signature, hmac(appSecret, body))
        ? Optional.empty()
        : Optional.of(META_SIGNATURE + " does not match the body");
  }

  static Optional<String> checkSharedSecret(String secret, String header) {
    if (header == null) {
      return Optional.of("missing " + SHARED_SECRET);
    }
    // compared as digests, so the time taken says nothing about the secret, not even its length
    return MessageDigest.isEqual(
            hmac(secret, header.getBytes(StandardCharsets.UTF_8)),
            hmac(secret, secret.getBytes(StandardCharsets.UTF_8)))
        ? Optional.empty()
        : Optional.of(SHARED_SECRET + " does not match");
  }

  private static boolean matches(String header, byte[] expected) {
    String value = header.trim();
    if (!value.startsWith("sha256=")) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(value.substring("sha256=".length()).toLowerCase());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(given, expected);
  }

  private static byte[] signed(long epochSecond, byte[] body) {
    byte[] prefix = (epochSecond + ".").getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, all, 0, prefix.length);
    System.arraycopy(body, 0, all, prefix.length, body.length);
    return all;
  }

  private static byte[] hmac(String secret, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
