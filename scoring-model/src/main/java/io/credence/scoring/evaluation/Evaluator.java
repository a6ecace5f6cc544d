package io.credence.scoring.evaluation;

import io.credence.scoring.data.LabelledDataset;
import io.credence.scoring.scorecard.Band;
import io.credence.scoring.scorecard.Scorecard;
import io.credence.scoring.training.Challenger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Evaluates a scorecard (and optionally a challenger) on labelled data. */
public final class Evaluator {

  private Evaluator() {}

  /**
   * Builds the evaluation report.
   *
   * @param scorecard the model to evaluate
   * @param data labelled borrowers the model was not trained on
   * @param challenger a challenger to evaluate on the same rows, if any
   * @throws IllegalArgumentException if {@code data} has fewer than 10 rows
   */
  public static EvaluationReport evaluate(
      Scorecard scorecard, LabelledDataset data, Optional<Challenger> challenger) {
    int n = data.size();
    if (n < 10) {
      throw new IllegalArgumentException("need at least 10 rows to evaluate, got " + n);
    }
    int[] scores = new int[n];
    double[] risk = new double[n];
    double[] floatRisk = new double[n];
    double[] pd = new double[n];
    boolean[] bad = new boolean[n];
    for (int i = 0; i < n; i++) {
      var row = data.rows().get(i);
      scores[i] = scorecard.points(row.features());
      risk[i] = -scores[i];
      floatRisk[i] = scorecard.floatLogOdds(row.features());
      pd[i] = scorecard.definition().scaling().probabilityOfDefault(scores[i]);
      bad[i] = row.defaulted();
    }
    double auc = Metrics.auc(risk, bad);
    double floatAuc = Metrics.auc(floatRisk, bad);

    EvaluationReport.ChallengerResult challengerResult =
        challenger
            .map(
                c -> {
                  double[] p = new double[n];
                  for (int i = 0; i < n; i++) {
                    p[i] = c.probabilityOfDefault(data.rows().get(i).features());
                  }
                  return new EvaluationReport.ChallengerResult(
                      c.description(), Metrics.auc(p, bad), Metrics.brier(p, bad));
                })
            .orElse(null);

    Integer[] order = Metrics.sortedByRisk(risk); // lowest risk first
    List<EvaluationReport.DecileRow> deciles = new ArrayList<>();
    for (int d = 0; d < 10; d++) {
      // Decile 1 is the riskiest tenth: the end of the order.
      int from = n - (int) ((long) (d + 1) * n / 10);
      int to = n - (int) ((long) d * n / 10);
      int min = Integer.MAX_VALUE;
      int max = Integer.MIN_VALUE;
      long defaults = 0;
      double pdSum = 0;
      for (int k = from; k < to; k++) {
        int i = order[k];
        min = Math.min(min, scores[i]);
        max = Math.max(max, scores[i]);
        defaults += bad[i] ? 1 : 0;
        pdSum += pd[i];
      }
      int size = to - from;
      deciles.add(
          new EvaluationReport.DecileRow(
              d + 1, min, max, size, defaults, pdSum / size, (double) defaults / size));
    }

    List<EvaluationReport.BandRow> bands = new ArrayList<>();
    for (Band b : scorecard.definition().bands().bands()) {
      int count = 0;
      long defaults = 0;
      for (int i = 0; i < n; i++) {
        if (b.contains(scores[i])) {
          count++;
          defaults += bad[i] ? 1 : 0;
        }
      }
      bands.add(
          new EvaluationReport.BandRow(
              b.name(),
              b.minScore(),
              b.maxScore(),
              count,
              defaults,
              count == 0 ? 0 : (double) defaults / count));
    }

    return new EvaluationReport(
        scorecard.modelId(),
        data.description(),
        n,
        data.defaults(),
        auc,
        Metrics.ks(risk, bad),
        2 * auc - 1,
        Metrics.brier(pd, bad),
        floatAuc,
        floatAuc - auc,
        challengerResult,
        deciles,
        bands);
  }
}
