package br.com.regua.debt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The transitions table, as a reader checks it. */
class DebtLifecycleTest {

  @Test
  void everyStatusHasItsRow() {
    assertThat(DebtLifecycle.TRANSITIONS).containsOnlyKeys(DebtStatus.values());
  }

  @ParameterizedTest
  @EnumSource(
      value = DebtStatus.class,
      names = {"PAID", "CANCELLED"})
  void anEndIsFinal(DebtStatus end) {
    assertThat(Arrays.stream(DebtStatus.values()).filter(to -> to != end))
        .noneMatch(to -> DebtLifecycle.allows(end, to));
  }

  @ParameterizedTest
  @EnumSource(
      value = DebtStatus.class,
      names = {"HANDED_OFF", "WRITTEN_OFF"})
  void aDebtHandedOffOrWrittenOffIsStillOwedAndMayOnlyBePaid(DebtStatus end) {
    assertThat(Arrays.stream(DebtStatus.values()).filter(to -> to != end))
        .filteredOn(to -> DebtLifecycle.allows(end, to))
        .containsExactly(DebtStatus.PAID);
  }

  @ParameterizedTest
  @EnumSource(
      value = DebtStatus.class,
      names = {"ACTIVE", "PROMISED", "DISPUTED", "NEGATIVATED"})
  void anOpenDebtMayPauseResumeOrEnd(DebtStatus open) {
    assertThat(DebtLifecycle.allows(open, DebtStatus.PAID)).isTrue();
    assertThat(DebtLifecycle.allows(open, DebtStatus.RENEGOTIATED)).isTrue();
    assertThat(DebtLifecycle.allows(open, DebtStatus.WRITTEN_OFF)).isTrue();
  }

  @Test
  void aRenegotiatedDebtIsSettledOrReturnsToCollection() {
    assertThat(DebtLifecycle.allows(DebtStatus.RENEGOTIATED, DebtStatus.PAID)).isTrue();
    assertThat(DebtLifecycle.allows(DebtStatus.RENEGOTIATED, DebtStatus.ACTIVE)).isTrue();
    assertThat(DebtLifecycle.allows(DebtStatus.RENEGOTIATED, DebtStatus.PROMISED)).isFalse();
    assertThat(DebtLifecycle.allows(DebtStatus.RENEGOTIATED, DebtStatus.WRITTEN_OFF)).isFalse();
  }
}
