package io.credence.scoring;

import static io.credence.scoring.features.LendingEventType.BORROW;
import static io.credence.scoring.features.LendingEventType.LIQUIDATION;
import static io.credence.scoring.features.LendingEventType.REPAY;
import static io.credence.scoring.features.LendingEventType.SUPPLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.scoring.artifact.ModelArtifacts;
import io.credence.scoring.features.BorrowerHistory;
import io.credence.scoring.features.ChainActivity;
import io.credence.scoring.features.Feature;
import io.credence.scoring.features.FeatureSchema;
import io.credence.scoring.features.LendingEvent;
import io.credence.scoring.features.LendingEventType;
import io.credence.scoring.features.PositionSnapshot;
import io.credence.scoring.features.WalletActivity;
import io.credence.scoring.reasons.ReasonCode;
import io.credence.scoring.scorecard.BandScheme;
import io.credence.scoring.scorecard.Characteristic;
import io.credence.scoring.scorecard.InsufficientHistoryException;
import io.credence.scoring.scorecard.ScoreResult;
import io.credence.scoring.scorecard.Scorecard;
import io.credence.scoring.simulation.Adversary;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The model-risk review's attacks (issue 13), replayed on the bundled model from raw histories: a
 * weak borrower with a liquidation 20 days ago, a position at health 1.31 and a quarter of their
 * due debt repaid tries each cheap strategy.
 */
class GamingResistanceTest {

  static final Scorecard MODEL = ModelArtifacts.loadBundled().scorecard();
  static final Instant AS_OF = Instant.parse("2025-10-01T00:00:00Z");

  static Instant daysBefore(double days) {
    return AS_OF.minus(Duration.ofSeconds((long) (days * 86_400)));
  }

  static LendingEvent event(LendingEventType type, String asset, double usd, double daysAgo) {
    return new LendingEvent(type, "ethereum", "aave-v3", asset, usd, daysBefore(daysAgo));
  }

  static BorrowerHistory weakBorrower(int liquidationDaysAgo) {
    List<LendingEvent> events =
        List.of(
            event(SUPPLY, "WETH", 10_000, 420),
            event(BORROW, "USDC", 4_000, 400),
            event(REPAY, "USDC", 1_000, 310),
            event(BORROW, "USDC", 2_000, 250),
            event(LIQUIDATION, "USDC", 1_500, liquidationDaysAgo));
    Set<YearMonth> months = new HashSet<>();
    for (int m = 1; m <= 14; m++) {
      months.add(YearMonth.of(2025, 10).minusMonths(m));
    }
    WalletActivity activity =
        new WalletActivity(
            List.of(new ChainActivity("ethereum", daysBefore(430), 90, months)),
            List.of(new PositionSnapshot("ethereum", "aave-v3", 6_500, 0, 3_800, 1.31)));
    return new BorrowerHistory(events, activity, AS_OF);
  }

  static ScoreResult score(BorrowerHistory h) {
    return MODEL.score(h.features());
  }

  static int band(int score) {
    BandScheme bands = MODEL.definition().bands();
    return bands.bands().indexOf(bands.bandOf(score));
  }

  static void assertBuysAtMost30PointsAndOneBand(BorrowerHistory honest, BorrowerHistory gamed) {
    int before = score(honest).score();
    int after = score(gamed).score();
    assertThat(after - before).as("uplift from %d", before).isLessThanOrEqualTo(30);
    assertThat(band(before) - band(after)).isLessThanOrEqualTo(1);
  }

  @Test
  void theWeakBorrowerIsWeak() {
    ScoreResult r = score(weakBorrower(20));

    assertThat(r.band()).isIn("C", "D");
    assertThat(r.reasonCodes()).contains(ReasonCode.CR26, ReasonCode.CR27);
  }

  @Test
  void borrowAndRepayLoopsBuyNothingAndDoNotCancelALiquidation() {
    BorrowerHistory honest = weakBorrower(20);
    List<LendingEvent> loops = new ArrayList<>(honest.events());
    for (int i = 0; i < 200; i++) {
      loops.add(event(BORROW, "USDC", 50_000, 2 + i * 0.05));
      loops.add(event(REPAY, "USDC", 50_000, 2 + i * 0.05 - 90 / 86_400.0));
    }
    BorrowerHistory gamed = new BorrowerHistory(loops, honest.activity(), AS_OF);

    assertThat(score(gamed).score()).isLessThanOrEqualTo(score(honest).score());
    assertThat(score(gamed).reasonCodes()).contains(ReasonCode.CR26);
    assertBuysAtMost30PointsAndOneBand(
        honest, Adversary.WASH_TRADER.apply(honest, new SplittableRandom(1)));
  }

  @Test
  void oneUsdcOfStablecoinCollateralBuysNothing() {
    BorrowerHistory honest = weakBorrower(20);

    assertThat(score(Adversary.DUST_COLLATERAL.apply(honest, new SplittableRandom(1))).score())
        .isEqualTo(score(honest).score());
  }

  @Test
  void transactionSpamBuysAtMost30Points() {
    BorrowerHistory honest = weakBorrower(20);

    assertBuysAtMost30PointsAndOneBand(
        honest, Adversary.TX_SPAMMER.apply(honest, new SplittableRandom(1)));
  }

  @Test
  void aFreshWalletWithATenDollarLoopIsNotScoredLetAloneBandA() {
    BorrowerHistory farmed =
        Adversary.THIN_FILE_FARMER.apply(weakBorrower(20), new SplittableRandom(1));

    assertThat(farmed.features().get(Feature.CREDIT_HISTORY_DAYS)).isZero();
    assertThatThrownBy(() -> score(farmed))
        .isInstanceOf(InsufficientHistoryException.class)
        .hasMessageContaining("not enough credit history");
  }

  @Test
  void aPatientThinFileYoungerThanSixMonthsIsNotScoredEither() {
    List<LendingEvent> events =
        List.of(
            event(SUPPLY, "WETH", 2_000, 170),
            event(BORROW, "USDC", 500, 170),
            event(REPAY, "USDC", 500, 100));
    BorrowerHistory thin = new BorrowerHistory(events, WalletActivity.NONE, AS_OF);

    assertThatThrownBy(() -> score(thin)).isInstanceOf(InsufficientHistoryException.class);
  }

  @Test
  void aMissingHealthFactorWithDebtScoresAsTheRiskiestNotAsNoDebt() {
    var v = weakBorrower(20).features();
    int missing = MODEL.score(v.with(Feature.MIN_HEALTH_FACTOR, Double.NaN)).score();

    assertThat(missing)
        .isLessThanOrEqualTo(MODEL.score(v.with(Feature.MIN_HEALTH_FACTOR, 1.0)).score());
    assertThat(missing).isLessThan(MODEL.score(v.with(Feature.MIN_HEALTH_FACTOR, 10)).score());
  }

  @Test
  void everyMissingFeatureScoresNoBetterThanItsRiskiestBin() {
    for (Characteristic c : MODEL.definition().characteristics()) {
      int atMissing = c.points().get(c.binOf(c.feature().missingValue()));
      assertThat(atMissing)
          .as(c.feature().column())
          .isEqualTo(c.points().stream().mapToInt(p -> p).min().orElseThrow());
    }
  }

  @Test
  void everyFeaturesPointsFollowItsRiskDirection() {
    for (Characteristic c : MODEL.definition().characteristics()) {
      List<Integer> p = new ArrayList<>(c.points());
      if (c.feature().riskDirection() == Feature.RiskDirection.RISES) {
        java.util.Collections.reverse(p);
      }
      assertThat(p).as(c.feature().column()).isSorted();
    }
    assertThat(FeatureSchema.FEATURES).hasSize(MODEL.definition().characteristics().size());
  }

  @Test
  void anOldLiquidationThatCostsPointsIsNamedAndAgeHelps() {
    ScoreResult recent = score(weakBorrower(20));
    ScoreResult old = score(weakBorrower(400));

    assertThat(old.score()).isGreaterThanOrEqualTo(recent.score());
    assertThat(old.pointsLost()).containsKey(ReasonCode.CR26);
    assertThat(old.pointsLost().get(ReasonCode.CR26)).isPositive();
    assertThat(old.reasonCodes())
        .hasSizeLessThanOrEqualTo(Scorecard.MAX_REASONS)
        .containsExactlyElementsOf(
            old.pointsLost().keySet().stream().limit(Scorecard.MAX_REASONS).toList());
    assertThat(recent.reasonCodes()).contains(ReasonCode.CR26);
  }

  @Test
  void aLargePositionIsNeverToldItIsSmall() {
    BorrowerHistory honest = weakBorrower(20);
    WalletActivity big =
        new WalletActivity(
            honest.activity().chains(),
            List.of(new PositionSnapshot("ethereum", "aave-v3", 2_500_000, 0, 1_000_000, 2.1)));

    ScoreResult r = score(new BorrowerHistory(honest.events(), big, AS_OF));

    assertThat(r.reasonCodes())
        .allSatisfy(c -> assertThat(c.text()).doesNotContainIgnoringCase("small"));
  }
}
