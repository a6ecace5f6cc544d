package io.credence.scoring.features;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a borrower's lending history and wallet facts into a {@link FeatureVector}: a pure function
 * with no I/O, clock or randomness, so the same inputs always give the same vector.
 */
public final class FeatureExtractor {

  /**
   * Collateral seized per USD of debt covered in a liquidation, used only to keep the running
   * loan-to-value of {@link Feature#PEAK_LTV} plausible. 5% is the typical Aave v3 bonus.
   */
  static final double LIQUIDATION_COLLATERAL_FACTOR = 1.05;

  private FeatureExtractor() {}

  /**
   * Extracts the features of one borrower (all linked wallets and chains together).
   *
   * <p>Events after {@code asOf} are ignored, as are activity months after the month of {@code
   * asOf}; the events may come in any order. Positions are taken to be current at {@code asOf}.
   * Missing and out-of-range values are treated as documented on each {@link Feature}.
   *
   * @param events normalized lending events of all linked wallets, in any order
   * @param activity general wallet activity and current positions
   * @param asOf the scoring time
   * @return the sanitized feature vector
   * @throws NullPointerException if an argument or a list element is null
   */
  public static FeatureVector extract(
      List<LendingEvent> events, WalletActivity activity, Instant asOf) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(asOf, "asOf");

    List<LendingEvent> history = new ArrayList<>(events.size());
    for (LendingEvent e : events) {
      if (!Objects.requireNonNull(e, "event").timestamp().isAfter(asOf)) {
        history.add(e);
      }
    }
    history.sort(Comparator.comparing(LendingEvent::timestamp));
    YearMonth asOfMonth = YearMonth.from(asOf.atZone(ZoneOffset.UTC));

    Instant earliest = null;
    Set<YearMonth> months = new HashSet<>();
    Set<String> chains = new HashSet<>();
    long txCount = 0;
    for (ChainActivity c : activity.chains()) {
      if (c.firstTransactionAt() != null && !c.firstTransactionAt().isAfter(asOf)) {
        earliest = min(earliest, c.firstTransactionAt());
      }
      for (YearMonth m : c.activeMonths()) {
        if (!m.isAfter(asOfMonth)) {
          months.add(m);
        }
      }
      if (c.transactionCount() > 0 || !c.activeMonths().isEmpty()) {
        chains.add(key(c.chain()));
      }
      txCount += c.transactionCount();
    }

    Set<String> protocols = new HashSet<>();
    int borrowCount = 0;
    int liquidationCount = 0;
    double borrowed = 0;
    double repaid = 0;
    double liquidated = 0;
    double supplied = 0;
    double suppliedStable = 0;
    Instant lastLiquidation = null;
    double peakLtv = Double.NaN;
    Map<String, double[]> markets = new HashMap<>(); // (chain, protocol) -> {collateral, debt}
    for (LendingEvent e : history) {
      earliest = min(earliest, e.timestamp());
      months.add(YearMonth.from(e.timestamp().atZone(ZoneOffset.UTC)));
      chains.add(key(e.chain()));
      protocols.add(key(e.protocol()));
      double[] m =
          markets.computeIfAbsent(key(e.chain()) + '|' + key(e.protocol()), k -> new double[2]);
      double amount = e.amountUsd();
      switch (e.type()) {
        case SUPPLY -> {
          supplied += amount;
          if (FeatureSchema.isStablecoin(e.asset())) {
            suppliedStable += amount;
          }
          m[0] += amount;
        }
        case WITHDRAW -> m[0] = Math.max(0, m[0] - amount);
        case BORROW -> {
          borrowCount++;
          borrowed += amount;
          m[1] += amount;
        }
        case REPAY -> {
          repaid += amount;
          m[1] = Math.max(0, m[1] - amount);
        }
        case LIQUIDATION -> {
          liquidationCount++;
          liquidated += amount;
          lastLiquidation = e.timestamp();
          m[1] = Math.max(0, m[1] - amount);
          m[0] = Math.max(0, m[0] - amount * LIQUIDATION_COLLATERAL_FACTOR);
        }
      }
      if (m[0] > 0 && m[1] > 0) {
        peakLtv = maxOrNaN(peakLtv, m[1] / m[0]);
      }
    }

    double collateral = 0;
    double stableCollateral = 0;
    double debt = 0;
    double minHealth = Double.NaN;
    for (PositionSnapshot p : activity.positions()) {
      collateral += p.collateralUsd();
      stableCollateral += p.stablecoinCollateralUsd();
      debt += p.debtUsd();
      if (p.debtUsd() > 0) {
        minHealth =
            Double.isNaN(minHealth) ? p.healthFactor() : Math.min(minHealth, p.healthFactor());
        if (p.collateralUsd() > 0) {
          peakLtv = maxOrNaN(peakLtv, p.debtUsd() / p.collateralUsd());
        }
      }
    }
    boolean hasPositions = !activity.positions().isEmpty();

    double[] v = new double[FeatureSchema.FEATURES.size()];
    v[Feature.WALLET_AGE_DAYS.ordinal()] = earliest == null ? Double.NaN : days(earliest, asOf);
    v[Feature.ACTIVE_MONTHS.ordinal()] = months.size();
    v[Feature.TX_COUNT.ordinal()] = txCount;
    v[Feature.CHAINS_ACTIVE.ordinal()] = chains.size();
    v[Feature.PROTOCOLS_USED.ordinal()] = protocols.size();
    v[Feature.BORROW_COUNT.ordinal()] = borrowCount;
    v[Feature.BORROW_VOLUME_USD.ordinal()] = borrowed;
    v[Feature.REPAY_RATIO.ordinal()] = borrowed > 0 ? repaid / borrowed : Double.NaN;
    v[Feature.LIQUIDATION_COUNT.ordinal()] = liquidationCount;
    v[Feature.LIQUIDATION_VOLUME_RATIO.ordinal()] =
        borrowed > 0 ? liquidated / borrowed : (liquidated > 0 ? 1 : Double.NaN);
    v[Feature.DAYS_SINCE_LAST_LIQUIDATION.ordinal()] =
        lastLiquidation == null ? Double.NaN : days(lastLiquidation, asOf);
    v[Feature.CURRENT_DEBT_USD.ordinal()] = hasPositions ? debt : Double.NaN;
    v[Feature.MIN_HEALTH_FACTOR.ordinal()] = minHealth;
    v[Feature.PEAK_LTV.ordinal()] = peakLtv;
    v[Feature.STABLECOIN_COLLATERAL_SHARE.ordinal()] =
        collateral > 0
            ? stableCollateral / collateral
            : (supplied > 0 ? suppliedStable / supplied : Double.NaN);
    v[Feature.NET_POSITION_USD.ordinal()] = hasPositions ? collateral - debt : Double.NaN;
    return FeatureVector.of(v);
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static Instant min(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  private static double maxOrNaN(double current, double candidate) {
    return Double.isNaN(current) ? candidate : Math.max(current, candidate);
  }

  private static double days(Instant from, Instant to) {
    return Duration.between(from, to).toDays();
  }
}
