package io.credence.scoring.scorecard;

import io.credence.scoring.features.Feature;
import io.credence.scoring.features.FeatureVector;
import io.credence.scoring.reasons.ReasonCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An additive integer scorecard: the model the platform applies and the zero-knowledge layer can
 * reason about. Thread-safe and immutable; scoring needs no Tribuo classes.
 */
public final class Scorecard {

  /** Maximum number of reason codes returned. */
  public static final int MAX_REASONS = 4;

  private final ScorecardDefinition definition;
  private final String modelId;
  private final double[][] edges;
  private final int[][] points;
  private final double[][] coefficients;
  private final int[] bestPoints;

  /**
   * @param definition the bins and points
   * @param modelId SHA-256 (hex) of the artifact the definition was saved in
   */
  public Scorecard(ScorecardDefinition definition, String modelId) {
    this.definition = Objects.requireNonNull(definition, "definition");
    this.modelId = Objects.requireNonNull(modelId, "modelId");
    List<Characteristic> cs = definition.characteristics();
    edges = new double[cs.size()][];
    points = new int[cs.size()][];
    coefficients = new double[cs.size()][];
    bestPoints = new int[cs.size()];
    for (int i = 0; i < cs.size(); i++) {
      Characteristic c = cs.get(i);
      edges[i] = c.upperEdges().stream().mapToDouble(Double::doubleValue).toArray();
      points[i] = c.points().stream().mapToInt(Integer::intValue).toArray();
      coefficients[i] = c.coefficients().stream().mapToDouble(Double::doubleValue).toArray();
      bestPoints[i] = c.bestPoints();
    }
  }

  public ScorecardDefinition definition() {
    return definition;
  }

  public String modelId() {
    return modelId;
  }

  /** Wallet age below which a borrower is outside the population the scorecard was built on. */
  public static final int MIN_WALLET_AGE_DAYS = 90;

  /**
   * Whether the scorecard may score this borrower: at least one borrow ({@link
   * Feature#BORROW_COUNT} {@code >= 1}) and a wallet age of at least {@value #MIN_WALLET_AGE_DAYS}
   * days. The training population had both; outside it the model would be extrapolating (a wallet
   * with no debt and no liquidations lands in the best bins of most features).
   */
  public static boolean isScorable(FeatureVector features) {
    return features.get(Feature.BORROW_COUNT) >= 1
        && features.get(Feature.WALLET_AGE_DAYS) >= MIN_WALLET_AGE_DAYS;
  }

  /**
   * Scores one borrower: integer score, band, implied probability of default and reason codes.
   *
   * @throws InsufficientHistoryException if the borrower is not {@linkplain #isScorable scorable}
   * @throws NullPointerException if {@code features} is null
   */
  public ScoreResult score(FeatureVector features) {
    if (!isScorable(features)) {
      throw new InsufficientHistoryException(
          "not enough history to score: need at least one borrow and a wallet age of "
              + MIN_WALLET_AGE_DAYS
              + " days");
    }
    double[] x = features.toArray();
    long total = definition.baseScore();
    int[] shortfall = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      int p = points[i][Characteristic.binOf(edges[i], x[i])];
      total += p;
      shortfall[i] = bestPoints[i] - p;
    }
    int score = definition.scaling().clamp(total);
    return new ScoreResult(
        score,
        definition.bands().bandOf(score).name(),
        definition.scaling().probabilityOfDefault(score),
        reasons(shortfall),
        modelId);
  }

  /** The integer score alone, for bulk evaluation; does not check {@link #isScorable}. */
  public int points(FeatureVector features) {
    double[] x = features.toArray();
    long total = definition.baseScore();
    for (int i = 0; i < x.length; i++) {
      total += points[i][Characteristic.binOf(edges[i], x[i])];
    }
    return definition.scaling().clamp(total);
  }

  /** Log-odds of default of the float (unrounded) model behind the scorecard. */
  public double floatLogOdds(FeatureVector features) {
    double[] x = features.toArray();
    double logit = definition.intercept();
    for (int i = 0; i < x.length; i++) {
      logit += coefficients[i][Characteristic.binOf(edges[i], x[i])];
    }
    return logit;
  }

  private List<ReasonCode> reasons(int[] shortfall) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < shortfall.length; i++) {
      if (shortfall[i] > 0) {
        order.add(i);
      }
    }
    // Largest shortfall first; ties keep schema order so the codes are stable.
    order.sort(Comparator.comparingInt((Integer i) -> -shortfall[i]).thenComparingInt(i -> i));
    List<ReasonCode> codes = new ArrayList<>();
    for (int i : order.subList(0, Math.min(MAX_REASONS, order.size()))) {
      codes.add(ReasonCode.forFeature(definition.characteristics().get(i).feature()));
    }
    return codes;
  }
}
