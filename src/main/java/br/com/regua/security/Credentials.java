package br.com.regua.security;

import br.com.regua.engine.EngineMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.stereotype.Component;

/**
 * The credentials in force: {@code regua.security} as configured or, in embedded mode with nothing
 * configured, the development ones below, so that {@code bin/run} works out of the box. Remote mode
 * never gets them: a cluster's service without configured credentials lets no one in.
 */
@Component
public class Credentials {

  private static final Logger log = LoggerFactory.getLogger(Credentials.class);

  /** The development API key (embedded mode only), with every role. */
  public static final String DEV_API_KEY = "dev-integration-key";

  /** The development webhook secret of every provider (embedded mode only). */
  public static final String DEV_WEBHOOK_SECRET = "dev-webhook-secret";

  private final List<SecurityProperties.ApiClient> apiClients;
  private final List<SecurityProperties.User> users;
  private final Map<String, String> webhookSecrets;

  Credentials(SecurityProperties properties, Environment env) {
    boolean dev =
        properties.devCredentials()
            && EngineMode.of(env) == EngineMode.EMBEDDED
            && properties.apiClients().isEmpty()
            && properties.users().isEmpty();
    if (dev) {
      var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
      apiClients =
          List.of(
              new SecurityProperties.ApiClient(
                  "dev", ApiKeyAuthentication.sha256Hex(DEV_API_KEY), Set.of(Role.values())));
      users =
          List.of(
              new SecurityProperties.User(
                  "agente", encoder.encode("agente"), Set.of(Role.AGENT), List.of()),
              new SecurityProperties.User(
                  "supervisora",
                  encoder.encode("supervisora"),
                  Set.of(Role.SUPERVISOR),
                  List.of()));
      Map<String, String> secrets = new HashMap<>(properties.webhookSecrets());
      for (String provider : List.of("sms", "email", "whatsapp", "pix")) {
        secrets.putIfAbsent(provider, DEV_WEBHOOK_SECRET);
      }
      webhookSecrets = Map.copyOf(secrets);
      log.warn(
          "Embedded mode without configured credentials: development ones in force (X-Api-Key {},"
              + " desk users agente/agente and supervisora/supervisora, webhook secret {})."
              + " Configure regua.security for anything but a local run.",
          DEV_API_KEY,
          DEV_WEBHOOK_SECRET);
    } else {
      apiClients = List.copyOf(properties.apiClients());
      users = List.copyOf(properties.users());
      webhookSecrets = Map.copyOf(properties.webhookSecrets());
      if (apiClients.isEmpty() && users.isEmpty()) {
        log.warn("No API clients nor users configured (regua.security): every call is refused");
      }
    }
  }

  List<SecurityProperties.ApiClient> apiClients() {
    return apiClients;
  }

  List<SecurityProperties.User> users() {
    return users;
  }

  Optional<String> webhookSecret(String provider) {
    return Optional.ofNullable(webhookSecrets.get(provider)).filter(s -> !s.isBlank());
  }
}
