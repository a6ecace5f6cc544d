package io.credence.scoring.evaluation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Discrimination and calibration metrics; {@code risk} is higher for riskier borrowers. */
final class Metrics {

  private Metrics() {}

  /** Area under the ROC curve (Mann-Whitney), ties counted as one half. */
  static double auc(double[] risk, boolean[] bad) {
    Integer[] order = sortedByRisk(risk);
    long bads = count(bad);
    long goods = bad.length - bads;
    if (bads == 0 || goods == 0) {
      return Double.NaN;
    }
    double rankSumBad = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && risk[order[j + 1]] == risk[order[i]]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (bad[order[k]]) {
          rankSumBad += averageRank;
        }
      }
      i = j + 1;
    }
    return (rankSumBad - bads * (bads + 1) / 2.0) / ((double) bads * goods);
  }

  /** Kolmogorov-Smirnov statistic: largest gap between the cumulative bad and good shares. */
  static double ks(double[] risk, boolean[] bad) {
    Integer[] order = sortedByRisk(risk);
    long bads = count(bad);
    long goods = bad.length - bads;
    if (bads == 0 || goods == 0) {
      return Double.NaN;
    }
    double cumBad = 0;
    double cumGood = 0;
    double ks = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j < order.length && risk[order[j]] == risk[order[i]]) {
        if (bad[order[j]]) {
          cumBad++;
        } else {
          cumGood++;
        }
        j++;
      }
      ks = Math.max(ks, Math.abs(cumBad / bads - cumGood / goods));
      i = j;
    }
    return ks;
  }

  /** Mean squared difference between predicted probability and outcome. */
  static double brier(double[] probability, boolean[] bad) {
    double sum = 0;
    for (int i = 0; i < bad.length; i++) {
      double d = probability[i] - (bad[i] ? 1 : 0);
      sum += d * d;
    }
    return sum / bad.length;
  }

  /** Wilson score 95% interval of a proportion {@code k / n}: {@code {low, high}}. */
  static double[] wilson(long k, long n) {
    if (n == 0) {
      return new double[] {0, 1};
    }
    double z = 1.959964;
    double p = (double) k / n;
    double denominator = 1 + z * z / n;
    double centre = (p + z * z / (2.0 * n)) / denominator;
    double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denominator;
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  /**
   * 95% interval of an AUC from the Hanley-McNeil (1982) standard error: {@code {low, high}}; NaN
   * when a class is absent.
   */
  static double[] aucInterval(double auc, long bads, long goods) {
    if (bads == 0 || goods == 0 || Double.isNaN(auc)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double q1 = auc / (2 - auc);
    double q2 = 2 * auc * auc / (1 + auc);
    double variance =
        (auc * (1 - auc) + (bads - 1) * (q1 - auc * auc) + (goods - 1) * (q2 - auc * auc))
            / ((double) bads * goods);
    double half = 1.959964 * Math.sqrt(Math.max(0, variance));
    return new double[] {Math.max(0, auc - half), Math.min(1, auc + half)};
  }

  /**
   * Population stability index of {@code actual} against {@code expected}, over ten bins cut at the
   * deciles of {@code expected}; empty bins count as 0.01% so the index stays finite.
   */
  static double psi(int[] expected, int[] actual) {
    int[] sorted = expected.clone();
    Arrays.sort(sorted);
    double[] cuts = new double[9];
    for (int k = 1; k <= 9; k++) {
      cuts[k - 1] = sorted[Math.min(sorted.length - 1, k * sorted.length / 10)];
    }
    double[] e = shares(expected, cuts);
    double[] a = shares(actual, cuts);
    double psi = 0;
    for (int b = 0; b < e.length; b++) {
      psi += (a[b] - e[b]) * Math.log(a[b] / e[b]);
    }
    return psi;
  }

  private static double[] shares(int[] values, double[] cuts) {
    double[] share = new double[cuts.length + 1];
    for (int v : values) {
      int b = 0;
      while (b < cuts.length && v >= cuts[b]) {
        b++;
      }
      share[b]++;
    }
    for (int b = 0; b < share.length; b++) {
      share[b] = Math.max(1e-4, share[b] / values.length);
    }
    return share;
  }

  static Integer[] sortedByRisk(double[] risk) {
    Integer[] order = IntStream.range(0, risk.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> risk[i]));
    return order;
  }

  private static long count(boolean[] flags) {
    long c = 0;
    for (boolean f : flags) {
      if (f) {
        c++;
      }
    }
    return c;
  }
}
