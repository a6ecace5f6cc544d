package io.credence.scoring.scorecard;

/**
 * Points-to-double-the-odds scaling: {@code score = offset + factor * ln(goodOdds)} with {@code
 * factor = pointsToDoubleOdds / ln 2} and {@code offset} chosen so that {@code anchorScore} means
 * good:bad odds of {@code anchorOdds}. Scores are clamped to {@code [minScore, maxScore]}.
 *
 * @param anchorScore score at the anchor odds
 * @param anchorOdds good:bad odds at the anchor score, {@code > 0}
 * @param pointsToDoubleOdds points that double the good:bad odds, {@code > 0}
 * @param minScore lowest score
 * @param maxScore highest score
 */
public record ScoreScaling(
    int anchorScore, double anchorOdds, double pointsToDoubleOdds, int minScore, int maxScore) {

  /**
   * 660 points at 20:1 good:bad odds (PD 4.8%), 40 points to double the odds, on 300-850: a score
   * of 750 then means a PD of about 1%, and 580 about 16%.
   */
  public static final ScoreScaling DEFAULT = new ScoreScaling(660, 20, 40, 300, 850);

  public ScoreScaling {
    if (!(anchorOdds > 0) || !(pointsToDoubleOdds > 0) || minScore >= maxScore) {
      throw new IllegalArgumentException("invalid scaling");
    }
  }

  /** Points per unit of log-odds. */
  public double factor() {
    return pointsToDoubleOdds / Math.log(2);
  }

  public double offset() {
    return anchorScore - factor() * Math.log(anchorOdds);
  }

  /** The unrounded, unclamped score for a log-odds of default. */
  public double rawScore(double logOddsOfDefault) {
    return offset() - factor() * logOddsOfDefault;
  }

  /** Probability of default implied by a (possibly fractional) score. */
  public double probabilityOfDefault(double score) {
    return 1 / (1 + Math.exp((score - offset()) / factor()));
  }

  public int clamp(long score) {
    return (int) Math.max(minScore, Math.min(maxScore, score));
  }
}
