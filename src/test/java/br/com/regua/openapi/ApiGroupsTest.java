package br.com.regua.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.mock.env.MockEnvironment;

/** The development tools' document exists in embedded mode only: remote mode has no such tools. */
class ApiGroupsTest {

  @Test
  void theDevelopmentGroupIsEmbeddedModesOnly() {
    assertThat(developmentGroup(new MockEnvironment())).isTrue();
    assertThat(developmentGroup(new MockEnvironment().withProperty("regua.engine.mode", "remote")))
        .isFalse();
    assertThat(developmentGroup(new MockEnvironment().withProperty("camunda.client.mode", "saas")))
        .isFalse();
  }

  private static boolean developmentGroup(MockEnvironment env) {
    ConditionContext context = mock(ConditionContext.class);
    when(context.getEnvironment()).thenReturn(env);
    return new ApiGroups.EmbeddedMode().matches(context, null);
  }
}
