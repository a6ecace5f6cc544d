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
        .contains("synthetic", "50000 borrowers", "seed 8");
    var risky =
        FeatureVector.of(
            Map.of(
                Feature.WALLET_AGE_DAYS, 200.0,
                Feature.BORROW_COUNT, 3.0,
                Feature.MIN_HEALTH_FACTOR, 1.02,
                Feature.REPAY_RATIO, 0.1));
    var safe = risky.with(Feature.MIN_HEALTH_FACTOR, 4).with(Feature.REPAY_RATIO, 0.95);
    assertThat(loaded.scorecard().score(risky).score())
        .isLessThan(loaded.scorecard().score(safe).score());
  }
}
