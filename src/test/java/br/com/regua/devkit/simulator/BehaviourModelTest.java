package br.com.regua.devkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class BehaviourModelTest {

  /** The default journey's messages, in days overdue: D-3, D0, D+3, D+7, D+15, D+20. */
  private static final Set<Integer> JOURNEY_MESSAGES = Set.of(-3, 0, 3, 7, 15, 20);

  @Test
  void ofTheDebtsThatSettleAbout85PercentSettleWithin30DaysOverdueAnd15PercentAfter60() {
    // given the calibrated model, seed 42, and the default journey's messages
    BehaviourModel model = new BehaviourModel(42);
    int debts = 5_000;
    int within30 = 0, between = 0, after60 = 0;

    // when each debtor lives through D-5 to D+90
    for (int debt = 0; debt < debts; debt++) {
      int score = (int) (model.draw(debt, -100, 0) * 1001);
      for (int t = -5; t <= 90; t++) {
        var received =
            new BehaviourModel.Received(
                JOURNEY_MESSAGES.contains(t), JOURNEY_MESSAGES.contains(t - 1), 0, false, false);
        if (model.decide(debt, t, score, t, received, false).pays()) {
          if (t <= 30) {
            within30++;
          } else if (t <= 60) {
            between++;
          } else {
            after60++;
          }
          break;
        }
      }
    }

    // then
    double settled = within30 + between + after60;
    assertThat(settled / debts).isBetween(0.35, 0.75);
    assertThat(within30 / settled).isBetween(0.80, 0.90);
    assertThat(after60 / settled).isBetween(0.10, 0.20);
  }

  @Test
  void propensityFallsWithDaysOverdueAndRisesWithAMessage() {
    BehaviourModel model = new BehaviourModel(1);
    var nothing = BehaviourModel.Received.NOTHING;
    var message = new BehaviourModel.Received(true, false, 1, false, false);

    assertThat(model.paymentPropensity(500, 1, nothing))
        .isGreaterThan(model.paymentPropensity(500, 10, nothing))
        .isGreaterThan(model.paymentPropensity(500, 30, nothing));
    assertThat(model.paymentPropensity(500, 5, message))
        .isGreaterThan(model.paymentPropensity(500, 5, nothing));
    assertThat(model.paymentPropensity(900, 5, nothing))
        .isGreaterThan(model.paymentPropensity(100, 5, nothing));
    assertThat(model.paymentPropensity(500, -6, message)).isZero();
  }

  @Test
  void theSameSeedGivesTheSameDebtorTheSameDaysAndAnotherSeedOtherDays() {
    BehaviourModel a = new BehaviourModel(42),
        b = new BehaviourModel(42),
        c = new BehaviourModel(7);
    var received = new BehaviourModel.Received(true, true, 2, true, true);
    int differences = 0;
    for (int debt = 0; debt < 200; debt++) {
      for (int day = 0; day < 30; day++) {
        assertThat(a.decide(debt, day, 600, day - 5, received, false))
            .isEqualTo(b.decide(debt, day, 600, day - 5, received, false));
        differences += a.draw(debt, day, 1) == c.draw(debt, day, 1) ? 0 : 1;
      }
    }
    assertThat(differences).isGreaterThan(5_900);
  }

  @Test
  void promisesComeOnlyAfterAnOverdueMessageAndSomeAreBroken() {
    BehaviourModel model = new BehaviourModel(42);
    var overdueMessage = new BehaviourModel.Received(true, false, 0, true, true);
    int promises = 0, kept = 0, withoutMessage = 0;
    for (int debt = 0; debt < 5_000; debt++) {
      var actions = model.decide(debt, 10, 800, 5, overdueMessage, false);
      if (actions.promiseInDays() > 0) {
        promises++;
        kept += actions.promiseKept() ? 1 : 0;
        assertThat(actions.promiseInDays()).isBetween(3, 5);
      }
      withoutMessage +=
          model.decide(debt, 10, 800, 5, BehaviourModel.Received.NOTHING, false).promiseInDays();
    }
    assertThat(promises).isBetween(200, 500);
    assertThat((double) kept / promises).isBetween(0.5, 0.7);
    assertThat(withoutMessage).isZero();
  }
}
