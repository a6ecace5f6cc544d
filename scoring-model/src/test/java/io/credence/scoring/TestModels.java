package io.credence.scoring;

import io.credence.scoring.data.LabelledDataset;
import io.credence.scoring.evaluation.EvaluationReport;
import io.credence.scoring.evaluation.Evaluator;
import io.credence.scoring.simulation.BorrowerSimulator;
import io.credence.scoring.simulation.SimulatedBorrower;
import io.credence.scoring.simulation.SimulationConfig;
import io.credence.scoring.training.ScorecardTrainer;
import io.credence.scoring.training.TrainedModel;
import io.credence.scoring.training.TrainerConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** One synthetic model trained once per test JVM, shared by the tests that need a real model. */
public final class TestModels {

  /** 15k borrowers keep the suite fast; the published model uses more (see the model card). */
  public static final int BORROWERS = 15_000;

  public static final long SEED = 8;

  private static TrainedModel model;
  private static LabelledDataset.Split split;
  private static List<SimulatedBorrower> heldOut;
  private static EvaluationReport report;

  private TestModels() {}

  public static synchronized TrainedModel model() {
    if (model == null) {
      SimulationConfig config = SimulationConfig.of(SEED, BORROWERS);
      List<SimulatedBorrower> histories = BorrowerSimulator.histories(config);
      split = BorrowerSimulator.toDataset(config, histories).split(0.3, SEED);
      List<SimulatedBorrower> shuffled = new ArrayList<>(histories);
      Collections.shuffle(shuffled, new Random(SEED)); // the permutation of LabelledDataset.split
      heldOut = List.copyOf(shuffled.subList(0, split.test().size()));
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

  /** The simulated histories behind {@code split().test()}, in the same order. */
  public static synchronized List<SimulatedBorrower> heldOutHistories() {
    model();
    return heldOut;
  }

  public static synchronized EvaluationReport report() {
    if (report == null) {
      report = Evaluator.evaluate(model().scorecard(), split().test(), model().challenger());
    }
    return report;
  }
}
