package io.credence.scoring.training;

import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import io.credence.scoring.artifact.ArtifactProvenance;
import io.credence.scoring.artifact.ModelArtifact;
import io.credence.scoring.artifact.ModelArtifacts;
import io.credence.scoring.data.LabelledBorrower;
import io.credence.scoring.data.LabelledDataset;
import io.credence.scoring.features.Feature;
import io.credence.scoring.features.FeatureSchema;
import io.credence.scoring.features.FeatureVector;
import io.credence.scoring.scorecard.Characteristic;
import io.credence.scoring.scorecard.ScoreScaling;
import io.credence.scoring.scorecard.Scorecard;
import io.credence.scoring.scorecard.ScorecardDefinition;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the scorecard: quantile bins per feature learnt on the training data, a Tribuo logistic
 * regression on the one-hot bins, then integer points per bin with points-to-double-the-odds
 * scaling. Optionally trains a Tribuo XGBoost challenger on the raw features. Deterministic: the
 * same data and configuration give the same artifact bytes and model id.
 */
public final class ScorecardTrainer {

  /** Upper limit of {@link TrainerConfig#maxBins()}. */
  public static final int MAX_BINS = 50;

  /** Fewest training rows accepted. */
  public static final int MIN_ROWS = io.credence.scoring.data.CsvDatasets.MIN_TRAINING_ROWS;

  static final String DEFAULT = "default";
  static final String GOOD = "good";
  private static final LabelFactory LABELS = new LabelFactory();

  /** Fixed data-source time so the provenance (and the model id) do not depend on the clock. */
  private static final OffsetDateTime DATA_TIME =
      OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  /** Provenance fields that describe the machine or the wall clock, not the model. */
  private static final Set<String> VOLATILE_PROVENANCE =
      Set.of(
          "trained-at",
          "java-version",
          "os-name",
          "os-arch",
          "host-name",
          "datasource-creation-time");

  private ScorecardTrainer() {}

  /**
   * Trains on the {@linkplain Scorecard#isScorable scorable} rows of {@code all}.
   *
   * @throws IllegalArgumentException if there are fewer than {@link #MIN_ROWS} scorable rows or
   *     only one class
   */
  public static TrainedModel train(LabelledDataset all, TrainerConfig config) {
    // Thin files are refused at scoring time, so they are no part of the modelled population.
    LabelledDataset training =
        new LabelledDataset(
            all.description(),
            all.rows().stream().filter(r -> Scorecard.isScorable(r.features())).toList());
    int n = training.size();
    long defaults = training.defaults();
    if (n < MIN_ROWS) {
      throw new IllegalArgumentException(
          "need at least " + MIN_ROWS + " scorable training rows, got " + n);
    }
    if (defaults == 0 || defaults == n) {
      throw new IllegalArgumentException(
          "the label has a single class (" + defaults + " defaults in " + n + " rows)");
    }
    List<Feature> features = FeatureSchema.FEATURES;
    boolean[] bad = new boolean[n];
    for (int i = 0; i < n; i++) {
      bad[i] = training.rows().get(i).defaulted();
    }
    List<List<Double>> edges = new ArrayList<>();
    for (Feature f : features) {
      double[] column = training.rows().stream().mapToDouble(r -> r.features().get(f)).toArray();
      List<Double> e =
          new ArrayList<>(QuantileBinning.edges(column, config.maxBins(), config.minBinFraction()));
      if (config.monotone()) {
        MonotoneBinning.poolByDefaultRate(e, column, bad, MonotoneBinning.direction(f));
      }
      edges.add(e);
    }

    // Fit; while a constrained feature's coefficients still reverse, merge the offending bins and
    // refit. Every round removes at least one edge, so this ends.
    LinearSGDModel logistic;
    while (true) {
      logistic = fit(training, toArrays(edges), config);
      boolean merged = false;
      if (config.monotone()) {
        for (Feature f : features) {
          int edge =
              MonotoneBinning.worstReversal(
                  coefficients(logistic, f, edges.get(f.ordinal()).size() + 1),
                  MonotoneBinning.direction(f));
          if (edge >= 0) {
            edges.get(f.ordinal()).remove(edge);
            merged = true;
          }
        }
      }
      if (!merged) {
        break;
      }
    }
    double[][] edgeArrays = toArrays(edges);

    ScorecardDefinition definition = toScorecard(logistic, edges, config);
    checkAgainstTribuo(logistic, definition, training, edgeArrays);

    ArtifactProvenance provenance =
        new ArtifactProvenance(
            training.description(),
            n,
            config.seed(),
            config.asMap(),
            FeatureSchema.VERSION,
            stable(ProvenanceUtil.convertToMap(logistic.getProvenance())));
    ModelArtifact artifact = new ModelArtifact(definition, provenance);
    Scorecard scorecard =
        new Scorecard(definition, ModelArtifacts.modelId(ModelArtifacts.encode(artifact)));
    Optional<Challenger> challenger =
        config.challengerTrees() == 0
            ? Optional.empty()
            : Optional.of(challenger(training, config));
    return new TrainedModel(artifact, scorecard, challenger);
  }

  private static LinearSGDModel fit(
      LabelledDataset training, double[][] edges, TrainerConfig config) {
    MutableDataset<Label> binned = dataset(training);
    for (LabelledBorrower row : training.rows()) {
      binned.add(binnedExample(row, edges));
    }
    LinearSGDTrainer trainer =
        new LinearSGDTrainer(
            new LogMulticlass(),
            new AdaGrad(config.learningRate(), 0.1),
            config.epochs(),
            Integer.MAX_VALUE,
            config.minibatchSize(),
            config.seed());
    return trainer.train(binned);
  }

  /** Log-odds-of-default coefficient of each bin of one feature. */
  private static double[] coefficients(LinearSGDModel logistic, Feature f, int bins) {
    ImmutableFeatureMap featureIds = logistic.getFeatureIDMap();
    DenseMatrix w = logistic.getWeightsCopy();
    int defaultRow = logistic.getOutputIDInfo().getID(new Label(DEFAULT));
    int goodRow = logistic.getOutputIDInfo().getID(new Label(GOOD));
    double[] c = new double[bins];
    for (int j = 0; j < bins; j++) {
      int id = featureIds.getID(binName(f, j));
      // A bin no training row fell in (possible only with heavy ties) carries no evidence.
      c[j] = id < 0 ? 0 : w.get(defaultRow, id) - w.get(goodRow, id);
    }
    return c;
  }

  private static ScorecardDefinition toScorecard(
      LinearSGDModel logistic, List<List<Double>> edges, TrainerConfig config) {
    DenseMatrix w = logistic.getWeightsCopy();
    int defaultRow = logistic.getOutputIDInfo().getID(new Label(DEFAULT));
    int goodRow = logistic.getOutputIDInfo().getID(new Label(GOOD));
    int biasColumn = w.getDimension2Size() - 1;
    double intercept = w.get(defaultRow, biasColumn) - w.get(goodRow, biasColumn);

    ScoreScaling scaling = config.scaling();
    double factor = scaling.factor();
    double worstSum = 0;
    List<double[]> coefficients = new ArrayList<>();
    for (Feature f : FeatureSchema.FEATURES) {
      double[] c = coefficients(logistic, f, edges.get(f.ordinal()).size() + 1);
      double worst = Arrays.stream(c).max().orElse(0);
      worstSum += worst;
      coefficients.add(c);
    }
    List<Characteristic> characteristics = new ArrayList<>();
    for (Feature f : FeatureSchema.FEATURES) {
      double[] c = coefficients.get(f.ordinal());
      double worst = Arrays.stream(c).max().orElse(0);
      List<Integer> points = new ArrayList<>();
      List<Double> coefficientList = new ArrayList<>();
      for (double cj : c) {
        points.add((int) Math.round(factor * (worst - cj)));
        coefficientList.add(cj);
      }
      characteristics.add(new Characteristic(f, edges.get(f.ordinal()), points, coefficientList));
    }
    int base = (int) Math.round(scaling.rawScore(intercept + worstSum));
    return new ScorecardDefinition(
        FeatureSchema.VERSION, scaling, config.bands(), base, intercept, characteristics);
  }

  /** Guards the weight extraction: our float model must reproduce Tribuo's probabilities. */
  private static void checkAgainstTribuo(
      LinearSGDModel logistic,
      ScorecardDefinition definition,
      LabelledDataset training,
      double[][] edges) {
    Scorecard unsaved = new Scorecard(definition, "unsaved");
    for (LabelledBorrower row : training.rows().subList(0, Math.min(50, training.size()))) {
      double tribuo =
          logistic.predict(binnedExample(row, edges)).getOutputScores().get(DEFAULT).getScore();
      double ours = 1 / (1 + Math.exp(-unsaved.floatLogOdds(row.features())));
      if (Math.abs(tribuo - ours) > 1e-6) {
        throw new IllegalStateException(
            "scorecard does not reproduce the Tribuo model: " + tribuo + " vs " + ours);
      }
    }
  }

  private static Challenger challenger(LabelledDataset training, TrainerConfig config) {
    MutableDataset<Label> raw = dataset(training);
    for (LabelledBorrower row : training.rows()) {
      raw.add(rawExample(row.features(), label(row)));
    }
    int trees = config.challengerTrees();
    var trainer =
        new XGBoostClassificationTrainer(
            trees, 0.1, 0, 4, 1, 0.8, 0.8, 1, 0, 1, true, config.seed());
    Model<Label> model = trainer.train(raw);
    String description =
        "Tribuo XGBoost (" + trees + " trees, depth 4, eta 0.1) on the raw features";
    return new Challenger() {
      @Override
      public String description() {
        return description;
      }

      @Override
      public double probabilityOfDefault(FeatureVector features) {
        return model
            .predict(rawExample(features, LABELS.getUnknownOutput()))
            .getOutputScores()
            .get(DEFAULT)
            .getScore();
      }
    };
  }

  private static MutableDataset<Label> dataset(LabelledDataset data) {
    return new MutableDataset<>(
        new SimpleDataSourceProvenance(data.description(), DATA_TIME, LABELS), LABELS);
  }

  private static Example<Label> binnedExample(LabelledBorrower row, double[][] edges) {
    List<Feature> features = FeatureSchema.FEATURES;
    String[] names = new String[features.size()];
    double[] ones = new double[features.size()];
    for (Feature f : features) {
      names[f.ordinal()] =
          BIN_NAMES[f.ordinal()][Characteristic.binOf(edges[f.ordinal()], row.features().get(f))];
      ones[f.ordinal()] = 1;
    }
    return new ArrayExample<>(label(row), names, ones);
  }

  private static double[][] toArrays(List<List<Double>> edges) {
    double[][] out = new double[edges.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = edges.get(i).stream().mapToDouble(Double::doubleValue).toArray();
    }
    return out;
  }

  private static Example<Label> rawExample(FeatureVector v, Label label) {
    String[] names = new String[FeatureSchema.FEATURES.size()];
    for (Feature f : FeatureSchema.FEATURES) {
      names[f.ordinal()] = f.column();
    }
    return new ArrayExample<>(label, names, v.toArray());
  }

  private static Label label(LabelledBorrower row) {
    return new Label(row.defaulted() ? DEFAULT : GOOD);
  }

  /** Tribuo feature names of the one-hot bins, precomputed: {@code BIN_NAMES[feature][bin]}. */
  private static final String[][] BIN_NAMES = binNames();

  private static String[][] binNames() {
    String[][] names = new String[FeatureSchema.FEATURES.size()][];
    for (Feature f : FeatureSchema.FEATURES) {
      names[f.ordinal()] = new String[MAX_BINS];
      for (int j = 0; j < MAX_BINS; j++) {
        names[f.ordinal()][j] = binName(f, j);
      }
    }
    return names;
  }

  static String binName(Feature f, int bin) {
    return String.format(Locale.ROOT, "%02d_%s@%d", f.ordinal(), f.column(), bin);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> stable(Map<String, Object> provenance) {
    Map<String, Object> out = new LinkedHashMap<>();
    provenance.forEach(
        (k, v) -> {
          if (!VOLATILE_PROVENANCE.contains(k)) {
            out.put(k, v instanceof Map<?, ?> m ? stable((Map<String, Object>) m) : v);
          }
        });
    return out;
  }
}
