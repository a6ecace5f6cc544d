package io.credence.scoring.simulation;

import io.credence.scoring.data.LabelledBorrower;
import io.credence.scoring.data.LabelledDataset;
import io.credence.scoring.features.FeatureExtractor;
import io.credence.scoring.features.FeatureVector;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Agent-based generator of labelled DeFi borrower histories (see {@code docs/model-card.md} for the
 * parameters and their rationale).
 *
 * <p>One market path (prices under switching volatility regimes) is drawn from the seed; every
 * borrower has a latent risk appetite and skill, lends on several chains and protocols, and is
 * liquidated whenever a price move pushes a position's health factor below 1. Each borrower's
 * events and wallet facts up to the end of the feature window go through {@link
 * FeatureExtractor#extract}, exactly like real data; the label is whether the borrower was
 * liquidated or left bad debt in the outcome window. The data are synthetic.
 */
public final class BorrowerSimulator {

  /** Version of the simulation logic; recorded in the data description. */
  public static final String VERSION = "1";

  private BorrowerSimulator() {}

  /**
   * Simulates {@code config.borrowers()} borrowers. The result depends only on {@code config}: the
   * same seed gives the same rows in the same order (borrowers are simulated in parallel, each with
   * its own random stream derived from the seed and its index).
   */
  public static LabelledDataset simulate(SimulationConfig config) {
    MarketPath market =
        MarketPath.simulate(config.seed(), config.months() * MarketPath.DAYS_PER_MONTH);
    List<LabelledBorrower> rows =
        IntStream.range(0, config.borrowers())
            .parallel()
            .mapToObj(i -> new BorrowerAgent(config, market, i).run())
            .map(o -> new LabelledBorrower(o.features(), o.defaulted()))
            .toList();
    return new LabelledDataset(config.describe(), rows);
  }

  /** The outcome for one simulated borrower. */
  record Outcome(FeatureVector features, boolean defaulted) {}
}
