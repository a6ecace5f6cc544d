package io.credence.scoring.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.credence.scoring.features.Feature;
import io.credence.scoring.features.FeatureSchema;
import io.credence.scoring.features.FeatureVector;
import io.credence.scoring.reasons.ReasonCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorecardTest {

  /**
   * Every feature has two bins split at 0.5 worth 10 points on its safer side, except health (bins
   * split at 1.2 and 2: 0, 60, 100 points), liquidations (none: 40, any: 0) and credit history
   * (split at 365: 0, 20).
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
            case CREDIT_HISTORY_DAYS ->
                new Characteristic(f, List.of(365.0), List.of(0, 20), List.of(0.2, -0.2));
            default ->
                f.riskDirection() == Feature.RiskDirection.FALLS
                    ? new Characteristic(f, List.of(0.5), List.of(0, 10), List.of(0.1, -0.1))
                    : new Characteristic(f, List.of(0.5), List.of(10, 0), List.of(-0.1, 0.1));
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
            Feature.MIN_HEALTH_FACTOR, health,
            Feature.LIQUIDATION_COUNT, liquidations,
            Feature.DAYS_SINCE_LAST_LIQUIDATION, liquidations > 0 ? 100.0 : 3650.0,
            Feature.WALLET_AGE_DAYS, 900.0,
            Feature.CREDIT_HISTORY_DAYS, 400.0,
            Feature.REPAID_SHARE, 0.9,
            Feature.PEAK_LTV, 0.4,
            Feature.LIQUIDATED_SHARE, 0.0,
            Feature.SHORT_CYCLE_SHARE, 0.0));
  }

  static int expectedScore(Scorecard s, FeatureVector v) {
    int total = s.definition().baseScore();
    for (Characteristic c : s.definition().characteristics()) {
      total += c.points().get(c.binOf(v.get(c.feature())));
    }
    return s.definition().scaling().clamp(total);
  }

  @Test
  void scoreIsBasePlusThePointsOfEachFeaturesBin() {
    FeatureVector v = borrower(1.5, 0);
    Scorecard s = scorecard(400);

    ScoreResult r = s.score(v);

    assertThat(r.score()).isEqualTo(expectedScore(s, v)).isEqualTo(s.points(v));
    assertThat(r.modelId()).isEqualTo("test-model");
    assertThat(r.band()).isEqualTo(BandScheme.DEFAULT.bandOf(r.score()).name());
    assertThat(r.probabilityOfDefault())
        .isCloseTo(ScoreScaling.DEFAULT.probabilityOfDefault(r.score()), within(1e-15));
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
  void reasonCodesAddUpTheLostPointsOfEachFactorAndRankThem() {
    ScoreResult r = scorecard(400).score(borrower(1.1, 3).with(Feature.LIQUIDATED_SHARE, 0.6));

    assertThat(r.reasonCodes()).hasSizeLessThanOrEqualTo(Scorecard.MAX_REASONS);
    // Health lost 100; liquidations lost 40 (count) + 10 (share) = 50, counted as one code.
    assertThat(r.reasonCodes().subList(0, 2)).containsExactly(ReasonCode.CR27, ReasonCode.CR26);
    assertThat(r.reasonCodes().get(0).text()).contains("health factor");
  }

  @Test
  void anOldLiquidationThatStillCostsPointsIsNamed() {
    // 400 days ago: past the recency edge, but the count still costs 40 points.
    FeatureVector old =
        borrower(5, 1).with(Feature.DAYS_SINCE_LAST_LIQUIDATION, 400).with(Feature.TX_COUNT, 0);

    ScoreResult r = scorecard(400).score(old);

    assertThat(r.reasonCodes()).first().isEqualTo(ReasonCode.CR26);
    assertThat(ReasonCode.CR26.text()).contains("Liquidations in your lending history");
  }

  @Test
  void aBorrowerInEveryBestBinGetsNoReasonCodes() {
    double[] best = new double[FeatureSchema.FEATURES.size()];
    for (Feature f : FeatureSchema.FEATURES) {
      best[f.ordinal()] = f.riskDirection() == Feature.RiskDirection.FALLS ? f.max() : f.min();
    }
    assertThat(scorecard(300).score(FeatureVector.of(best)).reasonCodes()).isEmpty();
  }

  @Test
  void aMissingValueNeverEarnsMoreThanAnyRealValue() {
    Scorecard s = scorecard(400);
    FeatureVector base = borrower(1.5, 0);
    for (Feature f : FeatureSchema.FEATURES) {
      if (f == Feature.CREDIT_HISTORY_DAYS) {
        continue; // missing credit history is a thin file: not scored at all (next test)
      }
      int missing = s.score(base.with(f, Double.NaN)).score();
      for (double x : new double[] {f.min(), f.max(), (f.min() + f.max()) / 2, 0.3, 1.1}) {
        assertThat(missing)
            .as("%s missing vs %s", f.column(), x)
            .isLessThanOrEqualTo(s.score(base.with(f, x)).score());
      }
    }
  }

  @Test
  void aThinFileIsNotScored() {
    FeatureVector thin = borrower(5, 0).with(Feature.CREDIT_HISTORY_DAYS, 179);

    assertThat(Scorecard.isScorable(thin)).isFalse();
    assertThatThrownBy(() -> scorecard(400).score(thin))
        .isInstanceOf(InsufficientHistoryException.class)
        .hasMessageContaining("not enough credit history to score")
        .hasMessageContaining("at least 180 days old (it is 179)");
    assertThatThrownBy(
            () -> scorecard(400).score(thin.with(Feature.CREDIT_HISTORY_DAYS, Double.NaN)))
        .isInstanceOf(InsufficientHistoryException.class);
    assertThat(Scorecard.isScorable(thin.with(Feature.CREDIT_HISTORY_DAYS, 180))).isTrue();
  }

  @Test
  void scoresAreClampedToTheScaleAndTheFloatModelIsKept() {
    assertThat(scorecard(900).score(borrower(5, 0)).score()).isEqualTo(850);
    assertThat(scorecard(100).score(borrower(1.0, 2)).score()).isEqualTo(300);
    assertThat(scorecard(400).floatLogOdds(borrower(1.0, 2)))
        .as("intercept + 1.5 (health) + 0.5 (liquidations) + the two-bin features")
        .isBetween(-3.0 + 2.0 - 1.4, -3.0 + 2.0 + 1.4);
  }

  @Test
  void everyFeatureHasOneReasonCodeAndEveryCodeItsOwnText() {
    for (Feature f : FeatureSchema.FEATURES) {
      assertThat(ReasonCode.forFeature(f).features()).contains(f);
    }
    assertThat(Arrays.stream(ReasonCode.values()).flatMap(c -> c.features().stream()).toList())
        .doesNotHaveDuplicates()
        .hasSize(FeatureSchema.FEATURES.size());
    assertThat(new HashSet<>(Arrays.stream(ReasonCode.values()).map(ReasonCode::text).toList()))
        .hasSize(ReasonCode.values().length);
    assertThat(Arrays.stream(ReasonCode.values()).map(Enum::name))
        .as("schema-1 codes are never reused")
        .noneMatch(n -> n.compareTo("CR21") < 0);
  }

  @Test
  void pointsThatRewardTheRiskierSideOfAFeatureAreRefused() {
    assertThatThrownBy(
            () ->
                new Characteristic(
                    Feature.MIN_HEALTH_FACTOR, List.of(1.5), List.of(30, 0), List.of(0.0, 0.5)))
        .hasMessageContaining("MIN_HEALTH_FACTOR: points must not fall as the value grows");
    assertThatThrownBy(
            () ->
                new Characteristic(
                    Feature.PEAK_LTV, List.of(0.7), List.of(0, 20), List.of(0.0, 0.0)))
        .hasMessageContaining("PEAK_LTV: points must not rise");
  }

  @Test
  void definitionsMustFollowTheSchemaVersionAndOrder() {
    List<Characteristic> cs = new ArrayList<>(scorecard(400).definition().characteristics());
    assertThatThrownBy(
            () ->
                new ScorecardDefinition("0", ScoreScaling.DEFAULT, BandScheme.DEFAULT, 400, 0, cs))
        .hasMessageContaining("feature schema version 0 is not supported");
    assertThatThrownBy(
            () ->
                new ScorecardDefinition("1", ScoreScaling.DEFAULT, BandScheme.DEFAULT, 400, 0, cs))
        .hasMessageContaining("feature schema 1 was retired");
    java.util.Collections.swap(cs, 0, 1);
    assertThatThrownBy(
            () ->
                new ScorecardDefinition(
                    FeatureSchema.VERSION, ScoreScaling.DEFAULT, BandScheme.DEFAULT, 400, 0, cs))
        .hasMessageContaining("must follow the schema");
  }
}
