package br.com.regua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class EngineModeTest {

  @Test
  void embeddedWhenNothingIsConfigured() {
    assertThat(EngineMode.of(new MockEnvironment())).isEqualTo(EngineMode.EMBEDDED);
  }

  @Test
  void aClusterAddressAloneDoesNotMeanRemote() {
    // the starter's self-managed defaults supply localhost:26500 even when nobody configured it
    var env =
        new MockEnvironment().withProperty("camunda.client.grpc-address", "http://zeebe:26500");

    assertThat(EngineMode.of(env)).isEqualTo(EngineMode.EMBEDDED);
  }

  @Test
  void remoteWhenAsked() {
    var env =
        new MockEnvironment()
            .withProperty("regua.engine.mode", "remote")
            .withProperty("camunda.client.grpc-address", "http://zeebe:26500");

    assertThat(EngineMode.of(env)).isEqualTo(EngineMode.REMOTE);
  }

  @Test
  void remoteForSaas() {
    var env = new MockEnvironment().withProperty("camunda.client.mode", "saas");

    assertThat(EngineMode.of(env)).isEqualTo(EngineMode.REMOTE);
  }

  @Test
  void theExplicitModeWins() {
    var env =
        new MockEnvironment()
            .withProperty("regua.engine.mode", "embedded")
            .withProperty("camunda.client.grpc-address", "http://zeebe:26500");

    assertThat(EngineMode.of(env)).isEqualTo(EngineMode.EMBEDDED);
  }
}
