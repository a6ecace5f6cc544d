package io.credence.scoring.scorecard;

import io.credence.scoring.features.Feature;
import java.util.List;
import java.util.Objects;

/**
 * One feature's part of the scorecard: its bins and their points.
 *
 * <p>Bin {@code j} holds values {@code x} with {@code upperEdges[j-1] < x <= upperEdges[j]}; the
 * first bin is unbounded below and the last unbounded above, so there is one more bin than edges.
 *
 * @param feature the feature
 * @param upperEdges strictly increasing bin edges
 * @param points integer points per bin, {@code >= 0}, monotone in the feature's risk direction; the
 *     riskiest bin has 0 in a trained scorecard
 * @param coefficients the float model's log-odds-of-default contribution per bin (kept to measure
 *     rounding loss and for audit)
 */
public record Characteristic(
    Feature feature, List<Double> upperEdges, List<Integer> points, List<Double> coefficients) {

  /**
   * @throws IllegalArgumentException if sizes disagree, edges are not increasing, points are
   *     negative or points are not monotone in the feature's {@linkplain Feature#riskDirection()
   *     risk direction} (a riskier value never earns more points)
   */
  public Characteristic {
    Objects.requireNonNull(feature, "feature");
    upperEdges = List.copyOf(upperEdges);
    points = List.copyOf(points);
    coefficients = List.copyOf(coefficients);
    if (points.size() != upperEdges.size() + 1 || coefficients.size() != points.size()) {
      throw new IllegalArgumentException(feature + ": need one more bin than edges");
    }
    for (int i = 1; i < upperEdges.size(); i++) {
      if (!(upperEdges.get(i) > upperEdges.get(i - 1))) {
        throw new IllegalArgumentException(feature + ": edges must increase");
      }
    }
    for (int p : points) {
      if (p < 0) {
        throw new IllegalArgumentException(feature + ": points must be >= 0");
      }
    }
    for (int j = 1; j < points.size(); j++) {
      int step = points.get(j) - points.get(j - 1);
      boolean reversed =
          feature.riskDirection() == Feature.RiskDirection.FALLS ? step < 0 : step > 0;
      if (reversed) {
        throw new IllegalArgumentException(
            feature
                + ": points must "
                + (feature.riskDirection() == Feature.RiskDirection.FALLS ? "not fall" : "not rise")
                + " as the value grows (risk "
                + feature.riskDirection().name().toLowerCase(java.util.Locale.ROOT)
                + " with it): "
                + points);
      }
    }
  }

  /** Index of the bin holding {@code value}. */
  public int binOf(double value) {
    return binOf(upperEdges.stream().mapToDouble(Double::doubleValue).toArray(), value);
  }

  /**
   * Index of the bin holding {@code value} for strictly increasing upper-inclusive {@code
   * upperEdges}: the one rule shared by training and scoring.
   */
  public static int binOf(double[] upperEdges, double value) {
    int lo = 0;
    int hi = upperEdges.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (value <= upperEdges[mid]) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  public int bestPoints() {
    return points.stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  /** Human-readable range of bin {@code j}, e.g. {@code (0.5, 1.2]}. */
  public String binLabel(int j) {
    String lo = j == 0 ? "-inf" : fmt(upperEdges.get(j - 1));
    String hi = j == upperEdges.size() ? "+inf" : fmt(upperEdges.get(j));
    return "(" + lo + ", " + hi + "]";
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(java.util.Locale.ROOT, "%.4g", v);
  }
}
