package io.credence.scoring.scorecard;

import io.credence.scoring.features.BorrowerHistory;
import io.credence.scoring.features.Feature;
import io.credence.scoring.features.FeatureExtractor;
import io.credence.scoring.features.FeatureVector;
import io.credence.scoring.reasons.ReasonCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * Fewest days since the first credit loan for a borrower to be scored: a thin file (younger
   * credit history) is refused, like a bureau refuses files with less than six months of credit.
   */
  public static final int MIN_CREDIT_HISTORY_DAYS = 180;

  /**
   * Whether the scorecard may score this borrower: a first credit loan (at least 100 USD, not
   * repaid within a day) at least {@value #MIN_CREDIT_HISTORY_DAYS} days ago. Loops, dust loans and
   * fresh wallets do not qualify, so a thin file cannot be scored at all, let alone reach the best
   * band.
   */
  public static boolean isScorable(FeatureVector features) {
    return features.get(Feature.CREDIT_HISTORY_DAYS) >= MIN_CREDIT_HISTORY_DAYS;
  }

  /**
   * Scores one borrower: {@code score = clamp(baseScore + sum of the points of the bin each feature
   * falls in)}, its band, the implied probability of default and up to {@value #MAX_REASONS} reason
   * codes.
   *
   * @throws InsufficientHistoryException if the borrower is not {@linkplain #isScorable scorable}
   * @throws NullPointerException if {@code features} is null
   */
  public ScoreResult score(FeatureVector features) {
    return score(features, features);
  }

  /**
   * Scores one borrower from the raw history, related wallets included: the score of {@link
   * BorrowerHistory#features()} (see {@link FeatureExtractor#extract(BorrowerHistory)}), with the
   * points that related wallets cost named apart. Per feature, the points the related wallets took
   * away (points of the linked-only value minus points of the value scored) go to {@link
   * ReasonCode#CR31}; the rest of the feature's shortfall goes to its own code. Without related
   * wallets that count, this is {@code score(history.features())}.
   *
   * @throws InsufficientHistoryException if the borrower is not {@linkplain #isScorable scorable}
   * @throws NullPointerException if {@code history} is null
   */
  public ScoreResult score(BorrowerHistory history) {
    FeatureVector features = history.features();
    FeatureVector linked =
        history.related().isEmpty()
            ? features
            : FeatureExtractor.extract(history.events(), history.activity(), history.asOf());
    return score(features, linked);
  }

  private ScoreResult score(FeatureVector features, FeatureVector linkedOnly) {
    if (!isScorable(features)) {
      throw new InsufficientHistoryException(
          "not enough credit history to score: the first loan that counts as credit (at least"
              + " 100 USD, not repaid within a day) must be at least "
              + MIN_CREDIT_HISTORY_DAYS
              + " days old (it is "
              + (long) features.get(Feature.CREDIT_HISTORY_DAYS)
              + ")");
    }
    double[] x = features.toArray();
    double[] linked = linkedOnly.toArray();
    long total = definition.baseScore();
    int[] shortfall = new int[x.length];
    int relatedLoss = 0;
    for (int i = 0; i < x.length; i++) {
      int p = points[i][Characteristic.binOf(edges[i], x[i])];
      int related = Math.max(0, points[i][Characteristic.binOf(edges[i], linked[i])] - p);
      total += p;
      shortfall[i] = bestPoints[i] - p - related;
      relatedLoss += related;
    }
    int score = definition.scaling().clamp(total);
    Map<ReasonCode, Integer> lost = pointsLost(shortfall, relatedLoss);
    return new ScoreResult(
        score,
        definition.bands().bandOf(score).name(),
        definition.scaling().probabilityOfDefault(score),
        List.copyOf(lost.keySet()).subList(0, Math.min(MAX_REASONS, lost.size())),
        lost,
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

  /**
   * The points each reason code's features lost against their best bins, added up per code; only
   * codes that cost points, largest loss first (ties in code order).
   */
  private Map<ReasonCode, Integer> pointsLost(int[] shortfall, int relatedLoss) {
    int[] lost = new int[ReasonCode.values().length];
    for (int i = 0; i < shortfall.length; i++) {
      lost[ReasonCode.forFeature(definition.characteristics().get(i).feature()).ordinal()] +=
          shortfall[i];
    }
    lost[ReasonCode.CR31.ordinal()] = relatedLoss;
    List<ReasonCode> codes = new ArrayList<>();
    for (ReasonCode c : ReasonCode.values()) {
      if (lost[c.ordinal()] > 0) {
        codes.add(c);
      }
    }
    codes.sort(Comparator.comparingInt((ReasonCode c) -> -lost[c.ordinal()]));
    Map<ReasonCode, Integer> out = new LinkedHashMap<>();
    codes.forEach(c -> out.put(c, lost[c.ordinal()]));
    return out;
  }
}
