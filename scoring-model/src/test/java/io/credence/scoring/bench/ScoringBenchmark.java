package io.credence.scoring.bench;

import io.credence.scoring.data.LabelledDataset;
import io.credence.scoring.features.Feature;
import io.credence.scoring.features.FeatureVector;
import io.credence.scoring.scorecard.ScoreResult;
import io.credence.scoring.scorecard.Scorecard;
import io.credence.scoring.simulation.BorrowerSimulator;
import io.credence.scoring.simulation.SimulatedBorrower;
import io.credence.scoring.simulation.SimulationConfig;
import io.credence.scoring.training.ScorecardTrainer;
import io.credence.scoring.training.TrainedModel;
import io.credence.scoring.training.TrainerConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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

    cpuAtStart = CPU.getCurrentThreadCpuTime();
    long t = System.nanoTime();
    SimulationConfig config = SimulationConfig.of(seed, borrowers);
    List<SimulatedBorrower> histories = BorrowerSimulator.histories(config);
    report("simulate %d borrower histories (24 months, parallel)", borrowers, t);

    // Feature extraction on one thread, CPU time of this thread (holds up under machine load).
    long events = histories.stream().mapToLong(h -> h.history().events().size()).sum();
    long cpu = CPU.getCurrentThreadCpuTime();
    t = System.nanoTime();
    for (SimulatedBorrower h : histories) {
      sink += (long) h.history().features().get(Feature.CREDIT_HISTORY_DAYS);
    }
    double cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpu) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "extract features, 1 thread: %d borrowers (%d events) in %.2f s wall, %.2f s CPU:"
            + " %.0f borrowers per CPU-second%n",
        borrowers,
        events,
        (System.nanoTime() - t) / 1e9,
        cpuSeconds,
        borrowers / cpuSeconds);
    LabelledDataset data = BorrowerSimulator.toDataset(config, histories);

    cpuAtStart = CPU.getCurrentThreadCpuTime();
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

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private static long cpuAtStart = CPU.getCurrentThreadCpuTime();

  /** Wall time since {@code startNanos} and this thread's CPU time since the previous report. */
  private static void report(String what, int n, long startNanos) {
    long cpu = CPU.getCurrentThreadCpuTime();
    System.out.printf(
        Locale.ROOT,
        what + ": %.1f s wall, %.1f s CPU of the calling thread%n",
        n,
        (System.nanoTime() - startNanos) / 1e9,
        (cpu - cpuAtStart) / 1e9);
    cpuAtStart = cpu;
  }
}
