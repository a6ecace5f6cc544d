package io.credence.scoring.features;

import static io.credence.scoring.features.FeatureExtractorTest.AS_OF;
import static io.credence.scoring.features.FeatureExtractorTest.daysBefore;
import static io.credence.scoring.features.FeatureExtractorTest.event;
import static io.credence.scoring.features.LendingEventType.BORROW;
import static io.credence.scoring.features.LendingEventType.LIQUIDATION;
import static io.credence.scoring.features.LendingEventType.REPAY;
import static io.credence.scoring.features.LendingEventType.SUPPLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The related-wallet policy of {@link FeatureExtractor#extract(BorrowerHistory)}. */
class RelatedWalletFeaturesTest {

  /** A clean borrower: one credit loan a year old, half repaid, a healthy position. */
  static final List<LendingEvent> CLEAN =
      List.of(
          event(SUPPLY, "ethereum", "aave-v3", "WETH", 10_000, 400),
          event(BORROW, "ethereum", "aave-v3", "USDC", 4_000, 365),
          event(REPAY, "ethereum", "aave-v3", "USDC", 2_000, 200));

  static final WalletActivity ACTIVITY =
      new WalletActivity(
          List.of(), List.of(new PositionSnapshot("ethereum", "aave-v3", 9_000, 0, 2_000, 3.4)));

  static BorrowerHistory with(RelatedWallet... related) {
    return new BorrowerHistory(CLEAN, ACTIVITY, AS_OF, List.of(related));
  }

  static FeatureVector linkedOnly() {
    return FeatureExtractor.extract(CLEAN, ACTIVITY, AS_OF);
  }

  static RelatedWallet liquidated(Relation relation, double transferredUsd, int daysAgo) {
    return new RelatedWallet(
        relation,
        "ethereum",
        transferredUsd,
        List.of(
            event(SUPPLY, "ethereum", "aave-v3", "WETH", 5_000, daysAgo + 60),
            event(BORROW, "ethereum", "aave-v3", "USDC", 3_000, daysAgo + 50),
            event(LIQUIDATION, "ethereum", "aave-v3", "USDC", 1_500, daysAgo)),
        List.of());
  }

  @Test
  void aCountedRelatedWalletsLiquidationCountsAsIfLinked() {
    FeatureVector v = with(liquidated(Relation.FUNDED_BY, 5_000, 40)).features();
    FeatureVector linked = linkedOnly();

    assertThat(v.get(Feature.LIQUIDATION_COUNT)).isEqualTo(1);
    assertThat(v.get(Feature.DAYS_SINCE_LAST_LIQUIDATION)).isEqualTo(40);
    assertThat(v.get(Feature.LIQUIDATED_SHARE))
        .as("over the linked wallets' credit: the related borrow adds nothing")
        .isCloseTo(1_500.0 / 4_000, within(1e-12));
    assertThat(linked.get(Feature.LIQUIDATION_COUNT)).isZero();
    for (Feature f : List.of(Feature.REPAID_SHARE, Feature.PEAK_LTV, Feature.CREDIT_HISTORY_DAYS)) {
      assertThat(v.get(f))
          .as("%s: a related liquidation pays down none of the linked loans", f)
          .isEqualTo(linked.get(f));
    }
  }

  @Test
  void theMostRecentLiquidationOfLinkedAndRelatedWalletsCounts() {
    List<LendingEvent> withOwn =
        List.of(
            CLEAN.get(0),
            CLEAN.get(1),
            CLEAN.get(2),
            event(LIQUIDATION, "ethereum", "aave-v3", "USDC", 500, 100));
    FeatureVector v =
        new BorrowerHistory(
                withOwn,
                ACTIVITY,
                AS_OF,
                List.of(
                    liquidated(Relation.BOTH, 100, 300), liquidated(Relation.FUNDED, 1_000, 20)))
            .features();

    assertThat(v.get(Feature.LIQUIDATION_COUNT)).isEqualTo(3);
    assertThat(v.get(Feature.DAYS_SINCE_LAST_LIQUIDATION)).isEqualTo(20);
    assertThat(v.get(Feature.LIQUIDATED_SHARE)).isCloseTo(3_500.0 / 4_000, within(1e-12));
  }

  @Test
  void aWeakLinkIsIgnored() {
    assertThat(with(liquidated(Relation.FUNDED_BY, 999, 40)).features())
        .as("one way below 1,000 USD: a stranger's payment or a dusting transfer")
        .isEqualTo(linkedOnly());
    assertThat(with(liquidated(Relation.BOTH, 99, 40)).features()).isEqualTo(linkedOnly());
  }

  @Test
  void liquidationsAfterTheScoringTimeAreIgnored() {
    assertThat(with(liquidated(Relation.BOTH, 5_000, -1)).features()).isEqualTo(linkedOnly());
  }

  @Test
  void openDebtCountsOnlyCloseToLiquidation() {
    RelatedWallet risky =
        new RelatedWallet(
            Relation.FUNDED,
            "arbitrum",
            2_000,
            List.of(),
            List.of(
                new PositionSnapshot("arbitrum", "aave-v3", 1_200, 1_200, 1_000, 1.08),
                new PositionSnapshot("arbitrum", "compound-v3", 0, 0, 50, 0.2)));
    RelatedWallet healthy =
        new RelatedWallet(
            Relation.BOTH,
            "arbitrum",
            2_000,
            List.of(),
            List.of(new PositionSnapshot("arbitrum", "aave-v3", 5_000, 0, 1_000, 1.5)));

    FeatureVector v = with(risky, healthy).features();

    assertThat(v.get(Feature.MIN_HEALTH_FACTOR))
        .as("the dust debt (50 USD) and the healthy friend (1.5) do not count")
        .isEqualTo(1.08);
    FeatureVector linked = linkedOnly();
    for (Feature f : List.of(Feature.PEAK_LTV, Feature.STABLECOIN_COLLATERAL_SHARE)) {
      assertThat(v.get(f)).as("%s: related collateral adds nothing", f).isEqualTo(linked.get(f));
    }
    assertThat(with(healthy).features()).isEqualTo(linked);
  }

  @Test
  void positiveActivityOfARelatedWalletNeverAddsAnything() {
    // A long, clean, repaid credit history on two protocols with stablecoin collateral.
    RelatedWallet clean =
        new RelatedWallet(
            Relation.BOTH,
            "base",
            50_000,
            List.of(
                new LendingEvent(SUPPLY, "base", "aave-v3", "USDC", 90_000, daysBefore(3_000)),
                new LendingEvent(BORROW, "base", "aave-v3", "WETH", 20_000, daysBefore(2_900)),
                new LendingEvent(REPAY, "base", "aave-v3", "WETH", 20_000, daysBefore(2_500)),
                new LendingEvent(BORROW, "base", "compound-v3", "USDC", 9_000, daysBefore(900))),
            List.of(new PositionSnapshot("base", "compound-v3", 40_000, 40_000, 9_000, 4.0)));

    assertThat(with(clean).features()).isEqualTo(linkedOnly());
  }
}
