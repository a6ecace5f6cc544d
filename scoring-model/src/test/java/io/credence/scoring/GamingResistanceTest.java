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
import io.credence.scoring.features.RelatedWallet;
import io.credence.scoring.features.Relation;
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
    assertThat(r.reasonCodes()).contains(ReasonCode.CR27);
    assertThat(r.pointsLost()).containsKey(ReasonCode.CR26);
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
    assertThat(score(gamed).pointsLost()).containsKey(ReasonCode.CR26);
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
    assertThat(recent.pointsLost()).containsKey(ReasonCode.CR26);
  }

  /**
   * A band-D borrower with two wallets: a clean one on ethereum, and one on arbitrum that was
   * liquidated 20 days ago and still carries a loan at health 1.12.
   */
  static BorrowerHistory twoWalletBorrower() {
    List<LendingEvent> events = new ArrayList<>(cleanWallet());
    events.addAll(liquidatedWallet());
    List<PositionSnapshot> positions = new ArrayList<>(cleanPositions());
    positions.addAll(liquidatedPositions());
    return new BorrowerHistory(
        events, new WalletActivity(weakBorrower(20).activity().chains(), positions), AS_OF);
  }

  static List<LendingEvent> cleanWallet() {
    return List.of(
        event(SUPPLY, "WETH", 10_000, 420),
        event(BORROW, "USDC", 3_000, 400),
        event(REPAY, "USDC", 3_000, 200),
        event(BORROW, "USDC", 2_000, 150),
        event(REPAY, "USDC", 1_000, 60));
  }

  static List<PositionSnapshot> cleanPositions() {
    return List.of(new PositionSnapshot("ethereum", "aave-v3", 9_000, 0, 1_000, 6.5));
  }

  static List<LendingEvent> liquidatedWallet() {
    return List.of(
        new LendingEvent(SUPPLY, "arbitrum", "aave-v3", "WETH", 8_000, daysBefore(300)),
        new LendingEvent(BORROW, "arbitrum", "aave-v3", "USDC", 5_500, daysBefore(290)),
        new LendingEvent(LIQUIDATION, "arbitrum", "aave-v3", "USDC", 2_750, daysBefore(20)));
  }

  static List<PositionSnapshot> liquidatedPositions() {
    return List.of(new PositionSnapshot("arbitrum", "aave-v3", 3_300, 0, 2_900, 1.12));
  }

  /** The two-wallet borrower links the clean wallet only; the sync finds {@code related}. */
  static BorrowerHistory cleanOnly(List<RelatedWallet> related) {
    return new BorrowerHistory(
        cleanWallet(),
        new WalletActivity(weakBorrower(20).activity().chains(), cleanPositions()),
        AS_OF,
        related);
  }

  static RelatedWallet hiddenWallet(Relation relation, double transferredUsd) {
    return new RelatedWallet(
        relation, "arbitrum", transferredUsd, liquidatedWallet(), liquidatedPositions());
  }

  @Test
  void hidingALiquidatedWalletThatIsRelatedByTransfersBuysAtMost30PointsAndOneBand() {
    BorrowerHistory honest = twoWalletBorrower();
    int honestScore = score(honest).score();
    assertThat(score(honest).band()).isEqualTo("D");
    assertThat(MODEL.score(cleanOnly(List.of())).score() - honestScore)
        .as("hidden and not found: the clean wallet alone buys a lot")
        .isGreaterThan(30);

    for (Relation relation : Relation.values()) {
      BorrowerHistory gamed = cleanOnly(List.of(hiddenWallet(relation, 10_000)));
      ScoreResult r = MODEL.score(gamed);

      assertThat(r.score() - honestScore).as(relation.name()).isLessThanOrEqualTo(30);
      assertThat(band(honestScore) - band(r.score())).as(relation.name()).isLessThanOrEqualTo(1);
      assertThat(r.score())
          .as("%s: the history-scored result is the score of its features", relation)
          .isEqualTo(MODEL.score(gamed.features()).score());
    }
  }

  @Test
  void theReasonNamesTheRelatedWalletAndThePointsItCostAddUp() {
    BorrowerHistory gamed = cleanOnly(List.of(hiddenWallet(Relation.FUNDED, 2_500)));
    ScoreResult r = MODEL.score(gamed);
    ScoreResult linkedOnly = MODEL.score(cleanOnly(List.of()));

    assertThat(r.pointsLost()).containsKey(ReasonCode.CR31);
    assertThat(r.pointsLost().get(ReasonCode.CR31))
        .as("exactly the points the related wallet took away")
        .isEqualTo(linkedOnly.score() - r.score());
    assertThat(r.reasonCodes()).contains(ReasonCode.CR31);
    assertThat(ReasonCode.CR31.text())
        .contains("did not link", "liquidated")
        .doesNotContainPattern("0x[0-9a-fA-F]");
    assertThat(r.pointsLost().values().stream().mapToInt(Integer::intValue).sum())
        .as("every lost point is named once")
        .isEqualTo(
            linkedOnly.pointsLost().values().stream().mapToInt(Integer::intValue).sum()
                + r.pointsLost().get(ReasonCode.CR31));
    assertThat(linkedOnly.pointsLost()).doesNotContainKey(ReasonCode.CR31);
  }

  @Test
  void aStrangersSmallPaymentCostsNothingAndAHealthyRelatedWalletAddsNothing() {
    BorrowerHistory linked = cleanOnly(List.of());
    ScoreResult alone = MODEL.score(linked);

    assertThat(MODEL.score(cleanOnly(List.of(hiddenWallet(Relation.FUNDED_BY, 9_999)))))
        .as("received below 10,000 USD is not a link")
        .isEqualTo(alone);
    assertThat(MODEL.score(cleanOnly(List.of(hiddenWallet(Relation.FUNDED, 999)))))
        .as("sent below 1,000 USD is not a link")
        .isEqualTo(alone);
    assertThat(MODEL.score(cleanOnly(List.of(hiddenWallet(Relation.BOTH, 99))))).isEqualTo(alone);

    RelatedWallet veteran =
        new RelatedWallet(
            Relation.BOTH,
            "base",
            80_000,
            List.of(
                new LendingEvent(SUPPLY, "base", "aave-v3", "USDC", 90_000, daysBefore(3_000)),
                new LendingEvent(BORROW, "base", "aave-v3", "WETH", 30_000, daysBefore(2_900)),
                new LendingEvent(REPAY, "base", "aave-v3", "WETH", 30_000, daysBefore(2_000))),
            List.of(new PositionSnapshot("base", "aave-v3", 90_000, 90_000, 0, Double.NaN)));
    assertThat(MODEL.score(cleanOnly(List.of(veteran))).score())
        .as("a long, clean, repaid record of a related wallet buys nothing")
        .isEqualTo(alone.score());
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
