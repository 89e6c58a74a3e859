package br.com.regua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Development credentials exist in embedded mode with nothing configured, and nowhere else. */
class CredentialsTest {

  private static SecurityProperties nothingConfigured(boolean devCredentials) {
    return new SecurityProperties(
        List.of(), List.of(), Map.of(), Duration.ofMinutes(5), devCredentials);
  }

  @Test
  void embeddedModeWithNothingConfiguredHasTheDevelopmentOnes() {
    Credentials credentials = new Credentials(nothingConfigured(true), new MockEnvironment());
    assertThat(ApiKeyAuthentication.match(credentials.apiClients(), Credentials.DEV_API_KEY))
        .get()
        .extracting(SecurityProperties.ApiClient::roles)
        .isEqualTo(Set.of(Role.values()));
    assertThat(credentials.users())
        .extracting(SecurityProperties.User::username)
        .containsExactly("agente", "supervisora");
    assertThat(credentials.webhookSecret("sms")).contains(Credentials.DEV_WEBHOOK_SECRET);
  }

  @Test
  void remoteModeNeverHasThem() {
    Credentials credentials =
        new Credentials(
            nothingConfigured(true),
            new MockEnvironment().withProperty("regua.engine.mode", "remote"));
    assertThat(credentials.apiClients()).isEmpty();
    assertThat(credentials.users()).isEmpty();
    assertThat(credentials.webhookSecret("sms")).isEmpty();
  }

  @Test
  void configuredClientsReplaceThemAndOnlyTheirKeyMatches() {
    var erp =
        new SecurityProperties.ApiClient(
            "erp", ApiKeyAuthentication.sha256Hex("s3cret"), Set.of(Role.INTEGRATION));
    Credentials credentials =
        new Credentials(
            new SecurityProperties(List.of(erp), List.of(), Map.of(), Duration.ofMinutes(5), true),
            new MockEnvironment());
    assertThat(ApiKeyAuthentication.match(credentials.apiClients(), "s3cret")).contains(erp);
    assertThat(ApiKeyAuthentication.match(credentials.apiClients(), "s3cret ")).isEmpty();
    assertThat(ApiKeyAuthentication.match(credentials.apiClients(), Credentials.DEV_API_KEY))
        .isEmpty();
    assertThat(credentials.users()).isEmpty();
  }
}
