package io.credence.scoring.features;

import static io.credence.scoring.features.LendingEventType.BORROW;
import static io.credence.scoring.features.LendingEventType.LIQUIDATION;
import static io.credence.scoring.features.LendingEventType.REPAY;
import static io.credence.scoring.features.LendingEventType.SUPPLY;
import static io.credence.scoring.features.LendingEventType.WITHDRAW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

  static final Instant AS_OF = Instant.parse("2025-10-01T00:00:00Z");

  static Instant daysBefore(int days) {
    return AS_OF.minus(Duration.ofDays(days));
  }

  static LendingEvent event(
      LendingEventType type, String chain, String protocol, String asset, double usd, int daysAgo) {
    return new LendingEvent(type, chain, protocol, asset, usd, daysBefore(daysAgo));
  }

  /** Two chains, two protocols, one partial repayment and one liquidation. */
  static List<LendingEvent> history() {
    return List.of(
        event(SUPPLY, "ethereum", "aave-v3", "WETH", 10_000, 300),
        event(BORROW, "ethereum", "aave-v3", "USDC", 4_000, 290),
        event(REPAY, "ethereum", "aave-v3", "USDC", 1_000, 200),
        event(BORROW, "ethereum", "aave-v3", "USDC", 3_000, 150), // debt 6000 on 10000: LTV 0.6
        event(LIQUIDATION, "ethereum", "aave-v3", "USDC", 3_000, 100), // debt 3000 on 6850
        event(SUPPLY, "Arbitrum", "Compound-V3", "USDC", 2_000, 90),
        event(BORROW, "arbitrum", "compound-v3", "USDC", 1_000, 80), // LTV 0.5
        event(WITHDRAW, "ethereum", "aave-v3", "WETH", 1_000, 10));
  }

  @Test
  void aggregatesLendingHistoryAcrossChainsAndProtocols() {
    FeatureVector v = FeatureExtractor.extract(history(), WalletActivity.NONE, AS_OF);

    assertThat(v.get(Feature.BORROW_COUNT)).isEqualTo(3);
    assertThat(v.get(Feature.BORROW_VOLUME_USD)).isEqualTo(8_000);
    assertThat(v.get(Feature.REPAY_RATIO)).isCloseTo(1_000.0 / 8_000, within(1e-12));
    assertThat(v.get(Feature.LIQUIDATION_COUNT)).isEqualTo(1);
    assertThat(v.get(Feature.LIQUIDATION_VOLUME_RATIO)).isCloseTo(3_000.0 / 8_000, within(1e-12));
    assertThat(v.get(Feature.DAYS_SINCE_LAST_LIQUIDATION)).isEqualTo(100);
    assertThat(v.get(Feature.PROTOCOLS_USED)).isEqualTo(2);
    assertThat(v.get(Feature.CHAINS_ACTIVE)).as("names compare case-insensitively").isEqualTo(2);
    // After the withdrawal the Aave market has 3000 debt on 5850 collateral (0.51): the peak is
    // still 0.6, from the second borrow.
    assertThat(v.get(Feature.PEAK_LTV)).isCloseTo(0.6, within(1e-12));
    assertThat(v.get(Feature.STABLECOIN_COLLATERAL_SHARE))
        .as("no current positions: share of supplied volume")
        .isCloseTo(2_000.0 / 12_000, within(1e-12));
    assertThat(v.get(Feature.WALLET_AGE_DAYS)).as("earliest event").isEqualTo(300);
    assertThat(v.get(Feature.ACTIVE_MONTHS)).isEqualTo(distinctMonths(history()));
  }

  @Test
  void ignoresEventsAfterTheScoringTimeAndTheirOrder() {
    List<LendingEvent> shuffled = new ArrayList<>(history());
    Collections.reverse(shuffled);
    List<LendingEvent> withFuture = new ArrayList<>(shuffled);
    withFuture.add(
        new LendingEvent(LIQUIDATION, "base", "moonwell", "USDC", 50_000, AS_OF.plusSeconds(1)));

    assertThat(FeatureExtractor.extract(withFuture, WalletActivity.NONE, AS_OF))
        .isEqualTo(FeatureExtractor.extract(history(), WalletActivity.NONE, AS_OF));
  }

  @Test
  void currentPositionsGiveDebtHealthCollateralMixAndNetPosition() {
    WalletActivity activity =
        new WalletActivity(
            List.of(),
            List.of(
                new PositionSnapshot("ethereum", "aave-v3", 5_000, 0, 3_000, 1.38),
                new PositionSnapshot("arbitrum", "compound-v3", 2_000, 2_000, 1_000, 1.9),
                new PositionSnapshot(
                    "base", "aave-v3", 3_000, 1_000, 0, Double.POSITIVE_INFINITY)));

    FeatureVector v = FeatureExtractor.extract(history(), activity, AS_OF);

    assertThat(v.get(Feature.CURRENT_DEBT_USD)).isEqualTo(4_000);
    assertThat(v.get(Feature.MIN_HEALTH_FACTOR))
        .as("debt-free positions are ignored")
        .isEqualTo(1.38);
    assertThat(v.get(Feature.STABLECOIN_COLLATERAL_SHARE)).isCloseTo(0.3, within(1e-12));
    assertThat(v.get(Feature.NET_POSITION_USD)).isEqualTo(6_000);
    assertThat(v.get(Feature.PEAK_LTV))
        .as("current LTV 3000/5000 = 0.6 ties the history")
        .isCloseTo(0.6, within(1e-12));
  }

  @Test
  void walletActivityIsUnitedAcrossWalletsAndChains() {
    YearMonth sep = YearMonth.of(2025, 9);
    WalletActivity activity =
        new WalletActivity(
            List.of(
                new ChainActivity(
                    "ethereum", daysBefore(1_000), 120, Set.of(sep, sep.minusMonths(1))),
                new ChainActivity("polygon", daysBefore(400), 30, Set.of(sep, sep.minusMonths(5))),
                new ChainActivity("optimism", null, 0, Set.of()),
                new ChainActivity("base", daysBefore(10), 5, Set.of(sep.plusMonths(2)))),
            List.of());

    FeatureVector v = FeatureExtractor.extract(List.of(), activity, AS_OF);

    assertThat(v.get(Feature.WALLET_AGE_DAYS)).isEqualTo(1_000);
    assertThat(v.get(Feature.TX_COUNT)).isEqualTo(155);
    assertThat(v.get(Feature.CHAINS_ACTIVE)).as("optimism has no activity").isEqualTo(3);
    assertThat(v.get(Feature.ACTIVE_MONTHS))
        .as("November 2025 is after the scoring month")
        .isEqualTo(3);
  }

  @Test
  void emptyHistoryGetsTheDocumentedMissingValues() {
    FeatureVector v = FeatureExtractor.extract(List.of(), WalletActivity.NONE, AS_OF);

    for (Feature f : Feature.values()) {
      assertThat(v.get(f)).as(f.name()).isEqualTo(f.missingValue());
    }
    assertThat(v.get(Feature.MIN_HEALTH_FACTOR)).isEqualTo(10);
    assertThat(v.get(Feature.DAYS_SINCE_LAST_LIQUIDATION)).isEqualTo(3650);
    assertThat(v.get(Feature.REPAY_RATIO)).isEqualTo(1);
  }

  @Test
  void outOfRangeValuesAreClampedToTheSchemaRange() {
    WalletActivity activity =
        new WalletActivity(
            List.of(), List.of(new PositionSnapshot("ethereum", "aave-v3", 100_000, 0, 10, 9_000)));
    List<LendingEvent> overRepaid =
        List.of(
            event(BORROW, "ethereum", "aave-v3", "USDC", 100, 20),
            event(REPAY, "ethereum", "aave-v3", "USDC", 500, 10));

    FeatureVector v = FeatureExtractor.extract(overRepaid, activity, AS_OF);

    assertThat(v.get(Feature.MIN_HEALTH_FACTOR)).isEqualTo(Feature.MIN_HEALTH_FACTOR.max());
    assertThat(v.get(Feature.REPAY_RATIO)).isEqualTo(Feature.REPAY_RATIO.max());
  }

  @Test
  void aPositionWithDebtMustHaveAHealthFactor() {
    assertThatThrownBy(() -> new PositionSnapshot("ethereum", "aave-v3", 100, 0, 50, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("health factor");
    assertThat(new PositionSnapshot("ethereum", "aave-v3", 100, 0, 0, Double.NaN).debtUsd())
        .isZero();
  }

  @Test
  void rejectsMalformedEvents() {
    assertThatThrownBy(() -> new LendingEvent(BORROW, "ethereum", "aave-v3", "USDC", -1, AS_OF))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("amountUsd");
    assertThatThrownBy(() -> new LendingEvent(BORROW, " ", "aave-v3", "USDC", 1, AS_OF))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chain");
  }

  private static long distinctMonths(List<LendingEvent> events) {
    return events.stream()
        .map(e -> YearMonth.from(e.timestamp().atZone(java.time.ZoneOffset.UTC)))
        .distinct()
        .count();
  }
}
