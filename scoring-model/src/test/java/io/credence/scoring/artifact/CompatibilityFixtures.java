package io.credence.scoring.artifact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.credence.scoring.data.LabelledBorrower;
import io.credence.scoring.features.FeatureExtractor;
import io.credence.scoring.features.LendingEvent;
import io.credence.scoring.features.LendingEventType;
import io.credence.scoring.features.WalletActivity;
import io.credence.scoring.scorecard.ScoreResult;
import io.credence.scoring.scorecard.Scorecard;
import io.credence.scoring.simulation.BorrowerSimulator;
import io.credence.scoring.simulation.SimulationConfig;
import io.credence.scoring.training.ScorecardTrainer;
import io.credence.scoring.training.TrainedModel;
import io.credence.scoring.training.TrainerConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generated the committed compatibility model and its expected scores once; not a test. Never
 * re-run it to "fix" {@link ModelCompatibilityTest}: a failure there means saved models no longer
 * load or score the same, which is exactly what the test guards against.
 *
 * <pre>
 * ./mvnw -q -pl scoring-model test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.credence.scoring.artifact.CompatibilityFixtures
 * </pre>
 */
public final class CompatibilityFixtures {

  static final Path DIR = Path.of("scoring-model/src/test/resources/io/credence/scoring/artifact");

  private CompatibilityFixtures() {}

  public static void main(String[] args) throws Exception {
    var data = BorrowerSimulator.simulate(SimulationConfig.of(5, 2_000)).split(0.3, 5);
    TrainedModel model =
        ScorecardTrainer.train(data.train(), TrainerConfig.defaults(5).withChallengerTrees(0));
    ModelArtifacts.save(model.artifact(), DIR.resolve("scorecard-v1.json"));
    Scorecard s = model.scorecard();
    List<Map<String, Object>> cases = new ArrayList<>();
    List<io.credence.scoring.features.FeatureVector> vectors = new ArrayList<>();
    // A thin file: one borrow, nothing else known.
    vectors.add(
        FeatureExtractor.extract(
            List.of(
                new LendingEvent(
                    LendingEventType.BORROW,
                    "base",
                    "aave-v3",
                    "USDC",
                    500,
                    Instant.parse("2024-09-01T00:00:00Z"))),
            WalletActivity.NONE,
            Instant.parse("2025-01-01T00:00:00Z")));
    for (LabelledBorrower b : data.test().rows().subList(0, 40)) {
      vectors.add(b.features());
    }
    for (var v : vectors) {
      ScoreResult r = s.score(v);
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("features", v.toColumnMap());
      c.put("score", r.score());
      c.put("band", r.band());
      c.put("probabilityOfDefault", r.probabilityOfDefault());
      c.put("reasonCodes", r.reasonCodes().stream().map(Enum::name).toList());
      cases.add(c);
    }
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(DIR.resolve("scorecard-v1-expected.json").toFile(), cases);
  }
}
