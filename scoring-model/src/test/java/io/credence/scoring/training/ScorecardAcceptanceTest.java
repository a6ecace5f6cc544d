package io.credence.scoring.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.scoring.TestModels;
import io.credence.scoring.data.LabelledBorrower;
import io.credence.scoring.data.LabelledDataset;
import io.credence.scoring.evaluation.EvaluationReport;
import io.credence.scoring.evaluation.EvaluationReport.BandRow;
import io.credence.scoring.features.Feature;
import io.credence.scoring.reasons.ReasonCode;
import io.credence.scoring.scorecard.Characteristic;
import io.credence.scoring.scorecard.Scorecard;
import io.credence.scoring.simulation.BorrowerSimulator;
import io.credence.scoring.simulation.SimulationConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The acceptance criteria on the held-out synthetic split. */
class ScorecardAcceptanceTest {

  @Test
  void scorecardDiscriminatesOnHeldOutBorrowers() {
    EvaluationReport r = TestModels.report();

    assertThat(r.rows() + r.refusedRows()).isEqualTo(4_500);
    assertThat(r.refusedRows()).as("thin files are refused, not scored").isBetween(300, 900);
    assertThat(r.auc()).as("held-out, 10%% gaming borrowers included").isGreaterThanOrEqualTo(0.85);
    assertThat(r.gini()).isEqualTo(2 * r.auc() - 1);
    assertThat(r.ks()).isBetween(0.3, 1.0);
    assertThat(r.brier()).isLessThan(r.defaultRate() * (1 - r.defaultRate()));
  }

  @Test
  void roundingToIntegerPointsCostsAtMostThreeThousandthsOfAuc() {
    EvaluationReport r = TestModels.report();

    assertThat(r.roundingAucLoss()).isLessThanOrEqualTo(0.003);
    assertThat(r.floatAuc() - r.auc()).isEqualTo(r.roundingAucLoss());
  }

  @Test
  void defaultRateFallsStrictlyFromBandDToBandAAndEveryBandIsUsed() {
    List<BandRow> bands = TestModels.report().bands();

    assertThat(bands).extracting(BandRow::band).containsExactly("A", "B", "C", "D");
    assertThat(bands).allSatisfy(b -> assertThat(b.rows()).isGreaterThan(100));
    // On this small split only the order is checked; the bundled model's report must also show
    // separate 95% intervals (BundledReportTest).
    for (int i = 1; i < bands.size(); i++) {
      assertThat(bands.get(i).defaultRate())
          .as("band %s vs %s", bands.get(i).band(), bands.get(i - 1).band())
          .isGreaterThan(bands.get(i - 1).defaultRate());
      assertThat(bands.get(i).ciLow()).isLessThan(bands.get(i).defaultRate());
    }
  }

  @Test
  void reportShowsTheChallengerBesideTheScorecard() {
    EvaluationReport r = TestModels.report();

    assertThat(r.challenger()).isNotNull();
    assertThat(r.challenger().description()).contains("XGBoost");
    assertThat(r.challenger().auc()).isGreaterThan(0.75);
    assertThat(r.toMarkdown())
        .contains("| AUC | " + String.format(java.util.Locale.ROOT, "%.4f", r.auc()))
        .contains(String.format(java.util.Locale.ROOT, "%.4f |\n", r.challenger().auc()))
        .contains("Calibration by score decile")
        .contains("| D | 300-579 |");
    assertThat(r.toJson()).contains("\"challenger\"", "\"deciles\"", "\"roundingAucLoss\"");
    assertThat(r.deciles()).hasSize(10);
  }

  @Test
  void pointsAreNonNegativeIntegersAndScoresStayOnTheScale() {
    Scorecard s = TestModels.model().scorecard();
    for (Characteristic c : s.definition().characteristics()) {
      assertThat(c.points()).contains(0).allSatisfy(p -> assertThat(p).isNotNegative());
    }
    for (LabelledBorrower b : TestModels.split().test().rows().subList(0, 500)) {
      if (Scorecard.isScorable(b.features())) {
        assertThat(s.score(b.features()).score()).isBetween(300, 850);
      }
    }
  }

  @Test
  void pointsNeverRewardTheRiskierSideOfAConstrainedFeature() {
    for (Characteristic c : TestModels.model().scorecard().definition().characteristics()) {
      List<Integer> p = c.points();
      switch (c.feature().riskDirection()) {
        case FALLS -> assertThat(p).as(c.feature().name()).isSorted();
        case RISES -> {
          List<Integer> reversed = new java.util.ArrayList<>(p);
          java.util.Collections.reverse(reversed);
          assertThat(reversed).as(c.feature().name()).isSorted();
        }
      }
    }
  }

  @Test
  void aBorrowerCloseToLiquidationHearsAboutHealthFirst() {
    Scorecard s = TestModels.model().scorecard();
    LabelledBorrower typical =
        TestModels.split().test().rows().stream()
            .filter(b -> Scorecard.isScorable(b.features()))
            .findFirst()
            .orElseThrow();
    var risky = typical.features().with(Feature.MIN_HEALTH_FACTOR, 1.01);
    var safe = typical.features().with(Feature.MIN_HEALTH_FACTOR, 10);

    assertThat(s.score(risky).score()).isLessThan(s.score(safe).score());
    assertThat(s.score(risky).reasonCodes()).first().isEqualTo(ReasonCode.CR27);
    assertThat(s.score(safe).reasonCodes()).doesNotContain(ReasonCode.CR27);
  }

  @Test
  void theSameSeedGivesTheSameModelId() {
    LabelledDataset data = BorrowerSimulator.simulate(SimulationConfig.of(3, 3_000));
    TrainerConfig config = TrainerConfig.defaults(3).withChallengerTrees(0);

    TrainedModel a = ScorecardTrainer.train(data, config);
    TrainedModel b =
        ScorecardTrainer.train(BorrowerSimulator.simulate(SimulationConfig.of(3, 3_000)), config);
    TrainedModel c = ScorecardTrainer.train(data, TrainerConfig.defaults(4).withChallengerTrees(0));

    assertThat(a.scorecard().modelId()).isEqualTo(b.scorecard().modelId()).matches("[0-9a-f]{64}");
    assertThat(c.scorecard().modelId()).isNotEqualTo(a.scorecard().modelId());
    assertThat(a.challenger()).isEmpty();
  }

  @Test
  void artifactCarriesProvenance() {
    var p = TestModels.model().artifact().provenance();

    assertThat(p.trainingData()).contains("synthetic", "seed 8", "[training split]");
    assertThat(p.seed()).isEqualTo(8);
    assertThat(p.featureSchemaVersion()).isEqualTo("2");
    assertThat(p.trainerConfig()).containsEntry("maxBins", 6);
    assertThat(p.tribuoProvenance())
        .containsEntry("class-name", "org.tribuo.classification.sgd.linear.LinearSGDModel")
        .containsKeys("trainer", "dataset", "tribuo-version")
        .doesNotContainKeys("trained-at", "java-version");
  }

  @Test
  void trainingRejectsTooLittleDataOrOneClass() {
    LabelledDataset small = BorrowerSimulator.simulate(SimulationConfig.of(1, 100));
    assertThatThrownBy(() -> ScorecardTrainer.train(small, TrainerConfig.defaults(1)))
        .hasMessageContaining("need at least 200 scorable training rows");
    LabelledDataset data = BorrowerSimulator.simulate(SimulationConfig.of(1, 400));
    LabelledDataset good =
        new LabelledDataset("goods", data.rows().stream().filter(r -> !r.defaulted()).toList());
    assertThatThrownBy(() -> ScorecardTrainer.train(good, TrainerConfig.defaults(1)))
        .hasMessageContaining("single class");
  }
}
