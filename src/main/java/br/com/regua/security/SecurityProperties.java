package br.com.regua.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code regua.security}: who may call the service.
 *
 * @param apiClients integrations, each with the SHA-256 (hex) of its key: the key itself is never
 *     stored ({@code printf %s "$KEY" | sha256sum})
 * @param users the people who sign in to the agent desk, with a {@code {bcrypt}} password hash and
 *     their teams (the candidate groups of the user tasks they may see; none: every queue)
 * @param webhookSecrets the HMAC secret of each provider's webhook: {@code sms}, {@code email},
 *     {@code whatsapp} (Meta's app secret); a webhook without one refuses every call
 * @param webhookReplayWindow how old a signed webhook's timestamp may be
 * @param devCredentials in embedded mode with no clients nor users configured, the development
 *     credentials of {@link DevCredentials}; never in remote mode
 */
@ConfigurationProperties("regua.security")
public record SecurityProperties(
    @DefaultValue List<ApiClient> apiClients,
    @DefaultValue List<User> users,
    @DefaultValue Map<String, String> webhookSecrets,
    @DefaultValue("5m") Duration webhookReplayWindow,
    @DefaultValue("true") boolean devCredentials) {

  public record ApiClient(String id, String keySha256, Set<Role> roles) {}

  public record User(String username, String password, Set<Role> roles, List<String> teams) {
    public User {
      teams = teams == null ? List.of() : List.copyOf(teams);
    }
  }
}
