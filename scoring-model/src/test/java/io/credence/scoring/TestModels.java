package io.credence.scoring;

import io.credence.scoring.data.LabelledDataset;
import io.credence.scoring.evaluation.EvaluationReport;
import io.credence.scoring.evaluation.Evaluator;
import io.credence.scoring.simulation.BorrowerSimulator;
import io.credence.scoring.simulation.SimulationConfig;
import io.credence.scoring.training.ScorecardTrainer;
import io.credence.scoring.training.TrainedModel;
import io.credence.scoring.training.TrainerConfig;

/** One synthetic model trained once per test JVM, shared by the tests that need a real model. */
public final class TestModels {

  /** 15k borrowers keep the suite fast; the published model uses more (see the model card). */
  public static final int BORROWERS = 15_000;

  public static final long SEED = 8;

  private static TrainedModel model;
  private static LabelledDataset.Split split;
  private static EvaluationReport report;

  private TestModels() {}

  public static synchronized TrainedModel model() {
    if (model == null) {
      split = BorrowerSimulator.simulate(SimulationConfig.of(SEED, BORROWERS)).split(0.3, SEED);
      model =
          ScorecardTrainer.train(
              split.train(), TrainerConfig.defaults(SEED).withChallengerTrees(60));
    }
    return model;
  }

  public static synchronized LabelledDataset.Split split() {
    model();
    return split;
  }

  public static synchronized EvaluationReport report() {
    if (report == null) {
      report = Evaluator.evaluate(model().scorecard(), split().test(), model().challenger());
    }
    return report;
  }
}
