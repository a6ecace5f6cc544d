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

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The related-wallet policy of {@link FeatureExtractor#extract(BorrowerHistory)}: a counted related
 * wallet counts as if linked, but can only make a feature riskier.
 */
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

  /** A wallet on the borrower's own market: 3,000 borrowed, half of it liquidated. */
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
  void aCountedRelatedWalletCountsAsIfLinkedInItsOwnLoanBook() {
    RelatedWallet hidden = liquidated(Relation.FUNDED_BY, 10_000, 40);
    FeatureVector v = with(hidden).features();
    List<LendingEvent> all = new ArrayList<>(CLEAN);
    all.addAll(hidden.events());
    // Linked on another chain, the wallet's loans could not mix with the borrower's either.
    List<LendingEvent> asIfLinked = new ArrayList<>(CLEAN);
    hidden.events().forEach(e -> asIfLinked.add(onChain(e, "gnosis")));
    FeatureVector linked = FeatureExtractor.extract(asIfLinked, ACTIVITY, AS_OF);

    assertThat(v.get(Feature.LIQUIDATION_COUNT)).isEqualTo(1);
    assertThat(v.get(Feature.DAYS_SINCE_LAST_LIQUIDATION)).isEqualTo(40);
    assertThat(v.get(Feature.LIQUIDATED_SHARE)).isCloseTo(1_500.0 / 7_000, within(1e-12));
    assertThat(v.get(Feature.PEAK_LTV)).as("3,000 on 5,000").isCloseTo(0.6, within(1e-12));
    for (Feature f :
        List.of(
            Feature.LIQUIDATION_COUNT,
            Feature.LIQUIDATED_SHARE,
            Feature.DAYS_SINCE_LAST_LIQUIDATION,
            Feature.REPAID_SHARE,
            Feature.PEAK_LTV)) {
      assertThat(v.get(f)).as(f.column()).isEqualTo(linked.get(f));
    }
    assertThat(v.get(Feature.REPAID_SHARE))
        .as("the liquidated debt-days are past-due debt not repaid")
        .isLessThan(linkedOnly().get(Feature.REPAID_SHARE));
    assertThat(FeatureExtractor.extract(all, ACTIVITY, AS_OF).get(Feature.PEAK_LTV))
        .as("in one book its loan would sit on the borrower's collateral")
        .isCloseTo(0.4, within(1e-12));
  }

  private static LendingEvent onChain(LendingEvent e, String chain) {
    return new LendingEvent(e.type(), chain, e.protocol(), e.asset(), e.amountUsd(), e.timestamp());
  }

  @Test
  void liquidationsOfLinkedAndRelatedWalletsAddUp() {
    List<LendingEvent> withOwn = new ArrayList<>(CLEAN);
    withOwn.add(event(LIQUIDATION, "ethereum", "aave-v3", "USDC", 500, 100));
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
    assertThat(v.get(Feature.LIQUIDATED_SHARE)).isCloseTo(3_500.0 / 10_000, within(1e-12));
  }

  @Test
  void aWeakLinkIsIgnored() {
    assertThat(with(liquidated(Relation.FUNDED_BY, 9_999, 40)).features())
        .as("received below 10,000 USD: a stranger's payment or a dusting transfer")
        .isEqualTo(linkedOnly());
    assertThat(with(liquidated(Relation.FUNDED, 999, 40)).features()).isEqualTo(linkedOnly());
    assertThat(with(liquidated(Relation.BOTH, 99, 40)).features()).isEqualTo(linkedOnly());
  }

  @Test
  void liquidationsAfterTheScoringTimeAreIgnored() {
    assertThat(with(liquidated(Relation.BOTH, 5_000, -1)).features().get(Feature.LIQUIDATION_COUNT))
        .isZero();
  }

  @Test
  void openPositionsOfARelatedWalletCountAsIfLinked() {
    RelatedWallet risky =
        new RelatedWallet(
            Relation.FUNDED,
            "arbitrum",
            2_000,
            List.of(),
            List.of(
                new PositionSnapshot("arbitrum", "aave-v3", 1_200, 1_200, 1_000, 1.08),
                new PositionSnapshot("arbitrum", "compound-v3", 5_000, 0, 1_000, 2.9)));

    FeatureVector v = with(risky).features();

    assertThat(v.get(Feature.MIN_HEALTH_FACTOR)).isEqualTo(1.08);
    assertThat(v.get(Feature.PEAK_LTV)).isCloseTo(1_000.0 / 1_200, within(1e-12));
    assertThat(v.get(Feature.STABLECOIN_COLLATERAL_SHARE))
        .as("its stablecoin collateral does not raise the linked share (0)")
        .isZero();
  }

  @Test
  void positiveActivityOfARelatedWalletNeverAddsAnything() {
    // Older, longer, fully repaid credit on two protocols, stablecoin collateral, no open debt.
    RelatedWallet clean =
        new RelatedWallet(
            Relation.BOTH,
            "base",
            50_000,
            List.of(
                new LendingEvent(SUPPLY, "base", "aave-v3", "USDC", 90_000, daysBefore(3_000)),
                new LendingEvent(BORROW, "base", "aave-v3", "WETH", 20_000, daysBefore(2_900)),
                new LendingEvent(REPAY, "base", "aave-v3", "WETH", 20_000, daysBefore(2_500)),
                new LendingEvent(BORROW, "base", "compound-v3", "USDC", 9_000, daysBefore(900)),
                new LendingEvent(REPAY, "base", "compound-v3", "USDC", 9_000, daysBefore(600))),
            List.of(new PositionSnapshot("base", "aave-v3", 90_000, 90_000, 0, Double.NaN)));

    assertThat(with(clean).features()).isEqualTo(linkedOnly());
  }

  @Test
  void everyFeatureIsAtLeastAsRiskyAsLinkedOnlyAndAsIfLinked() {
    RelatedWallet hidden = liquidated(Relation.BOTH, 5_000, 10);
    RelatedWallet older =
        new RelatedWallet(
            Relation.FUNDED_BY,
            "base",
            30_000,
            List.of(
                new LendingEvent(SUPPLY, "base", "aave-v3", "USDC", 9_000, daysBefore(2_000)),
                new LendingEvent(BORROW, "base", "aave-v3", "WETH", 5_000, daysBefore(1_900))),
            List.of(new PositionSnapshot("base", "aave-v3", 9_000, 9_000, 5_400, 1.4)));
    FeatureVector v = with(hidden, older).features();
    List<LendingEvent> all = new ArrayList<>(CLEAN);
    hidden.events().forEach(e -> all.add(onChain(e, "gnosis")));
    all.addAll(older.events());
    List<PositionSnapshot> positions = new ArrayList<>(ACTIVITY.positions());
    positions.addAll(older.positions());
    FeatureVector asIfLinked =
        FeatureExtractor.extract(all, new WalletActivity(List.of(), positions), AS_OF);

    for (Feature f : FeatureSchema.FEATURES) {
      for (FeatureVector other : List.of(linkedOnly(), asIfLinked)) {
        if (f.riskDirection() == Feature.RiskDirection.RISES) {
          assertThat(v.get(f)).as(f.column()).isGreaterThanOrEqualTo(other.get(f));
        } else {
          assertThat(v.get(f)).as(f.column()).isLessThanOrEqualTo(other.get(f));
        }
      }
    }
    assertThat(v.get(Feature.CREDIT_HISTORY_DAYS))
        .as("the related wallet's older credit does not lengthen the history")
        .isEqualTo(365);
    assertThat(asIfLinked.get(Feature.CREDIT_HISTORY_DAYS)).isEqualTo(1_900);
  }
}
