package io.credence.scoring.simulation;

import java.util.SplittableRandom;

/**
 * Daily USD prices of the collateral assets, driven by a three-state volatility regime (calm,
 * turbulent, crash) that switches as a Markov chain. Asset returns share one market factor, so
 * crashes hit all volatile collateral at once, as in May 2021, May 2022 or August 2024.
 */
final class MarketPath {

  static final int DAYS_PER_MONTH = 30;

  /** Collateral assets. Stablecoins are fixed at 1 USD. */
  enum Asset {
    WETH(2_500, 1.0, 0.95, 0.83),
    WBTC(45_000, 0.8, 0.85, 0.78),
    LINK(15, 1.4, 0.65, 0.70),
    USDC(1, 0, 0, 0.90),
    DAI(1, 0, 0, 0.88);

    final double initialPrice;
    final double volatilityMultiple;
    final double marketLoading;
    final double liquidationThreshold;

    Asset(double initialPrice, double volatilityMultiple, double marketLoading, double lt) {
      this.initialPrice = initialPrice;
      this.volatilityMultiple = volatilityMultiple;
      this.marketLoading = marketLoading;
      this.liquidationThreshold = lt;
    }

    boolean stable() {
      return volatilityMultiple == 0;
    }
  }

  /** Volatility regimes: daily volatility of the market factor and its daily drift. */
  enum Regime {
    CALM(0.022, 0.0008),
    TURBULENT(0.045, -0.0005),
    CRASH(0.085, -0.012);

    final double dailyVolatility;
    final double dailyDrift;

    Regime(double dailyVolatility, double dailyDrift) {
      this.dailyVolatility = dailyVolatility;
      this.dailyDrift = dailyDrift;
    }
  }

  // Daily regime transition probabilities; rows = from, columns = to (CALM, TURBULENT, CRASH).
  private static final double[][] TRANSITIONS = {
    {0.975, 0.022, 0.003},
    {0.050, 0.935, 0.015},
    {0.050, 0.200, 0.750}
  };

  private final double[][] prices; // [asset][day]
  private final Regime[] regimes;

  private MarketPath(double[][] prices, Regime[] regimes) {
    this.prices = prices;
    this.regimes = regimes;
  }

  static MarketPath simulate(long seed, int days) {
    SplittableRandom rng = new SplittableRandom(seed ^ 0x6D61726B6574L);
    Asset[] assets = Asset.values();
    double[][] prices = new double[assets.length][days + 1];
    Regime[] regimes = new Regime[days + 1];
    Regime regime = Regime.CALM;
    for (Asset a : assets) {
      prices[a.ordinal()][0] = a.initialPrice;
    }
    regimes[0] = regime;
    for (int d = 1; d <= days; d++) {
      regime = next(regime, rng.nextDouble());
      regimes[d] = regime;
      double market = regime.dailyDrift + regime.dailyVolatility * gaussian(rng);
      for (Asset a : assets) {
        double logReturn = 0;
        if (!a.stable()) {
          double loading = a.marketLoading;
          double idio = Math.sqrt(1 - loading * loading) * regime.dailyVolatility * gaussian(rng);
          logReturn = a.volatilityMultiple * (loading * market + idio);
        }
        prices[a.ordinal()][d] = prices[a.ordinal()][d - 1] * Math.exp(logReturn);
      }
    }
    return new MarketPath(prices, regimes);
  }

  private static Regime next(Regime current, double u) {
    double[] row = TRANSITIONS[current.ordinal()];
    double cumulative = 0;
    for (int i = 0; i < row.length; i++) {
      cumulative += row[i];
      if (u < cumulative) {
        return Regime.values()[i];
      }
    }
    return Regime.values()[row.length - 1];
  }

  static double gaussian(SplittableRandom rng) {
    // Box-Muller; SplittableRandom has no nextGaussian in Java 17.
    double u1 = 1.0 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  double price(Asset asset, int day) {
    return prices[asset.ordinal()][day];
  }

  Regime regime(int day) {
    return regimes[day];
  }

  int days() {
    return regimes.length - 1;
  }
}
