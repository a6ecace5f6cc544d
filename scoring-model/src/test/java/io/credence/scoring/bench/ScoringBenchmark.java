package io.credence.scoring.bench;

import io.credence.scoring.data.LabelledDataset;
import io.credence.scoring.features.FeatureVector;
import io.credence.scoring.scorecard.ScoreResult;
import io.credence.scoring.scorecard.Scorecard;
import io.credence.scoring.simulation.BorrowerSimulator;
import io.credence.scoring.simulation.SimulationConfig;
import io.credence.scoring.training.ScorecardTrainer;
import io.credence.scoring.training.TrainedModel;
import io.credence.scoring.training.TrainerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark harness (not a test; tests never assert on time). Training is a batch job, so it is
 * timed once per configuration after a small warm-up run; scoring is timed over repeated passes
 * after warm-up passes, single-threaded (per core) and with two threads.
 *
 * <pre>
 * ./mvnw -q -pl scoring-model test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.credence.scoring.bench.ScoringBenchmark -Dexec.args="100000"
 * </pre>
 */
public final class ScoringBenchmark {

  private static volatile long sink;

  private ScoringBenchmark() {}

  public static void main(String[] args) throws Exception {
    int borrowers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    long seed = 8;
    System.out.printf(
        Locale.ROOT,
        "java %s, %d available processors, max heap %d MiB%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);

    // Warm-up: a small end-to-end run so JIT compilation is not billed to the timed runs.
    ScorecardTrainer.train(
        BorrowerSimulator.simulate(SimulationConfig.of(seed, 3_000)),
        TrainerConfig.defaults(seed).withChallengerTrees(10));

    long t = System.nanoTime();
    LabelledDataset data = BorrowerSimulator.simulate(SimulationConfig.of(seed, borrowers));
    report("simulate %d borrowers (24 months, parallel)", borrowers, t);

    t = System.nanoTime();
    TrainedModel model =
        ScorecardTrainer.train(data, TrainerConfig.defaults(seed).withChallengerTrees(0));
    report(
        "train scorecard on %d borrowers (binning + Tribuo logistic regression + points)",
        borrowers, t);

    t = System.nanoTime();
    ScorecardTrainer.train(data, TrainerConfig.defaults(seed));
    report(
        "train scorecard + XGBoost challenger (150 trees, 1 thread) on %d borrowers", borrowers, t);

    Scorecard scorecard = model.scorecard();
    FeatureVector[] vectors =
        data.rows().stream()
            .map(r -> r.features())
            .filter(Scorecard::isScorable)
            .toArray(FeatureVector[]::new);
    for (int i = 0; i < 5; i++) {
      pass(scorecard, vectors, 0, vectors.length);
    }
    List<Double> rates = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      long start = System.nanoTime();
      pass(scorecard, vectors, 0, vectors.length);
      rates.add(vectors.length / ((System.nanoTime() - start) / 1e9));
    }
    System.out.printf(
        Locale.ROOT,
        "score (with reason codes), 1 thread: mean %.0f/s, min %.0f/s, max %.0f/s over 10 passes of %d%n",
        rates.stream().mapToDouble(Double::doubleValue).average().orElse(0),
        rates.stream().mapToDouble(Double::doubleValue).min().orElse(0),
        rates.stream().mapToDouble(Double::doubleValue).max().orElse(0),
        vectors.length);

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      double best = 0;
      for (int i = 0; i < 5; i++) {
        long start = System.nanoTime();
        int half = vectors.length / 2;
        Future<?> a = pool.submit(() -> pass(scorecard, vectors, 0, half));
        Future<?> b = pool.submit(() -> pass(scorecard, vectors, half, vectors.length));
        a.get();
        b.get();
        best = Math.max(best, vectors.length / ((System.nanoTime() - start) / 1e9));
      }
      System.out.printf(Locale.ROOT, "score, 2 threads: best %.0f/s over 5 passes%n", best);
    } finally {
      pool.shutdown();
    }
  }

  private static void pass(Scorecard scorecard, FeatureVector[] vectors, int from, int to) {
    long acc = 0;
    for (int i = from; i < to; i++) {
      if (Scorecard.isScorable(vectors[i])) {
        ScoreResult r = scorecard.score(vectors[i]);
        acc += r.score() + r.reasonCodes().size();
      }
    }
    sink += acc;
  }

  private static void report(String what, int n, long startNanos) {
    System.out.printf(Locale.ROOT, what + ": %.1f s%n", n, (System.nanoTime() - startNanos) / 1e9);
  }
}
