package io.credence.scoring.cli;

import io.credence.scoring.artifact.ModelArtifacts;
import io.credence.scoring.artifact.ModelIntegrityException;
import io.credence.scoring.data.CsvDatasets;
import io.credence.scoring.data.InvalidDatasetException;
import io.credence.scoring.data.LabelledDataset;
import io.credence.scoring.evaluation.EvaluationReport;
import io.credence.scoring.evaluation.Evaluator;
import io.credence.scoring.evaluation.SyntheticValidation;
import io.credence.scoring.scorecard.Band;
import io.credence.scoring.scorecard.BandScheme;
import io.credence.scoring.scorecard.InsufficientHistoryException;
import io.credence.scoring.scorecard.ScoreResult;
import io.credence.scoring.simulation.BorrowerSimulator;
import io.credence.scoring.simulation.SimulatedBorrower;
import io.credence.scoring.simulation.SimulationConfig;
import io.credence.scoring.training.ScorecardTrainer;
import io.credence.scoring.training.TrainedModel;
import io.credence.scoring.training.TrainerConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Command line: {@code generate}, {@code train}, {@code evaluate}, {@code score}. Run without
 * arguments for usage. Exit code 0 on success; 2 on bad arguments or input, including a borrower
 * the scorecard refuses (thin file) and feature values outside their range (refused, never
 * clamped); 1 on I/O failures and internal errors. Every failure prints one line, never a stack
 * trace.
 */
public final class Main {

  /** Default seed of the published synthetic model (see docs/model-card.md for why). */
  static final long DEFAULT_SEED = 8;

  static final int DEFAULT_BORROWERS = 50_000;
  static final double DEFAULT_TEST_FRACTION = 0.3;

  static final String USAGE =
      """
      usage:
        generate --out FILE.csv [--borrowers N] [--seed S]
            simulate N borrowers (default 50000, seed 8) and write a labelled CSV
        train --out DIR (--synthetic [--borrowers N] [--seed S] [--validation-borrowers V]
                         | --csv FILE.csv)
              [--test-fraction F] [--challenger-trees T] [--bands A=750-850,B=670-749,...]
            train on a random (1-F) split (F default 0.3), evaluate on the rest and write
            DIR/scorecard.json, DIR/scorecard.json.sha256 and DIR/evaluation-report.{md,json};
            --synthetic also runs the gaming strategies and V borrowers (default 20000, 0 skips)
            on each other market path and 90 days later
        evaluate --model DIR/scorecard.json --csv FILE.csv [--out DIR]
            evaluate a saved model on labelled data and print the report
        score --model DIR/scorecard.json (--features FILE.json | --history FILE.json)
            score one feature vector (at most 64 KiB of JSON) or one raw borrower history in
            the credence-history v1 or v2 format of docs/history-format.md (at most 8 MiB); prints
            score, band, probability of default and reason codes
      exit codes: 0 done, 2 bad arguments or input (including a borrower who cannot be
      scored), 1 internal or I/O error; always a one-line message, never a stack trace
      """;

  /** Largest feature-vector file {@code score} reads. */
  static final int MAX_FEATURES_BYTES = 64 * 1024;

  /** Largest history file {@code score --history} reads. */
  static final int MAX_HISTORY_BYTES = 8 * 1024 * 1024;

  static final int DEFAULT_VALIDATION_BORROWERS = 20_000;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.print(USAGE);
      return 2;
    }
    try {
      Map<String, String> options = options(args);
      switch (args[0]) {
        case "generate" -> generate(options, out);
        case "train" -> train(options, out);
        case "evaluate" -> evaluate(options, out);
        case "score" -> score(options, out);
        default -> throw new UsageException("unknown command '" + args[0] + "'");
      }
      return 0;
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.print(USAGE);
      return 2;
    } catch (InsufficientHistoryException e) {
      err.println("not scored: " + e.getMessage());
      return 2;
    } catch (InvalidDatasetException | ModelIntegrityException | IllegalArgumentException e) {
      err.println("error: " + oneLine(e.getMessage()));
      return 2;
    } catch (NoSuchFileException e) {
      err.println("error: no such file: " + e.getFile());
      return 2;
    } catch (IOException | UncheckedIOException e) {
      err.println("error: I/O failure: " + oneLine(String.valueOf(e.getMessage())));
      return 1;
    } catch (RuntimeException e) {
      // A bug, not the user's input: say so in one line; the exit code tells scripts apart.
      err.println(
          "internal error: " + e.getClass().getSimpleName() + ": " + oneLine(e.getMessage()));
      return 1;
    }
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("").strip();
  }

  private static void generate(Map<String, String> o, PrintStream out) throws IOException {
    allow(o, "out", "borrowers", "seed");
    Path file = Path.of(required(o, "out"));
    SimulationConfig config = simulation(o);
    LabelledDataset data = BorrowerSimulator.simulate(config);
    CsvDatasets.write(data, file);
    out.printf(
        Locale.ROOT,
        "wrote %d borrowers (%.2f%% defaulted) to %s%n%s%n",
        data.size(),
        100 * data.defaultRate(),
        file,
        data.description());
  }

  private static void train(Map<String, String> o, PrintStream out) throws IOException {
    allow(
        o,
        "out",
        "synthetic",
        "borrowers",
        "seed",
        "csv",
        "test-fraction",
        "challenger-trees",
        "bands",
        "validation-borrowers");
    Path dir = Path.of(required(o, "out"));
    boolean synthetic = o.containsKey("synthetic");
    if (synthetic == o.containsKey("csv")) {
      throw new UsageException("train needs exactly one of --synthetic or --csv");
    }
    long seed = longOption(o, "seed", DEFAULT_SEED);
    SimulationConfig simulation = synthetic ? simulation(o) : null;
    List<SimulatedBorrower> simulated =
        synthetic ? BorrowerSimulator.histories(simulation) : List.of();
    LabelledDataset data =
        synthetic
            ? BorrowerSimulator.toDataset(simulation, simulated)
            : CsvDatasets.readForTraining(Path.of(o.get("csv")));
    double testFraction = doubleOption(o, "test-fraction", DEFAULT_TEST_FRACTION);
    int validationBorrowers =
        (int) longOption(o, "validation-borrowers", DEFAULT_VALIDATION_BORROWERS);
    LabelledDataset.Split split = data.split(testFraction, seed);
    TrainerConfig config =
        TrainerConfig.defaults(seed)
            .withBands(o.containsKey("bands") ? bands(o.get("bands")) : BandScheme.DEFAULT)
            .withChallengerTrees(
                (int)
                    longOption(
                        o, "challenger-trees", TrainerConfig.defaults(seed).challengerTrees()));
    long start = System.nanoTime();
    TrainedModel model = ScorecardTrainer.train(split.train(), config);
    double seconds = (System.nanoTime() - start) / 1e9;
    Path artifact = dir.resolve("scorecard.json");
    String id = ModelArtifacts.save(model.artifact(), artifact);
    EvaluationReport report =
        Evaluator.evaluate(model.scorecard(), split.test(), model.challenger());
    if (synthetic && validationBorrowers > 0) {
      // The same permutation as LabelledDataset.split: the held-out histories of the report's rows.
      List<SimulatedBorrower> shuffled = new ArrayList<>(simulated);
      Collections.shuffle(shuffled, new Random(seed));
      report =
          SyntheticValidation.validate(
              model.scorecard(),
              report,
              simulation,
              shuffled.subList(0, split.test().size()),
              validationBorrowers);
    }
    writeReport(report, dir);
    out.printf(
        Locale.ROOT,
        "trained on %d rows in %.1f s%nmodel id %s%nwrote %s%n%n",
        split.train().size(),
        seconds,
        id,
        artifact);
    out.print(report.toMarkdown());
  }

  private static void evaluate(Map<String, String> o, PrintStream out) throws IOException {
    allow(o, "model", "csv", "out");
    var loaded = ModelArtifacts.load(Path.of(required(o, "model")));
    LabelledDataset data = CsvDatasets.read(Path.of(required(o, "csv")));
    EvaluationReport report = Evaluator.evaluate(loaded.scorecard(), data, Optional.empty());
    if (o.containsKey("out")) {
      writeReport(report, Path.of(o.get("out")));
    }
    out.print(report.toMarkdown());
  }

  private static void score(Map<String, String> o, PrintStream out) throws IOException {
    allow(o, "model", "features", "history");
    if (o.containsKey("features") == o.containsKey("history")) {
      throw new UsageException("score needs exactly one of --features or --history");
    }
    var loaded = ModelArtifacts.load(Path.of(required(o, "model")));
    boolean history = o.containsKey("history");
    Path file = Path.of(o.get(history ? "history" : "features"));
    long limit = history ? MAX_HISTORY_BYTES : MAX_FEATURES_BYTES;
    if (Files.size(file) > limit) {
      throw new IllegalArgumentException(
          file
              + " is larger than "
              + limit
              + " bytes: not a "
              + (history ? "history" : "feature vector"));
    }
    String json = Files.readString(file, StandardCharsets.UTF_8);
    ScoreResult r =
        history
            ? loaded.scorecard().score(HistoryJson.parse(json))
            : loaded.scorecard().score(FeatureVectorJson.parse(json));
    out.printf(Locale.ROOT, "score: %d%n", r.score());
    out.printf(Locale.ROOT, "band: %s%n", r.band());
    out.printf(
        Locale.ROOT, "probability of default (90 days): %.2f%%%n", 100 * r.probabilityOfDefault());
    out.println("reason codes:");
    if (r.reasonCodes().isEmpty()) {
      out.println("  (none: every factor is in its best range)");
    }
    r.reasonCodes().forEach(c -> out.println("  " + c.name() + "  " + c.text()));
    if (r.pointsLost().size() > r.reasonCodes().size()) {
      out.println("other factors that cost points:");
      r.pointsLost().entrySet().stream()
          .skip(r.reasonCodes().size())
          .forEach(e -> out.println("  " + e.getKey().name() + "  " + e.getKey().text()));
    }
    out.println("model id: " + r.modelId());
  }

  private static void writeReport(EvaluationReport report, Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("evaluation-report.md"), report.toMarkdown(), StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("evaluation-report.json"), report.toJson(), StandardCharsets.UTF_8);
  }

  /** Parses {@code A=750-850,B=670-749,...}. */
  static BandScheme bands(String spec) {
    List<Band> bands = new ArrayList<>();
    for (String part : spec.split(",")) {
      String[] nameRange = part.strip().split("=", 2);
      String[] range = nameRange.length == 2 ? nameRange[1].split("-", 2) : new String[0];
      if (range.length != 2) {
        throw new UsageException("--bands: expected NAME=MIN-MAX, got '" + part + "'");
      }
      try {
        bands.add(
            new Band(
                nameRange[0].strip(),
                Integer.parseInt(range[0].strip()),
                Integer.parseInt(range[1].strip())));
      } catch (NumberFormatException e) {
        throw new UsageException("--bands: scores must be integers in '" + part + "'");
      }
    }
    return new BandScheme(bands);
  }

  private static SimulationConfig simulation(Map<String, String> o) {
    return SimulationConfig.of(
        longOption(o, "seed", DEFAULT_SEED), (int) longOption(o, "borrowers", DEFAULT_BORROWERS));
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new UsageException("unexpected argument '" + a + "'");
      }
      String key = a.substring(2);
      if (key.equals("synthetic")) {
        options.put(key, "true");
      } else if (i + 1 < args.length) {
        options.put(key, args[++i]);
      } else {
        throw new UsageException("option --" + key + " needs a value");
      }
    }
    return options;
  }

  private static void allow(Map<String, String> o, String... names) {
    Set<String> allowed = Set.of(names);
    for (String k : o.keySet()) {
      if (!allowed.contains(k)) {
        throw new UsageException("unknown option --" + k);
      }
    }
  }

  private static String required(Map<String, String> o, String name) {
    String v = o.get(name);
    if (v == null) {
      throw new UsageException("missing --" + name);
    }
    return v;
  }

  private static long longOption(Map<String, String> o, String name, long fallback) {
    try {
      return o.containsKey(name) ? Long.parseLong(o.get(name)) : fallback;
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be an integer");
    }
  }

  private static double doubleOption(Map<String, String> o, String name, double fallback) {
    try {
      return o.containsKey(name) ? Double.parseDouble(o.get(name)) : fallback;
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a number");
    }
  }

  private static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
