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
  void aggregatesCreditHistoryAcrossChainsAndProtocols() {
    FeatureVector v = FeatureExtractor.extract(history(), WalletActivity.NONE, AS_OF);

    assertThat(v.get(Feature.CREDIT_HISTORY_DAYS)).isEqualTo(290);
    assertThat(v.get(Feature.CREDIT_CHAINS)).as("names compare case-insensitively").isEqualTo(2);
    assertThat(v.get(Feature.CREDIT_PROTOCOLS)).isEqualTo(2);
    // Debt-days (each loan counts at most 90 days): the 1000 repaid after 90 days, 3000 of the
    // first loan still open (age 290: 90 days), the second loan liquidated after 50 days, and the
    // arbitrum loan open for 80 days.
    double repaid = 1_000 * 90;
    double due = repaid + 3_000 * 90 + 3_000 * 50 + 1_000 * 80;
    assertThat(v.get(Feature.REPAID_SHARE)).isCloseTo(repaid / due, within(1e-9));
    assertThat(v.get(Feature.LIQUIDATION_COUNT)).isEqualTo(1);
    assertThat(v.get(Feature.LIQUIDATED_SHARE)).isCloseTo(3_000.0 / 8_000, within(1e-12));
    assertThat(v.get(Feature.DAYS_SINCE_LAST_LIQUIDATION)).isEqualTo(100);
    assertThat(v.get(Feature.SHORT_CYCLE_SHARE)).isZero();
    // After the withdrawal the Aave market has 3000 debt on 5850 collateral (0.51): the peak is
    // still 0.6, from the second borrow.
    assertThat(v.get(Feature.PEAK_LTV)).isCloseTo(0.6, within(1e-12));
    assertThat(v.get(Feature.WALLET_AGE_DAYS)).as("earliest event").isEqualTo(300);
    assertThat(v.get(Feature.ACTIVE_MONTHS)).isEqualTo(distinctMonthsBefore(history(), AS_OF));
  }

  /** 25 loops of 20,000 USD repaid 90 seconds later (five in the same block), last 30 days. */
  static List<LendingEvent> washLoops() {
    List<LendingEvent> loops = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      Instant at = daysBefore(1 + i);
      loops.add(new LendingEvent(BORROW, "ethereum", "aave-v3", "USDC", 20_000, at));
      loops.add(
          new LendingEvent(
              REPAY, "ethereum", "aave-v3", "USDC", 20_000, i < 5 ? at : at.plusSeconds(90)));
    }
    return loops;
  }

  @Test
  void washLoopsAreShortCyclesAndBuyNoCreditFeature() {
    List<LendingEvent> gamed = new ArrayList<>(history());
    gamed.addAll(washLoops());
    Collections.shuffle(gamed, new java.util.Random(1));

    FeatureVector honest = FeatureExtractor.extract(history(), WalletActivity.NONE, AS_OF);
    FeatureVector v = FeatureExtractor.extract(gamed, WalletActivity.NONE, AS_OF);

    for (Feature f : Feature.values()) {
      if (f != Feature.SHORT_CYCLE_SHARE && f != Feature.ACTIVE_MONTHS) {
        assertThat(v.get(f)).as(f.name()).isEqualTo(honest.get(f));
      }
    }
    assertThat(v.get(Feature.SHORT_CYCLE_SHARE))
        .isCloseTo(500_000.0 / (500_000 + 8_000), within(1e-12));
  }

  @Test
  void loopsAfterALiquidationDoNotCancelIt() {
    List<LendingEvent> liquidated =
        List.of(
            event(SUPPLY, "base", "aave-v3", "WETH", 5_000, 400),
            event(BORROW, "base", "aave-v3", "USDC", 3_000, 380),
            event(LIQUIDATION, "base", "aave-v3", "USDC", 1_500, 20));
    List<LendingEvent> gamed = new ArrayList<>(liquidated);
    for (int i = 0; i < 40; i++) {
      gamed.add(event(BORROW, "base", "aave-v3", "USDC", 50_000, 10));
      gamed.add(
          new LendingEvent(
              REPAY, "base", "aave-v3", "USDC", 50_000, daysBefore(10).plusSeconds(60)));
    }

    FeatureVector before = FeatureExtractor.extract(liquidated, WalletActivity.NONE, AS_OF);
    FeatureVector after = FeatureExtractor.extract(gamed, WalletActivity.NONE, AS_OF);

    assertThat(after.get(Feature.REPAID_SHARE)).isEqualTo(before.get(Feature.REPAID_SHARE));
    assertThat(after.get(Feature.LIQUIDATED_SHARE)).isEqualTo(0.5);
    assertThat(after.get(Feature.DAYS_SINCE_LAST_LIQUIDATION)).isEqualTo(20);
  }

  @Test
  void aLoanRepaidAfterMoreThanADayIsCreditAndCountsByItsDebtDays() {
    List<LendingEvent> events =
        List.of(
            event(BORROW, "base", "aave-v3", "USDC", 1_000, 200),
            new LendingEvent(
                REPAY, "base", "aave-v3", "USDC", 1_000, daysBefore(200).plusSeconds(25 * 3_600)),
            event(BORROW, "base", "aave-v3", "USDC", 1_000, 100),
            event(REPAY, "base", "aave-v3", "USDC", 1_000, 40));

    FeatureVector v = FeatureExtractor.extract(events, WalletActivity.NONE, AS_OF);

    assertThat(v.get(Feature.CREDIT_HISTORY_DAYS)).isEqualTo(200);
    assertThat(v.get(Feature.SHORT_CYCLE_SHARE)).isZero();
    assertThat(v.get(Feature.REPAID_SHARE)).isEqualTo(1.0);
  }

  @Test
  void anOpenLoanThatIsNotYetDueIsNotReadAsUnpaid() {
    List<LendingEvent> repaidOld =
        List.of(
            event(BORROW, "base", "aave-v3", "USDC", 2_000, 300),
            event(REPAY, "base", "aave-v3", "USDC", 2_000, 200));
    List<LendingEvent> withFreshLoan = new ArrayList<>(repaidOld);
    withFreshLoan.add(event(BORROW, "base", "aave-v3", "USDC", 50_000, 10));
    List<LendingEvent> withDueLoan = new ArrayList<>(repaidOld);
    withDueLoan.add(event(BORROW, "base", "aave-v3", "USDC", 2_000, 45));

    assertThat(
            FeatureExtractor.extract(withFreshLoan, WalletActivity.NONE, AS_OF)
                .get(Feature.REPAID_SHARE))
        .as("a 10-day-old open loan is not due yet")
        .isEqualTo(1.0);
    assertThat(
            FeatureExtractor.extract(withDueLoan, WalletActivity.NONE, AS_OF)
                .get(Feature.REPAID_SHARE))
        .as("a 45-day-old open loan is due: 2000 x 90 repaid against 2000 x 45 open")
        .isCloseTo(180_000.0 / (180_000 + 90_000), within(1e-9));
  }

  @Test
  void dustLoansAndDustCollateralDoNotCount() {
    List<LendingEvent> dustLoan =
        List.of(
            event(SUPPLY, "base", "aave-v3", "WETH", 500, 400),
            event(BORROW, "base", "aave-v3", "USDC", 99, 390),
            event(REPAY, "base", "aave-v3", "USDC", 99, 300));
    WalletActivity dustStable =
        new WalletActivity(
            List.of(),
            List.of(
                new PositionSnapshot("base", "aave-v3", 10_001, 1, 4_000, 2.0),
                new PositionSnapshot("arbitrum", "aave-v3", 1, 1, 0, Double.POSITIVE_INFINITY)));
    WalletActivity smallStable =
        new WalletActivity(
            List.of(), List.of(new PositionSnapshot("base", "aave-v3", 10_150, 150, 4_000, 2.0)));
    WalletActivity realStable =
        new WalletActivity(
            List.of(), List.of(new PositionSnapshot("base", "aave-v3", 10_000, 3_500, 4_000, 2.0)));

    FeatureVector v = FeatureExtractor.extract(dustLoan, dustStable, AS_OF);

    assertThat(v.get(Feature.CREDIT_HISTORY_DAYS)).as("a 99 USD loan is not credit").isZero();
    assertThat(v.get(Feature.CREDIT_CHAINS)).isZero();
    assertThat(v.get(Feature.STABLECOIN_COLLATERAL_SHARE)).isZero();
    assertThat(
            FeatureExtractor.extract(dustLoan, smallStable, AS_OF)
                .get(Feature.STABLECOIN_COLLATERAL_SHARE))
        .as("1.5% rounds down to 0")
        .isZero();
    assertThat(
            FeatureExtractor.extract(dustLoan, realStable, AS_OF)
                .get(Feature.STABLECOIN_COLLATERAL_SHARE))
        .isEqualTo(0.3);
  }

  @Test
  void aFreshWalletWithATenDollarLoopHasNoCreditHistory() {
    Instant first = daysBefore(91);
    List<LendingEvent> farmed =
        List.of(
            new LendingEvent(SUPPLY, "base", "aave-v3", "WETH", 200, first),
            new LendingEvent(BORROW, "base", "aave-v3", "USDC", 10, first.plusSeconds(600)),
            new LendingEvent(REPAY, "base", "aave-v3", "USDC", 10, first.plusSeconds(660)));

    FeatureVector v = FeatureExtractor.extract(farmed, WalletActivity.NONE, AS_OF);

    assertThat(v.get(Feature.CREDIT_HISTORY_DAYS)).isZero();
    assertThat(v.get(Feature.SHORT_CYCLE_SHARE)).isEqualTo(1.0);
    assertThat(v.get(Feature.REPAID_SHARE)).as("no due credit: missing, the riskiest").isZero();
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
  void currentPositionsGiveHealthAndCollateralMix() {
    WalletActivity activity =
        new WalletActivity(
            List.of(),
            List.of(
                new PositionSnapshot("ethereum", "aave-v3", 5_000, 0, 3_000, 1.38),
                new PositionSnapshot("arbitrum", "compound-v3", 2_000, 2_000, 1_000, 1.9),
                new PositionSnapshot(
                    "base", "aave-v3", 3_000, 1_000, 0, Double.POSITIVE_INFINITY)));

    FeatureVector v = FeatureExtractor.extract(history(), activity, AS_OF);

    assertThat(v.get(Feature.MIN_HEALTH_FACTOR))
        .as("debt-free positions are ignored")
        .isEqualTo(1.38);
    assertThat(v.get(Feature.STABLECOIN_COLLATERAL_SHARE)).isCloseTo(0.3, within(1e-12));
    assertThat(v.get(Feature.PEAK_LTV))
        .as("current LTV 3000/5000 = 0.6 ties the history")
        .isCloseTo(0.6, within(1e-12));
  }

  @Test
  void activityCountsCompletedMonthsAndAtMostTenTransactionsPerMonth() {
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
    WalletActivity spammed =
        new WalletActivity(
            List.of(
                new ChainActivity("ethereum", daysBefore(1_000), 12, Set.of(sep.minusMonths(1))),
                new ChainActivity("zksync", daysBefore(1), 400, Set.of(sep.plusMonths(1)))),
            List.of());

    FeatureVector v = FeatureExtractor.extract(List.of(), activity, AS_OF);
    FeatureVector s = FeatureExtractor.extract(List.of(), spammed, AS_OF);

    assertThat(v.get(Feature.WALLET_AGE_DAYS)).isEqualTo(1_000);
    assertThat(v.get(Feature.ACTIVE_MONTHS)).as("August, September, April").isEqualTo(3);
    assertThat(v.get(Feature.TX_COUNT)).as("155 sent, at most 10 x 3 counted").isEqualTo(30);
    assertThat(s.get(Feature.ACTIVE_MONTHS))
        .as("the scoring month (October) does not count")
        .isEqualTo(1);
    assertThat(s.get(Feature.TX_COUNT)).as("400 spam transactions add nothing").isEqualTo(10);
  }

  @Test
  void neutralFactsAreExplicitAndUnknownsGetTheRiskiestValue() {
    FeatureVector v = FeatureExtractor.extract(List.of(), WalletActivity.NONE, AS_OF);

    assertThat(v.get(Feature.MIN_HEALTH_FACTOR)).as("no debt").isEqualTo(10);
    assertThat(v.get(Feature.DAYS_SINCE_LAST_LIQUIDATION)).as("never liquidated").isEqualTo(3650);
    assertThat(v.get(Feature.LIQUIDATION_COUNT)).isZero();
    assertThat(v.get(Feature.SHORT_CYCLE_SHARE)).isZero();
    assertThat(v.get(Feature.WALLET_AGE_DAYS)).as("unknown: riskiest").isZero();
    assertThat(v.get(Feature.REPAID_SHARE)).as("unknown: riskiest").isZero();
    assertThat(v.get(Feature.PEAK_LTV)).as("unknown: riskiest").isEqualTo(1.5);
  }

  @Test
  void valuesBeyondARangeAreCapped() {
    WalletActivity activity =
        new WalletActivity(
            List.of(), List.of(new PositionSnapshot("ethereum", "aave-v3", 100_000, 0, 10, 9_000)));
    List<LendingEvent> overRepaid =
        List.of(
            event(BORROW, "ethereum", "aave-v3", "USDC", 100, 200),
            event(REPAY, "ethereum", "aave-v3", "USDC", 500, 100));

    FeatureVector v = FeatureExtractor.extract(overRepaid, activity, AS_OF);

    assertThat(v.get(Feature.MIN_HEALTH_FACTOR)).isEqualTo(Feature.MIN_HEALTH_FACTOR.max());
    assertThat(v.get(Feature.REPAID_SHARE)).as("interest repaid is not extra credit").isEqualTo(1);
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

  private static long distinctMonthsBefore(List<LendingEvent> events, Instant asOf) {
    YearMonth current = YearMonth.from(asOf.atZone(java.time.ZoneOffset.UTC));
    return events.stream()
        .map(e -> YearMonth.from(e.timestamp().atZone(java.time.ZoneOffset.UTC)))
        .filter(m -> m.isBefore(current))
        .distinct()
        .count();
  }
}
