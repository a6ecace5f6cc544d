package io.credence.scoring.training;

import io.credence.scoring.features.Feature;
import io.credence.scoring.scorecard.Characteristic;
import java.util.List;

/**
 * Monotone coarse classing: for features whose risk direction is known, adjacent bins are merged
 * until default risk runs one way across the bins, first by observed default rate (cheap, before
 * fitting) and then by the fitted coefficients (after each fit, since collinear features can still
 * reverse a pattern). Points then never reward the riskier side of a feature.
 */
final class MonotoneBinning {

  /** How default risk moves as the feature's value grows. */
  enum Direction {
    RISK_FALLS,
    RISK_RISES,
    /** No constraint (no feature of schema 2 uses it; kept for other schemas and tests). */
    NONE
  }

  private MonotoneBinning() {}

  static Direction direction(Feature feature) {
    return switch (feature.riskDirection()) {
      case FALLS -> Direction.RISK_FALLS;
      case RISES -> Direction.RISK_RISES;
    };
  }

  /**
   * Removes edges (merging adjacent bins) until the observed default rate per bin follows the
   * direction, always merging the pair with the largest reversal first.
   */
  static void poolByDefaultRate(
      List<Double> edges, double[] values, boolean[] bad, Direction direction) {
    if (direction == Direction.NONE) {
      return;
    }
    while (!edges.isEmpty()) {
      double[] e = edges.stream().mapToDouble(Double::doubleValue).toArray();
      long[] rows = new long[e.length + 1];
      long[] defaults = new long[e.length + 1];
      for (int i = 0; i < values.length; i++) {
        int b = Characteristic.binOf(e, values[i]);
        rows[b]++;
        defaults[b] += bad[i] ? 1 : 0;
      }
      double[] rate = new double[rows.length];
      for (int b = 0; b < rows.length; b++) {
        rate[b] = rows[b] == 0 ? 0 : (double) defaults[b] / rows[b];
      }
      int worst = worstReversal(rate, direction);
      if (worst < 0) {
        return;
      }
      edges.remove(worst);
    }
  }

  /**
   * Index of the edge between the adjacent pair of bins whose risk measure (default rate or
   * log-odds coefficient) runs most strongly against the direction, or -1 if none does.
   */
  static int worstReversal(double[] risk, Direction direction) {
    if (direction == Direction.NONE) {
      return -1;
    }
    int worst = -1;
    double largest = 0;
    for (int j = 0; j + 1 < risk.length; j++) {
      double step = risk[j + 1] - risk[j];
      double reversal = direction == Direction.RISK_FALLS ? step : -step;
      if (reversal > largest) {
        largest = reversal;
        worst = j;
      }
    }
    return worst;
  }
}
