package io.credence.scoring.simulation;

import io.credence.scoring.data.LabelledBorrower;
import io.credence.scoring.data.LabelledDataset;
import io.credence.scoring.features.FeatureExtractor;
import io.credence.scoring.features.LendingEvent;
import io.credence.scoring.features.LendingEventType;
import io.credence.scoring.features.Relation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Agent-based generator of labelled DeFi borrower histories (see {@code docs/model-card.md} for the
 * parameters and their rationale).
 *
 * <p>One market path (prices under switching volatility regimes) is drawn from the seed; every
 * borrower has a latent risk appetite and skill, lends on several chains and protocols, and is
 * liquidated whenever a price move pushes a position's health factor below 1. A share of the
 * borrowers ({@link SimulationConfig#adversarialShare()}) then games its history with one of the
 * {@link Adversary} strategies; gaming never changes the outcome. Each wallet (chain) of a borrower
 * gets a funding draw ({@link WalletFunding}, from a random stream of its own, so honest lives are
 * the same whatever the funding): directly related by transfers to another of the borrower's
 * wallets, with a share of {@link SimulationConfig#relatedWalletShare()}, or funded through an
 * exchange. Each borrower's events and wallet facts up to the end of the feature window go through
 * {@link FeatureExtractor#extract}, exactly like real data; the label is whether the borrower was
 * liquidated or left bad debt in the outcome window. The data are synthetic.
 */
public final class BorrowerSimulator {

  /** Version of the simulation logic; recorded in the data description. */
  public static final String VERSION = "3";

  private BorrowerSimulator() {}

  /**
   * Simulates {@code config.borrowers()} borrowers and extracts their features. The result depends
   * only on {@code config}: the same seed gives the same rows in the same order.
   */
  public static LabelledDataset simulate(SimulationConfig config) {
    return toDataset(config, histories(config));
  }

  /** The labelled feature vectors of simulated borrowers. */
  public static LabelledDataset toDataset(SimulationConfig config, List<SimulatedBorrower> rows) {
    return new LabelledDataset(
        config.describe(),
        rows.parallelStream()
            .map(b -> new LabelledBorrower(b.history().features(), b.defaulted()))
            .toList());
  }

  /**
   * Simulates the raw histories (events, wallet activity, positions) and outcomes. Borrowers are
   * simulated in parallel, each with its own random streams derived from the seed and its index, so
   * the result depends only on {@code config}.
   */
  public static List<SimulatedBorrower> histories(SimulationConfig config) {
    MarketPath market =
        MarketPath.simulate(config.seed(), config.months() * MarketPath.DAYS_PER_MONTH);
    return IntStream.range(0, config.borrowers())
        .parallel()
        .mapToObj(
            i ->
                game(config, i, fund(config.seed(), i, new BorrowerAgent(config, market, i).run())))
        .toList();
  }

  /**
   * Draws how each wallet (chain) the borrower lent on was funded: the direct-relation draw, the
   * direction (it funded a linked wallet 45%, was funded by one 30%, both 25%) and the USD moved
   * directly (20-100% of its first supply).
   */
  private static SimulatedBorrower fund(long seed, int index, SimulatedBorrower b) {
    SplittableRandom rng = fundingRandom(seed, index);
    Map<String, Double> firstSupply = new LinkedHashMap<>();
    for (LendingEvent e : b.history().events()) {
      if (e.type() == LendingEventType.SUPPLY) {
        firstSupply.putIfAbsent(e.chain(), e.amountUsd());
      }
    }
    List<WalletFunding> funding = new ArrayList<>();
    for (var chain : firstSupply.entrySet()) {
      double direct = rng.nextDouble();
      double r = rng.nextDouble();
      Relation relation =
          r < 0.45 ? Relation.FUNDED_BY : r < 0.75 ? Relation.FUNDED : Relation.BOTH;
      double usd = Math.round(chain.getValue() * (0.2 + 0.8 * rng.nextDouble()));
      funding.add(new WalletFunding(chain.getKey(), direct, relation, usd));
    }
    return new SimulatedBorrower(b.history(), b.defaulted(), b.strategy(), funding);
  }

  /**
   * Share of the days of the outcome window (after the scoring time) that the market path of {@code
   * config} spends in each volatility regime, in the order calm, turbulent, crash.
   */
  public static Map<String, Double> outcomeRegimes(SimulationConfig config) {
    int days = config.months() * MarketPath.DAYS_PER_MONTH;
    MarketPath market = MarketPath.simulate(config.seed(), days);
    int from = config.featureMonths() * MarketPath.DAYS_PER_MONTH + 1;
    Map<String, Double> shares = new LinkedHashMap<>();
    for (MarketPath.Regime r : MarketPath.Regime.values()) {
      shares.put(r.name().toLowerCase(Locale.ROOT), 0.0);
    }
    for (int d = from; d <= days; d++) {
      shares.merge(
          market.regime(d).name().toLowerCase(Locale.ROOT), 1.0 / (days - from + 1), Double::sum);
    }
    return shares;
  }

  private static SimulatedBorrower game(SimulationConfig config, int index, SimulatedBorrower b) {
    SplittableRandom rng = adversaryRandom(config.seed(), index);
    if (rng.nextDouble() >= config.adversarialShare()) {
      return b;
    }
    Adversary strategy = Adversary.values()[rng.nextInt(Adversary.values().length)];
    return new SimulatedBorrower(
        strategy.apply(b.history(), b.directLinks(config.relatedWalletShare()), rng),
        b.defaulted(),
        strategy,
        b.funding());
  }

  /** The random stream of the funding of borrower {@code index}'s wallets, apart from its life. */
  static SplittableRandom fundingRandom(long seed, int index) {
    return new SplittableRandom(seed * 0xC2B2AE3D27D4EB4FL ^ (0xF00D5EEDL + index));
  }

  /** The random stream of the gaming decisions of borrower {@code index}, apart from its life. */
  static SplittableRandom adversaryRandom(long seed, int index) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ (0xAD7E25A5L + index));
  }
}
