package io.credence.scoring.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.scoring.features.Feature;
import io.credence.scoring.features.FeatureVector;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BundledModelTest {

  @Test
  void theBundledModelLoadsWithItsIdAndProvenance() {
    var loaded = ModelArtifacts.loadBundled();

    assertThat(loaded.scorecard().modelId()).matches("[0-9a-f]{64}");
    assertThat(loaded.artifact().provenance().trainingData())
        .contains(
            "synthetic", "simulation v3", "50000 borrowers", "seed 8", "10% gaming borrowers");
    assertThat(loaded.scorecard().definition().featureSchemaVersion()).isEqualTo("2");
    var risky =
        FeatureVector.of(
            Map.of(
                Feature.WALLET_AGE_DAYS, 400.0,
                Feature.CREDIT_HISTORY_DAYS, 300.0,
                Feature.MIN_HEALTH_FACTOR, 1.02,
                Feature.REPAID_SHARE, 0.1));
    var safe = risky.with(Feature.MIN_HEALTH_FACTOR, 4).with(Feature.REPAID_SHARE, 0.95);
    assertThat(loaded.scorecard().score(risky).score())
        .isLessThan(loaded.scorecard().score(safe).score());
  }
}
