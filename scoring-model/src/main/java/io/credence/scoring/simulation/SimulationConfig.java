package io.credence.scoring.simulation;

import java.time.Instant;
import java.util.Objects;

/**
 * Parameters of a simulation run. The run is a pure function of this record.
 *
 * @param seed seed of every random draw (market path and borrowers)
 * @param borrowers number of simulated borrowers, {@code >= 1}
 * @param start first day of month 1 (UTC)
 * @param months length of the simulation in 30-day months, {@code >= 2}
 * @param featureMonths months whose history feeds the features; the label comes from the remaining
 *     months (default 21 of 24, i.e. a 90-day outcome window)
 * @param adversarialShare share of borrowers who game their history with one of the {@link
 *     Adversary} strategies (chosen uniformly), in [0, 1]
 * @param relatedWalletShare share of a borrower's wallets that are directly related by transfers to
 *     another of their wallets (funded it, or were funded by it) and so visible to the sync as
 *     related wallets; the rest were funded through an exchange and are invisible. In [0, 1]. An
 *     assumption, not a measurement: see {@link #DEFAULT_RELATED_WALLET_SHARE}.
 */
public record SimulationConfig(
    long seed,
    int borrowers,
    Instant start,
    int months,
    int featureMonths,
    double adversarialShare,
    double relatedWalletShare) {

  /** Share of gaming borrowers in the default population: 10%, chosen uniformly per strategy. */
  public static final double DEFAULT_ADVERSARIAL_SHARE = 0.10;

  /**
   * Assumed share of wallets directly related to another wallet of the same borrower: one half. No
   * measurement backs it: it sits between a borrower who moves funds between their wallets directly
   * (the convenient way) and one who routes them through an exchange (what a borrower hiding a
   * liquidation has a reason to do). The evaluation reports the uplift for 0, 25, 50, 75 and 100%.
   */
  public static final double DEFAULT_RELATED_WALLET_SHARE = 0.5;

  /** 1 January 2024, the default start of the simulated history. */
  public static final Instant DEFAULT_START = Instant.parse("2024-01-01T00:00:00Z");

  public SimulationConfig {
    Objects.requireNonNull(start, "start");
    if (borrowers < 1) {
      throw new IllegalArgumentException("borrowers must be >= 1");
    }
    if (months < 2 || featureMonths < 1 || featureMonths >= months) {
      throw new IllegalArgumentException("need 1 <= featureMonths < months");
    }
    if (!(adversarialShare >= 0 && adversarialShare <= 1)) {
      throw new IllegalArgumentException("adversarialShare must be in [0, 1]");
    }
    if (!(relatedWalletShare >= 0 && relatedWalletShare <= 1)) {
      throw new IllegalArgumentException("relatedWalletShare must be in [0, 1]");
    }
  }

  /** A configuration with the default share of directly related wallets. */
  public SimulationConfig(
      long seed,
      int borrowers,
      Instant start,
      int months,
      int featureMonths,
      double adversarialShare) {
    this(
        seed,
        borrowers,
        start,
        months,
        featureMonths,
        adversarialShare,
        DEFAULT_RELATED_WALLET_SHARE);
  }

  /**
   * The documented default: 24 months, features from months 1-21, label from months 22-24, 10% of
   * borrowers gaming their history, half of the wallets directly related.
   */
  public static SimulationConfig of(long seed, int borrowers) {
    return new SimulationConfig(seed, borrowers, DEFAULT_START, 24, 21, DEFAULT_ADVERSARIAL_SHARE);
  }

  /** The same population with another share of gaming borrowers. */
  public SimulationConfig withAdversarialShare(double share) {
    return new SimulationConfig(
        seed, borrowers, start, months, featureMonths, share, relatedWalletShare);
  }

  /** The same population with another share of directly related wallets. */
  public SimulationConfig withRelatedWalletShare(double share) {
    return new SimulationConfig(
        seed, borrowers, start, months, featureMonths, adversarialShare, share);
  }

  /** The scoring time: the end of the feature window. */
  public Instant asOf() {
    return start.plusSeconds(86_400L * MarketPath.DAYS_PER_MONTH * featureMonths);
  }

  /** One-line description recorded in model provenance. */
  public String describe() {
    return "synthetic DeFi borrowers (Credence agent-based simulation v"
        + BorrowerSimulator.VERSION
        + "): "
        + borrowers
        + " borrowers, seed "
        + seed
        + ", "
        + months
        + " months from "
        + start
        + ", features months 1-"
        + featureMonths
        + ", label = liquidation or bad debt in months "
        + (featureMonths + 1)
        + "-"
        + months
        + ", "
        + Math.round(100 * adversarialShare)
        + "% gaming borrowers, "
        + Math.round(100 * relatedWalletShare)
        + "% of wallets directly related by transfers";
  }
}
