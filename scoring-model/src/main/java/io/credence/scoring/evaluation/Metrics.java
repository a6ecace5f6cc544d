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
