package br.com.regua.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An integration authenticated by its API key. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

  record Client(String id) {}

  private final Client client;

  ApiKeyAuthentication(SecurityProperties.ApiClient client) {
    super(client.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
    this.client = new Client(client.id());
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Object getPrincipal() {
    return client;
  }

  @Override
  public String getName() {
    return client.id();
  }

  /** The configured client whose key hashes to the key's SHA-256, compared in constant time. */
  static Optional<SecurityProperties.ApiClient> match(
      List<SecurityProperties.ApiClient> clients, String key) {
    byte[] digest = sha256(key);
    SecurityProperties.ApiClient found = null;
    for (SecurityProperties.ApiClient client : clients) {
      byte[] expected = HexFormat.of().parseHex(client.keySha256().trim().toLowerCase());
      if (MessageDigest.isEqual(digest, expected)) {
        found = client;
      }
    }
    return Optional.ofNullable(found);
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256Hex(String text) {
    return HexFormat.of().formatHex(sha256(text));
  }
}
