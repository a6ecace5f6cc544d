package io.credence.scoring.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credence.scoring.data.LabelledDataset;
import io.credence.scoring.scorecard.Scorecard;
import io.credence.scoring.simulation.BorrowerSimulator;
import io.credence.scoring.simulation.SimulatedBorrower;
import io.credence.scoring.simulation.SimulationConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model-risk checks that need the simulator: gaming strategies against the held-out borrowers,
 * other market paths, and an out-of-time window (the same market and borrowers scored 90 days
 * later) with its population stability index.
 */
public final class SyntheticValidation {

  /** Market paths the scorecard is checked on besides its own (see the model card). */
  public static final List<Long> OTHER_PATHS = List.of(3L, 9L, 11L);

  /** Seed of the strategies' random choices in the adversarial section. */
  public static final long ADVERSARY_SEED = 13;

  /** Classpath resource: uplift against the schema-1 model, measured before issue 13. */
  public static final String BASELINE = "/io/credence/scoring/model/adversarial-baseline-v1.json";

  private SyntheticValidation() {}

  /**
   * Adds the adversarial and stability sections to {@code report}.
   *
   * @param scorecard the evaluated model
   * @param report its evaluation on the held-out split
   * @param training the simulation the model was trained on
   * @param heldOut the held-out simulated borrowers (the rows of {@code report})
   * @param pathBorrowers borrowers per other path and in the later window
   */
  public static EvaluationReport validate(
      Scorecard scorecard,
      EvaluationReport report,
      SimulationConfig training,
      List<SimulatedBorrower> heldOut,
      int pathBorrowers) {
    Map<String, AdversarialEvaluation.StrategyResult> before = baseline();
    double share = training.relatedWalletShare();
    List<AdversarialEvaluation.StrategyResult> ignored =
        AdversarialEvaluation.evaluate(scorecard, heldOut, ADVERSARY_SEED, share, false);
    List<AdversarialEvaluation.StrategyResult> after =
        AdversarialEvaluation.evaluate(scorecard, heldOut, ADVERSARY_SEED, share, true);
    List<EvaluationReport.AdversarialRow> adversarial = new ArrayList<>();
    for (int i = 0; i < after.size(); i++) {
      var a = after.get(i);
      adversarial.add(
          new EvaluationReport.AdversarialRow(
              a.strategy(), a.description(), before.get(a.strategy()), ignored.get(i), a));
    }
    var relatedWallets =
        AdversarialEvaluation.relatedWalletSensitivity(
            scorecard, heldOut, AdversarialEvaluation.RELATED_WALLET_SHARES);
    var stranger = AdversarialEvaluation.strangerPayment(scorecard, heldOut);

    List<EvaluationReport.PathRow> paths = new ArrayList<>();
    for (long seed : OTHER_PATHS) {
      if (seed != training.seed()) {
        SimulationConfig c =
            SimulationConfig.of(seed, pathBorrowers)
                .withAdversarialShare(training.adversarialShare())
                .withRelatedWalletShare(training.relatedWalletShare());
        paths.add(path("seed " + seed, c, scorecard));
      }
    }
    SimulationConfig later =
        new SimulationConfig(
            training.seed(),
            pathBorrowers,
            training.start(),
            training.months() + 3,
            training.featureMonths() + 3,
            training.adversarialShare(),
            training.relatedWalletShare());
    LabelledDataset laterData = BorrowerSimulator.simulate(later);
    paths.add(path("out-of-time (+90 days)", later, laterData, scorecard));

    int[] evaluated = scores(scorecard, BorrowerSimulator.toDataset(training, heldOut));
    double psi = Metrics.psi(evaluated, scores(scorecard, laterData));
    return report.withValidation(adversarial, paths, psi, relatedWallets, stranger);
  }

  private static EvaluationReport.PathRow path(
      String name, SimulationConfig config, Scorecard scorecard) {
    return path(name, config, BorrowerSimulator.simulate(config), scorecard);
  }

  private static EvaluationReport.PathRow path(
      String name, SimulationConfig config, LabelledDataset data, Scorecard scorecard) {
    EvaluationReport r = Evaluator.evaluate(scorecard, data, Optional.empty());
    Map<String, Double> rates = new LinkedHashMap<>();
    Map<String, Double> shares = new LinkedHashMap<>();
    for (var b : r.bands()) {
      rates.put(b.band(), b.defaultRate());
      shares.put(b.band(), r.rows() == 0 ? 0 : (double) b.rows() / r.rows());
    }
    return new EvaluationReport.PathRow(
        name,
        data.description(),
        r.rows(),
        r.defaultRate(),
        BorrowerSimulator.outcomeRegimes(config),
        r.auc(),
        r.aucCiLow(),
        r.aucCiHigh(),
        rates,
        shares);
  }

  private static int[] scores(Scorecard scorecard, LabelledDataset data) {
    return data.rows().stream()
        .filter(r -> Scorecard.isScorable(r.features()))
        .mapToInt(r -> scorecard.points(r.features()))
        .toArray();
  }

  /** The "before" figures: the schema-1 model against the same strategies. */
  static Map<String, AdversarialEvaluation.StrategyResult> baseline() {
    try (InputStream in = SyntheticValidation.class.getResourceAsStream(BASELINE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BASELINE);
      }
      JsonNode root = new ObjectMapper().readTree(in);
      Map<String, AdversarialEvaluation.StrategyResult> out = new HashMap<>();
      for (JsonNode r : root.get("results")) {
        var result = new ObjectMapper().treeToValue(r, AdversarialEvaluation.StrategyResult.class);
        out.put(result.strategy(), result);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
