package io.credence.scoring.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Locale;

/**
 * What a risk officer reads: discrimination, calibration and band outcomes of a scorecard on
 * labelled data it was not trained on.
 *
 * @param modelId the evaluated model
 * @param data description of the evaluation data
 * @param rows borrowers evaluated
 * @param defaults borrowers who defaulted
 * @param auc ROC AUC of the integer score
 * @param ks Kolmogorov-Smirnov statistic of the integer score
 * @param gini {@code 2 * auc - 1}
 * @param brier Brier score of the probability of default implied by the integer score
 * @param floatAuc AUC of the unrounded logistic model behind the scorecard
 * @param roundingAucLoss {@code floatAuc - auc}: what integer points cost
 * @param challenger the challenger's description and AUC, or {@code null} if none was evaluated
 * @param deciles calibration table by score decile, riskiest first
 * @param bands default rate per band, best band first
 */
public record EvaluationReport(
    String modelId,
    String data,
    int rows,
    long defaults,
    double auc,
    double ks,
    double gini,
    double brier,
    double floatAuc,
    double roundingAucLoss,
    ChallengerResult challenger,
    List<DecileRow> deciles,
    List<BandRow> bands) {

  /** The challenger's accuracy on the same data. */
  public record ChallengerResult(String description, double auc, double brier) {}

  /** One score decile: predicted versus observed default rate. */
  public record DecileRow(
      int decile,
      int minScore,
      int maxScore,
      int rows,
      long defaults,
      double meanPredictedPd,
      double observedDefaultRate) {}

  /** One band: how many borrowers fell in it and how many defaulted. */
  public record BandRow(
      String band, int minScore, int maxScore, int rows, long defaults, double defaultRate) {}

  public EvaluationReport {
    deciles = List.copyOf(deciles);
    bands = List.copyOf(bands);
  }

  public double defaultRate() {
    return rows == 0 ? 0 : (double) defaults / rows;
  }

  /** The report as pretty-printed JSON. */
  public String toJson() {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render report", e);
    }
  }

  /** The report as Markdown. */
  public String toMarkdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Scorecard evaluation report\n\n");
    md.append("- Model id: `").append(modelId).append("`\n");
    md.append("- Data: ").append(data).append('\n');
    md.append(
        String.format(
            Locale.ROOT,
            "- Borrowers: %d, defaults: %d (%.2f%%)%n%n",
            rows,
            defaults,
            100 * defaultRate()));
    md.append("## Discrimination and calibration\n\n");
    md.append("| metric | scorecard (integer points) | float logistic model | challenger |\n");
    md.append("|---|---|---|---|\n");
    String challengerAuc = challenger == null ? "not run" : f4(challenger.auc());
    String challengerBrier = challenger == null ? "not run" : f4(challenger.brier());
    md.append("| AUC | ")
        .append(f4(auc))
        .append(" | ")
        .append(f4(floatAuc))
        .append(" | ")
        .append(challengerAuc)
        .append(" |\n");
    md.append("| Gini | ")
        .append(f4(gini))
        .append(" | ")
        .append(f4(2 * floatAuc - 1))
        .append(" | ")
        .append(challenger == null ? "not run" : f4(2 * challenger.auc() - 1))
        .append(" |\n");
    md.append("| KS | ").append(f4(ks)).append(" | | |\n");
    md.append("| Brier score | ")
        .append(f4(brier))
        .append(" | | ")
        .append(challengerBrier)
        .append(" |\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Rounding to integer points costs %.4f AUC (float %.4f, integer %.4f).%n",
            Math.abs(roundingAucLoss) < 5e-5 ? 0.0 : roundingAucLoss,
            floatAuc,
            auc));
    if (challenger != null) {
      md.append("Challenger: ").append(challenger.description()).append(".\n");
    }
    md.append("\n## Calibration by score decile (riskiest first)\n\n");
    md.append(
        "| decile | scores | borrowers | defaults | mean predicted PD | observed default rate |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (DecileRow d : deciles) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %d-%d | %d | %d | %.2f%% | %.2f%% |%n",
              d.decile(),
              d.minScore(),
              d.maxScore(),
              d.rows(),
              d.defaults(),
              100 * d.meanPredictedPd(),
              100 * d.observedDefaultRate()));
    }
    md.append("\n## Default rate by band\n\n");
    md.append("| band | scores | borrowers | share | defaults | default rate |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (BandRow b : bands) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d-%d | %d | %.1f%% | %d | %.2f%% |%n",
              b.band(),
              b.minScore(),
              b.maxScore(),
              b.rows(),
              rows == 0 ? 0 : 100.0 * b.rows() / rows,
              b.defaults(),
              100 * b.defaultRate()));
    }
    return md.toString();
  }

  private static String f4(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
