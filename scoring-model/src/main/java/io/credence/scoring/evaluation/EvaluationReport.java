package io.credence.scoring.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a risk officer reads: discrimination, calibration and band outcomes of a scorecard on
 * labelled data it was not trained on.
 *
 * @param modelId the evaluated model
 * @param data description of the evaluation data
 * @param rows borrowers evaluated
 * @param defaults borrowers who defaulted
 * @param refusedRows borrowers the scorecard refused (thin files), not part of the metrics
 * @param refusedDefaults refused borrowers who defaulted
 * @param auc ROC AUC of the integer score
 * @param aucCiLow lower end of the AUC's 95% interval (Hanley-McNeil)
 * @param aucCiHigh upper end of the AUC's 95% interval
 * @param ks Kolmogorov-Smirnov statistic of the integer score
 * @param gini {@code 2 * auc - 1}
 * @param brier Brier score of the probability of default implied by the integer score
 * @param floatAuc AUC of the unrounded logistic model behind the scorecard
 * @param roundingAucLoss {@code floatAuc - auc}: what integer points cost
 * @param challenger the challenger's description and AUC, or {@code null} if none was evaluated
 * @param deciles calibration table by score decile, riskiest first
 * @param bands default rate per band, best band first, with 95% intervals
 * @param segments performance by segment, with 95% intervals
 * @param adversarial score uplift per gaming strategy, before and after schema 2 and with related
 *     wallets ignored and scored (empty if not run)
 * @param stability performance on other market paths and a later window (empty if not run)
 * @param laterCohortPsi population stability index of the later cohort's scores against the
 *     evaluated ones ({@code null} if not run)
 * @param relatedWallets what hiding liquidated wallets buys at each share of directly related
 *     wallets (empty if not run)
 * @param strangerPayment what a stranger's liquidated wallet paying the one-way minimum costs an
 *     honest borrower ({@code null} if not run)
 * @param monitoring what is tracked in production and the thresholds that trigger action
 */
public record EvaluationReport(
    String modelId,
    String data,
    int rows,
    long defaults,
    int refusedRows,
    long refusedDefaults,
    double auc,
    double aucCiLow,
    double aucCiHigh,
    double ks,
    double gini,
    double brier,
    double floatAuc,
    double roundingAucLoss,
    ChallengerResult challenger,
    List<DecileRow> deciles,
    List<BandRow> bands,
    List<SegmentRow> segments,
    List<AdversarialRow> adversarial,
    List<PathRow> stability,
    Double laterCohortPsi,
    List<AdversarialEvaluation.RelatedWalletRow> relatedWallets,
    AdversarialEvaluation.StrangerPaymentResult strangerPayment,
    Monitoring monitoring) {

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

  /** One band: how many borrowers fell in it and how many defaulted (95% Wilson interval). */
  public record BandRow(
      String band,
      int minScore,
      int maxScore,
      int rows,
      long defaults,
      double defaultRate,
      double ciLow,
      double ciHigh) {}

  /** Performance on one segment of the evaluated borrowers. */
  public record SegmentRow(
      String segment,
      int rows,
      long defaults,
      double defaultRate,
      double auc,
      double aucCiLow,
      double aucCiHigh) {}

  /**
   * What one gaming strategy buys a band-D borrower.
   *
   * @param before the schema-1 model ({@code null}: the strategy was added later)
   * @param relatedIgnored this model with the gamed histories' related wallets left out: the model
   *     as it was before the related-wallet policy
   * @param after this model, related wallets scored
   */
  public record AdversarialRow(
      String strategy,
      String description,
      AdversarialEvaluation.StrategyResult before,
      AdversarialEvaluation.StrategyResult relatedIgnored,
      AdversarialEvaluation.StrategyResult after) {}

  /**
   * The scorecard on another population: another market path or a later window.
   *
   * @param name short name, e.g. {@code seed 3} or {@code out-of-time}
   * @param data description of the population
   * @param rows scored borrowers
   * @param defaultRate their default rate
   * @param outcomeRegimes share of days of the outcome window in each market regime
   * @param auc AUC of the integer score
   * @param aucCiLow lower end of its 95% interval
   * @param aucCiHigh upper end
   * @param bandDefaultRates default rate per band, best first
   * @param bandShares share of scored borrowers per band, best first
   */
  public record PathRow(
      String name,
      String data,
      int rows,
      double defaultRate,
      Map<String, Double> outcomeRegimes,
      double auc,
      double aucCiLow,
      double aucCiHigh,
      Map<String, Double> bandDefaultRates,
      Map<String, Double> bandShares) {}

  /**
   * The monitoring plan: what production tracks and when it acts.
   *
   * @param psiReview population stability index of scores (monthly cohort against the development
   *     sample) above which the model is reviewed
   * @param psiRecalibrate PSI above which the model is recalibrated or retrained
   * @param aucDropRetrain fall in AUC on matured outcomes (90 days later) that triggers retraining
   * @param bandOrderBroken retrain when neighbouring bands' default rates stop being ordered
   * @param refusedShareChange change in the share of refused (thin-file) applicants, in percentage
   *     points, that triggers a review of the eligibility rule
   * @param shortCycleShareReview share of scored borrowers with short-cycle borrowing above which
   *     the loop rules are reviewed
   */
  public record Monitoring(
      double psiReview,
      double psiRecalibrate,
      double aucDropRetrain,
      boolean bandOrderBroken,
      double refusedShareChange,
      double shortCycleShareReview) {

    /** The plan in {@code docs/model-card.md}. */
    public static final Monitoring DEFAULT = new Monitoring(0.10, 0.25, 0.03, true, 5, 0.05);
  }

  public EvaluationReport {
    deciles = List.copyOf(deciles);
    bands = List.copyOf(bands);
    segments = List.copyOf(segments);
    adversarial = List.copyOf(adversarial);
    stability = List.copyOf(stability);
    relatedWallets = List.copyOf(relatedWallets);
  }

  /** This report with the adversarial and stability sections filled in. */
  public EvaluationReport withValidation(
      List<AdversarialRow> adversarialRows,
      List<PathRow> paths,
      Double psi,
      List<AdversarialEvaluation.RelatedWalletRow> relatedWalletRows,
      AdversarialEvaluation.StrangerPaymentResult stranger) {
    return new EvaluationReport(
        modelId,
        data,
        rows,
        defaults,
        refusedRows,
        refusedDefaults,
        auc,
        aucCiLow,
        aucCiHigh,
        ks,
        gini,
        brier,
        floatAuc,
        roundingAucLoss,
        challenger,
        deciles,
        bands,
        segments,
        adversarialRows,
        paths,
        psi,
        relatedWalletRows,
        stranger,
        monitoring);
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
            "- Borrowers scored: %d, defaults: %d (%.2f%%)%n",
            rows,
            defaults,
            100 * defaultRate()));
    md.append(
        String.format(
            Locale.ROOT,
            "- Refused (thin files, not scored, not in the figures below): %d, of whom %d"
                + " defaulted%n%n",
            refusedRows,
            refusedDefaults));
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
    md.append(
        String.format(Locale.ROOT, "| AUC 95%% interval | %.4f-%.4f | | |%n", aucCiLow, aucCiHigh));
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
    md.append("| band | scores | borrowers | share | defaults | default rate | 95% interval |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (BandRow b : bands) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d-%d | %d | %.1f%% | %d | %.2f%% | %.2f-%.2f%% |%n",
              b.band(),
              b.minScore(),
              b.maxScore(),
              b.rows(),
              rows == 0 ? 0 : 100.0 * b.rows() / rows,
              b.defaults(),
              100 * b.defaultRate(),
              100 * b.ciLow(),
              100 * b.ciHigh()));
    }
    md.append("\n## Performance by segment\n\n");
    md.append("| segment | borrowers | defaults | default rate | AUC | AUC 95% interval |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (SegmentRow g : segments) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %.2f%% | %s | %s |%n",
              g.segment(),
              g.rows(),
              g.defaults(),
              100 * g.defaultRate(),
              Double.isNaN(g.auc()) ? "n/a" : f4(g.auc()),
              Double.isNaN(g.aucCiLow()) ? "n/a" : f4(g.aucCiLow()) + "-" + f4(g.aucCiHigh())));
    }
    if (!adversarial.isEmpty()) {
      md.append("\n## Adversarial borrowers (score uplift bought by band-D borrowers)\n\n");
      md.append(
          "Every honest band-D borrower of the held-out split runs each strategy on their own"
              + " history; uplift = gamed score - honest score. Refused = the gamed history is"
              + " not scored at all. Before = the schema-1 model with its features. Related"
              + " wallets ignored = this model without the related-wallet policy.\n\n");
      md.append(
          "| strategy | before: mean / worst uplift, bands crossed | related wallets ignored:"
              + " mean / worst uplift, bands crossed | after: mean / worst uplift, bands crossed"
              + " | after: applicable / refused / reached A |\n");
      md.append("|---|---|---|---|---|\n");
      for (AdversarialRow a : adversarial) {
        md.append("| ")
            .append(a.strategy())
            .append(" (")
            .append(a.description())
            .append(") | ")
            .append(uplift(a.before()))
            .append(" | ")
            .append(uplift(a.relatedIgnored()))
            .append(" | ")
            .append(uplift(a.after()))
            .append(" | ")
            .append(
                String.format(
                    Locale.ROOT,
                    "%d / %d / %d",
                    a.after().applicable(),
                    a.after().refused(),
                    a.after().bandACount()))
            .append(" |\n");
      }
    }
    if (!relatedWallets.isEmpty()) {
      md.append("\n## Related wallets: hiding liquidated wallets, by share of directly related");
      md.append(" wallets\n\n");
      md.append(
          "CLEAN_WALLETS_ONLY for every honest band-D borrower with a liquidated wallet to hide."
              + " Detected = every hidden wallet was related by direct transfers and counted;"
              + " undetected = none was (funded through an exchange, or transfers below the"
              + " minimum link). The share of directly related wallets is an assumption.\n\n");
      md.append(
          "| directly related | hiding | all: mean / worst uplift, bands crossed | detected |"
              + " partly detected | undetected | related but below the minimum |\n");
      md.append("|---|---|---|---|---|---|---|\n");
      for (var r : relatedWallets) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %.0f%% | %d | %s | %d: %s | %d: %s | %d: %s | %d |%n",
                100 * r.relatedWalletShare(),
                r.all().applicable(),
                uplift(r.all()),
                r.detected().applicable(),
                uplift(r.detected()),
                r.partly().applicable(),
                uplift(r.partly()),
                r.undetected().applicable(),
                uplift(r.undetected()),
                r.belowMinimum()));
      }
    }
    if (strangerPayment != null) {
      md.append(
          String.format(
              Locale.ROOT,
              "%nFalse positive of the minimum link: a stranger's wallet liquidated 30 days ago"
                  + " sends each of %d honest scored borrowers 10,000 USD (the least that counts)."
                  + " Points lost: mean %.1f, worst %d; %d lost points, %d fell a band; %d of"
                  + " those who lost points were told why (CR31).%n",
              strangerPayment.borrowers(),
              strangerPayment.meanLoss(),
              strangerPayment.worstLoss(),
              strangerPayment.lostPoints(),
              strangerPayment.droppedBand(),
              strangerPayment.reasonNamed()));
    }
    if (!stability.isEmpty()) {
      md.append("\n## Stability: other market paths and a later window\n\n");
      md.append(
          "| population | scored | default rate | outcome-window regimes (calm/turbulent/crash) |"
              + " AUC (95% interval) | band default rates | band shares |\n");
      md.append("|---|---|---|---|---|---|---|\n");
      for (PathRow p : stability) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %.2f%% | %s | %.4f (%.4f-%.4f) | %s | %s |%n",
                p.name(),
                p.rows(),
                100 * p.defaultRate(),
                percentages(p.outcomeRegimes()),
                p.auc(),
                p.aucCiLow(),
                p.aucCiHigh(),
                percentages(p.bandDefaultRates()),
                percentages(p.bandShares())));
      }
    }
    if (laterCohortPsi != null) {
      md.append(
          String.format(
              Locale.ROOT,
              "%nPopulation stability index, later cohort (out-of-time) against the evaluated"
                  + " borrowers: %.4f (review above %.2f, recalibrate above %.2f).%n",
              laterCohortPsi,
              monitoring.psiReview(),
              monitoring.psiRecalibrate()));
    }
    return md.toString();
  }

  private static String uplift(AdversarialEvaluation.StrategyResult r) {
    if (r == null) {
      return "not measured";
    }
    return String.format(
        Locale.ROOT, "%+.1f / %+d, %d", r.meanUplift(), r.worstUplift(), r.maxBandsCrossed());
  }

  private static String percentages(Map<String, Double> m) {
    StringBuilder out = new StringBuilder();
    m.forEach(
        (k, v) ->
            out.append(out.isEmpty() ? "" : ", ")
                .append(k)
                .append(' ')
                .append(String.format(Locale.ROOT, "%.1f%%", 100 * v)));
    return out.toString();
  }

  private static String f4(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
