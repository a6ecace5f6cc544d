package io.credence.scoring.evaluation;

import io.credence.scoring.data.LabelledDataset;
import io.credence.scoring.features.Feature;
import io.credence.scoring.features.FeatureVector;
import io.credence.scoring.scorecard.Band;
import io.credence.scoring.scorecard.Scorecard;
import io.credence.scoring.training.Challenger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Evaluates a scorecard (and optionally a challenger) on labelled data. */
public final class Evaluator {

  private Evaluator() {}

  /**
   * Builds the evaluation report.
   *
   * @param scorecard the model to evaluate
   * @param all labelled borrowers the model was not trained on; only the {@linkplain
   *     Scorecard#isScorable scorable} ones are evaluated, the others are counted as refused
   * @param challenger a challenger to evaluate on the same rows, if any
   * @throws IllegalArgumentException if fewer than 10 rows are scorable
   */
  public static EvaluationReport evaluate(
      Scorecard scorecard, LabelledDataset all, Optional<Challenger> challenger) {
    // The model speaks only for the population it scores; refused thin files are counted apart.
    LabelledDataset data =
        new LabelledDataset(
            all.description(),
            all.rows().stream().filter(r -> Scorecard.isScorable(r.features())).toList());
    int refused = all.size() - data.size();
    long refusedDefaults = all.defaults() - data.defaults();
    int n = data.size();
    if (n < 10) {
      throw new IllegalArgumentException("need at least 10 scorable rows to evaluate, got " + n);
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
      double[] ci = Metrics.wilson(defaults, count);
      bands.add(
          new EvaluationReport.BandRow(
              b.name(),
              b.minScore(),
              b.maxScore(),
              count,
              defaults,
              count == 0 ? 0 : (double) defaults / count,
              ci[0],
              ci[1]));
    }
    double[] aucCi = Metrics.aucInterval(auc, data.defaults(), n - data.defaults());

    return new EvaluationReport(
        scorecard.modelId(),
        data.description(),
        n,
        data.defaults(),
        refused,
        refusedDefaults,
        auc,
        aucCi[0],
        aucCi[1],
        Metrics.ks(risk, bad),
        2 * auc - 1,
        Metrics.brier(pd, bad),
        floatAuc,
        floatAuc - auc,
        challengerResult,
        deciles,
        bands,
        segments(data, risk, bad),
        List.of(),
        List.of(),
        null,
        List.of(),
        null,
        EvaluationReport.Monitoring.DEFAULT);
  }

  /** The segments a model-risk review asks about. */
  private static final List<Segment> SEGMENTS =
      List.of(
          new Segment("ever liquidated", v -> v.get(Feature.LIQUIDATION_COUNT) > 0),
          new Segment("never liquidated", v -> v.get(Feature.LIQUIDATION_COUNT) == 0),
          new Segment(
              "no current debt",
              v -> v.get(Feature.MIN_HEALTH_FACTOR) >= Feature.MIN_HEALTH_FACTOR.max()),
          new Segment(
              "current debt",
              v -> v.get(Feature.MIN_HEALTH_FACTOR) < Feature.MIN_HEALTH_FACTOR.max()),
          new Segment(
              "short file (credit history 180-364 days)",
              v -> v.get(Feature.CREDIT_HISTORY_DAYS) < 365),
          new Segment(
              "credit history 365 days or more", v -> v.get(Feature.CREDIT_HISTORY_DAYS) >= 365),
          new Segment("multi-chain (credit on 2+ chains)", v -> v.get(Feature.CREDIT_CHAINS) >= 2),
          new Segment("single chain", v -> v.get(Feature.CREDIT_CHAINS) < 2),
          new Segment(
              "short-cycle borrowing (loops) seen", v -> v.get(Feature.SHORT_CYCLE_SHARE) > 0));

  private record Segment(String name, Predicate<FeatureVector> member) {}

  private static List<EvaluationReport.SegmentRow> segments(
      LabelledDataset data, double[] risk, boolean[] bad) {
    List<EvaluationReport.SegmentRow> rows = new ArrayList<>();
    for (Segment segment : SEGMENTS) {
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < data.size(); i++) {
        if (segment.member().test(data.rows().get(i).features())) {
          members.add(i);
        }
      }
      double[] r = new double[members.size()];
      boolean[] b = new boolean[members.size()];
      long defaults = 0;
      for (int k = 0; k < r.length; k++) {
        r[k] = risk[members.get(k)];
        b[k] = bad[members.get(k)];
        defaults += b[k] ? 1 : 0;
      }
      double auc = r.length == 0 ? Double.NaN : Metrics.auc(r, b);
      double[] ci = Metrics.aucInterval(auc, defaults, r.length - defaults);
      rows.add(
          new EvaluationReport.SegmentRow(
              segment.name(),
              r.length,
              defaults,
              r.length == 0 ? 0 : (double) defaults / r.length,
              auc,
              ci[0],
              ci[1]));
    }
    return rows;
  }
}
