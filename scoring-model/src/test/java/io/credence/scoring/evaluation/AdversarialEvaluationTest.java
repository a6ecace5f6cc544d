package io.credence.scoring.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.scoring.TestModels;
import io.credence.scoring.evaluation.AdversarialEvaluation.StrategyResult;
import io.credence.scoring.simulation.Adversary;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Acceptance: what each gaming strategy buys the band-D borrowers of the held-out split. */
class AdversarialEvaluationTest {

  static final Map<String, StrategyResult> RESULTS =
      AdversarialEvaluation.evaluate(
              TestModels.model().scorecard(),
              TestModels.heldOutHistories(),
              SyntheticValidation.ADVERSARY_SEED)
          .stream()
          .collect(Collectors.toMap(StrategyResult::strategy, Function.identity()));

  @Test
  void everyStrategyIsTriedOnEveryHonestBandDBorrower() {
    assertThat(RESULTS.keySet())
        .containsExactlyInAnyOrder(
            List.of(Adversary.values()).stream().map(Enum::name).toArray(String[]::new));
    assertThat(RESULTS.values()).allSatisfy(r -> assertThat(r.borrowers()).isGreaterThan(300));
  }

  @Test
  void cheapStrategiesBuyAtMost30PointsAndAtMostOneBand() {
    for (Adversary a :
        List.of(Adversary.WASH_TRADER, Adversary.DUST_COLLATERAL, Adversary.TX_SPAMMER)) {
      StrategyResult r = RESULTS.get(a.name());
      assertThat(r.applicable()).as(a.name()).isEqualTo(r.borrowers());
      assertThat(r.worstUplift()).as(a.name()).isLessThanOrEqualTo(30);
      assertThat(r.maxBandsCrossed()).as(a.name()).isLessThanOrEqualTo(1);
      assertThat(r.bandACount()).as(a.name()).isZero();
    }
  }

  @Test
  void aFarmedThinFileIsNeverScored() {
    StrategyResult r = RESULTS.get(Adversary.THIN_FILE_FARMER.name());

    assertThat(r.refused()).isEqualTo(r.applicable()).isEqualTo(r.borrowers());
    assertThat(r.bandACount()).isZero();
  }

  @Test
  void theBaselineOfTheSchemaOneModelIsRecordedForEveryStrategy() {
    var before = SyntheticValidation.baseline();

    assertThat(before.keySet()).containsAll(RESULTS.keySet());
    assertThat(before.get("WASH_TRADER").worstUplift()).isEqualTo(179);
    assertThat(before.get("THIN_FILE_FARMER").bandACount()).isEqualTo(2_900);
  }
}
