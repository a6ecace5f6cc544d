package io.credence.scoring.training;

import io.credence.scoring.scorecard.BandScheme;
import io.credence.scoring.scorecard.ScoreScaling;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Training parameters; all of them are recorded in the artifact's provenance.
 *
 * @param seed seed of the SGD shuffling and the challenger
 * @param maxBins maximum quantile bins per feature, 2 to {@value ScorecardTrainer#MAX_BINS}
 * @param minBinFraction smallest bin as a share of training rows, in [0, 0.5)
 * @param epochs SGD epochs of the logistic regression
 * @param learningRate AdaGrad initial learning rate
 * @param minibatchSize SGD minibatch size
 * @param monotone merge bins until risk runs one way across the bins of every feature with a known
 *     direction (see {@code MonotoneBinning}); the published model uses it
 * @param challengerTrees boosting rounds of the XGBoost challenger ({@code 0} skips it)
 * @param scaling score scaling
 * @param bands band configuration
 */
public record TrainerConfig(
    long seed,
    int maxBins,
    double minBinFraction,
    int epochs,
    double learningRate,
    int minibatchSize,
    boolean monotone,
    int challengerTrees,
    ScoreScaling scaling,
    BandScheme bands) {

  /**
   * @throws IllegalArgumentException if a parameter is out of range
   */
  public TrainerConfig {
    Objects.requireNonNull(scaling, "scaling");
    Objects.requireNonNull(bands, "bands");
    if (maxBins < 2
        || maxBins > ScorecardTrainer.MAX_BINS
        || !(minBinFraction >= 0 && minBinFraction < 0.5)) {
      throw new IllegalArgumentException(
          "need 2 <= maxBins <= " + ScorecardTrainer.MAX_BINS + " and minBinFraction in [0, 0.5)");
    }
    if (epochs < 1 || !(learningRate > 0) || minibatchSize < 1 || challengerTrees < 0) {
      throw new IllegalArgumentException("invalid SGD or challenger parameters");
    }
  }

  /** The defaults used for the published model. */
  public static TrainerConfig defaults(long seed) {
    return new TrainerConfig(
        seed, 6, 0.03, 12, 0.2, 16, true, 150, ScoreScaling.DEFAULT, BandScheme.DEFAULT);
  }

  public TrainerConfig withChallengerTrees(int trees) {
    return new TrainerConfig(
        seed,
        maxBins,
        minBinFraction,
        epochs,
        learningRate,
        minibatchSize,
        monotone,
        trees,
        scaling,
        bands);
  }

  public TrainerConfig withBands(BandScheme newBands) {
    return new TrainerConfig(
        seed,
        maxBins,
        minBinFraction,
        epochs,
        learningRate,
        minibatchSize,
        monotone,
        challengerTrees,
        scaling,
        newBands);
  }

  public TrainerConfig withMonotone(boolean enabled) {
    return new TrainerConfig(
        seed,
        maxBins,
        minBinFraction,
        epochs,
        learningRate,
        minibatchSize,
        enabled,
        challengerTrees,
        scaling,
        bands);
  }

  /** The parameters as a flat map, for provenance. */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seed", seed);
    m.put("maxBins", maxBins);
    m.put("minBinFraction", minBinFraction);
    m.put("epochs", epochs);
    m.put("learningRate", learningRate);
    m.put("minibatchSize", minibatchSize);
    m.put("monotone", monotone);
    m.put("challengerTrees", challengerTrees);
    return m;
  }
}
