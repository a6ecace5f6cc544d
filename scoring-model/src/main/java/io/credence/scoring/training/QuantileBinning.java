package io.credence.scoring.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Quantile bin edges learnt from training values. */
final class QuantileBinning {

  private QuantileBinning() {}

  /**
   * Upper edges for at most {@code maxBins} bins of roughly equal size. Ties (common for counts and
   * for missing-value substitutes) merge bins; a bin smaller than {@code minBinFraction} of the
   * rows is merged into its neighbour, so every bin has enough rows to estimate its coefficient.
   */
  static List<Double> edges(double[] values, int maxBins, double minBinFraction) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    int minCount = Math.max(1, (int) Math.ceil(minBinFraction * n));
    List<Double> edges = new ArrayList<>();
    int previousEnd = 0; // rows already in earlier bins
    for (int k = 1; k < maxBins; k++) {
      double edge = sorted[Math.max(0, Math.min(n - 1, (int) ((long) k * n / maxBins) - 1))];
      int end = upperBound(sorted, edge);
      boolean grows = edges.isEmpty() || edge > edges.get(edges.size() - 1);
      if (grows && end - previousEnd >= minCount && n - end >= minCount) {
        edges.add(edge);
        previousEnd = end;
      }
    }
    return edges;
  }

  /** Number of values {@code <= x}. */
  private static int upperBound(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
