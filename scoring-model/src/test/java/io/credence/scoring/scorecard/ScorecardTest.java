package io.credence.scoring.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.credence.scoring.features.Feature;
import io.credence.scoring.features.FeatureSchema;
import io.credence.scoring.features.FeatureVector;
import io.credence.scoring.reasons.ReasonCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorecardTest {

  /**
   * Every feature has two bins split at 0.5 worth 0 and 10 points, except health (bins split at 1.2
   * and 2: 0, 60, 100 points) and liquidations (more than 0: 0 points, none: 40).
   */
  static Scorecard scorecard(int base) {
    List<Characteristic> cs = new ArrayList<>();
    for (Feature f : FeatureSchema.FEATURES) {
      cs.add(
          switch (f) {
            case MIN_HEALTH_FACTOR ->
                new Characteristic(
                    f, List.of(1.2, 2.0), List.of(0, 60, 100), List.of(1.5, 0.0, -1.0));
            case LIQUIDATION_COUNT ->
                new Characteristic(f, List.of(0.0), List.of(40, 0), List.of(-0.5, 0.5));
            default -> new Characteristic(f, List.of(0.5), List.of(0, 10), List.of(0.1, -0.1));
          });
    }
    return new Scorecard(
        new ScorecardDefinition(
            FeatureSchema.VERSION, ScoreScaling.DEFAULT, BandScheme.DEFAULT, base, -3.0, cs),
        "test-model");
  }

  static FeatureVector borrower(double health, double liquidations) {
    return FeatureVector.of(
        Map.of(
            Feature.MIN_HEALTH_FACTOR,
            health,
            Feature.LIQUIDATION_COUNT,
            liquidations,
            Feature.WALLET_AGE_DAYS,
            900.0,
            Feature.BORROW_COUNT,
            2.0));
  }

  @Test
  void scoreIsBasePlusThePointsOfEachFeaturesBin() {
    // 14 two-bin features: missing values put most in the high bin (10), but repay ratio's missing
    // value is 1 (high bin) and the zeros sit in the low bin. Count explicitly:
    FeatureVector v = borrower(1.5, 0);
    int expected = 400 + 60 + 40;
    for (Feature f : FeatureSchema.FEATURES) {
      if (f != Feature.MIN_HEALTH_FACTOR && f != Feature.LIQUIDATION_COUNT) {
        expected += v.get(f) <= 0.5 ? 0 : 10;
      }
    }
    ScoreResult r = scorecard(400).score(v);

    assertThat(r.score()).isEqualTo(expected);
    assertThat(r.modelId()).isEqualTo("test-model");
    assertThat(r.band()).isEqualTo(BandScheme.DEFAULT.bandOf(expected).name());
    assertThat(r.probabilityOfDefault())
        .isCloseTo(ScoreScaling.DEFAULT.probabilityOfDefault(expected), within(1e-15));
  }

  @Test
  void edgesAreUpperInclusive() {
    Scorecard s = scorecard(400);
    assertThat(s.score(borrower(1.2, 0)).score() + 60)
        .isEqualTo(s.score(borrower(1.2000001, 0)).score());
    assertThat(s.score(borrower(2.0, 0)).score() + 40)
        .isEqualTo(s.score(borrower(2.0000001, 0)).score());
  }

  @Test
  void reasonCodesRankTheFactorsThatLostMostPointsAgainstTheirBestBin() {
    ScoreResult r = scorecard(400).score(borrower(1.1, 3));

    assertThat(r.reasonCodes()).hasSizeLessThanOrEqualTo(Scorecard.MAX_REASONS);
    assertThat(r.reasonCodes().subList(0, 2)).containsExactly(ReasonCode.CR13, ReasonCode.CR09);
    assertThat(r.reasonCodes().get(0).text()).contains("health factor");
    // The remaining codes are 10-point shortfalls, in schema order.
    List<ReasonCode> rest = r.reasonCodes().subList(2, r.reasonCodes().size());
    assertThat(rest)
        .isSortedAccordingTo(
            (a, b) -> Integer.compare(a.feature().ordinal(), b.feature().ordinal()));
  }

  @Test
  void aBorrowerInEveryBestBinGetsNoReasonCodes() {
    double[] best = new double[FeatureSchema.FEATURES.size()];
    java.util.Arrays.fill(best, 1.0);
    best[Feature.MIN_HEALTH_FACTOR.ordinal()] = 5;
    best[Feature.WALLET_AGE_DAYS.ordinal()] = 900;
    best[Feature.LIQUIDATION_COUNT.ordinal()] = 0;
    assertThat(scorecard(300).score(FeatureVector.of(best)).reasonCodes()).isEmpty();
  }

  @Test
  void scoresAreClampedToTheScaleAndTheFloatModelIsKept() {
    assertThat(scorecard(900).score(borrower(5, 0)).score()).isEqualTo(850);
    assertThat(scorecard(100).score(borrower(1.0, 2)).score()).isEqualTo(300);
    assertThat(scorecard(400).floatLogOdds(borrower(1.0, 2)))
        .as("intercept + 1.5 (health) + 0.5 (liquidations) + 14 two-bin features")
        .isBetween(-3.0 + 2.0 - 1.4 - 1e-9, -3.0 + 2.0 + 1.4 + 1e-9);
  }

  @Test
  void aBorrowerWithoutBorrowingHistoryIsNotScored() {
    FeatureVector noBorrows = borrower(5, 0).with(Feature.BORROW_COUNT, 0);

    assertThat(Scorecard.isScorable(noBorrows)).isFalse();
    assertThatThrownBy(() -> scorecard(400).score(noBorrows))
        .isInstanceOf(InsufficientHistoryException.class)
        .hasMessageContaining("not enough history to score");
    assertThat(Scorecard.isScorable(borrower(5, 0).with(Feature.WALLET_AGE_DAYS, 89))).isFalse();
    assertThat(Scorecard.isScorable(borrower(5, 0).with(Feature.WALLET_AGE_DAYS, 90))).isTrue();
  }

  @Test
  void everyFeatureHasOneStableReasonCode() {
    for (Feature f : FeatureSchema.FEATURES) {
      assertThat(ReasonCode.forFeature(f).feature()).isEqualTo(f);
    }
    assertThat(ReasonCode.values()).hasSize(FeatureSchema.FEATURES.size());
    assertThat(ReasonCode.CR13.feature()).isEqualTo(Feature.MIN_HEALTH_FACTOR);
  }

  @Test
  void definitionsMustFollowTheSchemaVersionAndOrder() {
    List<Characteristic> cs = new ArrayList<>(scorecard(400).definition().characteristics());
    assertThatThrownBy(
            () ->
                new ScorecardDefinition("0", ScoreScaling.DEFAULT, BandScheme.DEFAULT, 400, 0, cs))
        .hasMessageContaining("feature schema version 0 is not supported");
    java.util.Collections.swap(cs, 0, 1);
    assertThatThrownBy(
            () ->
                new ScorecardDefinition(
                    FeatureSchema.VERSION, ScoreScaling.DEFAULT, BandScheme.DEFAULT, 400, 0, cs))
        .hasMessageContaining("must follow the schema");
  }
}
