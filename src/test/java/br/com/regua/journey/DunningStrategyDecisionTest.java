package br.com.regua.journey;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.engine.JourneyModel;
import br.com.regua.support.ProcessTestEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decision tables of {@code bpmn/dunning-strategy.dmn}, evaluated by the real engine: one test
 * per rule of {@code dunning-strategy} (which rule matched and what it decided), and the wait
 * between the notice and the negativation for each state.
 */
@Tag(ProcessTestEngine.TAG)
class DunningStrategyDecisionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ProcessTestEngine zeebe = ProcessTestEngine.get();

  @Test
  void rule1HighValueWithLateHistoryAndTimeToCallGetsThePreventiveCall() {
    Decided decided = decide(8_000, null, 3, "PF", 10);

    assertThat(decided.rule()).isEqualTo("StrategyRule1");
    assertThat(decided.text("name")).isEqualTo("intensive");
    assertThat(decided.flag("preventiveCall")).isTrue();
    assertThat(decided.flag("extraDayCall")).isTrue();
    assertThat(decided.flag("agentNegotiation")).isTrue();
    assertThat(decided.flag("negativationAllowed")).isTrue();
    assertThat(decided.number("maxDiscountPercent")).isEqualTo(15);
    assertThat(decided.number("maxInstallments")).isEqualTo(12);
    assertThat(decided.text("finalAction")).isEqualTo("HAND_OFF");
  }

  @Test
  void rule2HighValueWithLateHistoryTooCloseToDueSkipsThePreventiveCall() {
    Decided decided = decide(8_000, 900, 2, "PJ", 2);

    assertThat(decided.rule()).isEqualTo("StrategyRule2");
    assertThat(decided.text("name")).isEqualTo("intensive");
    assertThat(decided.flag("preventiveCall")).isFalse();
    assertThat(decided.flag("extraDayCall")).isTrue();
  }

  @Test
  void rule3LowPropensityIsIntensiveWithoutPreventiveCall() {
    Decided decided = decide(300, 120, 0, "PF", 10);

    assertThat(decided.rule()).isEqualTo("StrategyRule3");
    assertThat(decided.text("name")).isEqualTo("intensive");
    assertThat(decided.flag("preventiveCall")).isFalse();
    assertThat(decided.flag("agentNegotiation")).isTrue();
  }

  @Test
  void rule4SmallPersonalDebtWithoutLateHistoryIsLightAndNeverNegativated() {
    Decided decided = decide(150, null, 0, "PF", 10);

    assertThat(decided.rule()).isEqualTo("StrategyRule4");
    assertThat(decided.text("name")).isEqualTo("light");
    assertThat(decided.flag("negativationAllowed")).isFalse();
    assertThat(decided.flag("extraDayCall")).isFalse();
    assertThat(decided.text("finalAction")).isEqualTo("WRITE_OFF");
  }

  @Test
  void rule5HighPropensityIsLight() {
    Decided decided = decide(2_000, 850, 1, "PJ", 10);

    assertThat(decided.rule()).isEqualTo("StrategyRule5");
    assertThat(decided.text("name")).isEqualTo("light");
    assertThat(decided.flag("negativationAllowed")).isFalse();
  }

  @Test
  void rule6EverythingElseIsStandard() {
    Decided decided = decide(1_000, null, 0, "PF", 10);

    assertThat(decided.rule()).isEqualTo("StrategyRule6");
    assertThat(decided.text("name")).isEqualTo("standard");
    assertThat(decided.flag("preventiveCall")).isFalse();
    assertThat(decided.flag("extraDayCall")).isFalse();
    assertThat(decided.flag("negativationAllowed")).isTrue();
    assertThat(decided.flag("agentNegotiation")).isFalse();
    assertThat(decided.number("maxDiscountPercent")).isEqualTo(10);
    assertThat(decided.number("maxInstallments")).isEqualTo(6);
    assertThat(decided.number("promiseMaxDays")).isEqualTo(15);
    assertThat(decided.text("postponementPolicy")).isEqualTo("supersede");
  }

  @Test
  void aMissingPropensityScoreMatchesNoScoreRule() {
    // a small company debt without score: not light (rule 4 is for PF), not rule 3 or 5
    Decided decided = decide(150, null, 0, "PJ", 10);

    assertThat(decided.rule()).isEqualTo("StrategyRule6");
  }

  @ParameterizedTest(name = "{0}: {1} days")
  @CsvSource({"MT, 45", "SP, 20", "PE, 20", "PI, 15", "RJ, 10", "AM, 10"})
  void theNegativationWaitDependsOnTheDebtorsState(String state, int days) throws Exception {
    EvaluateDecisionResponse response =
        zeebe
            .client()
            .newEvaluateDecisionCommand()
            .decisionId(JourneyModel.NEGATIVATION_WAIT_DECISION)
            .variables(Map.of("debtorState", state))
            .send()
            .join();

    assertThat(JSON.readTree(response.getDecisionOutput()).asInt()).isEqualTo(days);
  }

  private record Decided(String rule, JsonNode output) {
    String text(String field) {
      return output.get(field).asText();
    }

    boolean flag(String field) {
      return output.get(field).asBoolean();
    }

    int number(String field) {
      return output.get(field).asInt();
    }
  }

  private Decided decide(
      int amount, Integer propensityScore, int latePayments, String debtorType, int daysToDue) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("amount", amount);
    inputs.put("propensityScore", propensityScore);
    inputs.put("latePaymentCount", latePayments);
    inputs.put("debtorType", debtorType);
    inputs.put("daysToDue", daysToDue);
    EvaluateDecisionResponse response =
        zeebe
            .client()
            .newEvaluateDecisionCommand()
            .decisionId(JourneyModel.DUNNING_STRATEGY_DECISION)
            .variables(inputs)
            .send()
            .join();
    try {
      return new Decided(
          response.getEvaluatedDecisions().getFirst().getMatchedRules().getFirst().getRuleId(),
          JSON.readTree(response.getDecisionOutput()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError("decision output is not JSON: " + response.getDecisionOutput(), e);
    }
  }
}
