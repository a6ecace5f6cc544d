package io.credence.scoring.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.credence.scoring.artifact.ModelArtifacts;
import io.credence.scoring.simulation.BorrowerSimulator;
import io.credence.scoring.simulation.SimulatedBorrower;
import io.credence.scoring.simulation.SimulationConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Measures the uplift of every gaming strategy against the bundled model, on the honest held-out
 * borrowers of its own training run; not a test. Run at commit d6f5d96, when the bundled model was
 * still the schema-1 model {@code 4044db01...}, it recorded the "before" figures of the adversarial
 * section ({@code adversarial-baseline-v1.json}); run today it measures the current bundled model.
 *
 * <pre>
 * ./mvnw -q -pl scoring-model test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.credence.scoring.evaluation.AdversarialBaseline -Dexec.args=OUT.json
 * </pre>
 */
public final class AdversarialBaseline {

  private AdversarialBaseline() {}

  public static void main(String[] args) throws Exception {
    var config = SimulationConfig.of(8, 50_000).withAdversarialShare(0);
    List<SimulatedBorrower> all = new ArrayList<>(BorrowerSimulator.histories(config));
    Collections.shuffle(all, new Random(8));
    List<SimulatedBorrower> heldOut = all.subList(0, 15_000);
    var model = ModelArtifacts.loadBundled();
    var results = AdversarialEvaluation.evaluate(model.scorecard(), heldOut, 13);
    var out =
        new java.util.LinkedHashMap<String, Object>(
            java.util.Map.of("modelId", model.scorecard().modelId()));
    out.put("population", config.describe() + " [held-out split]");
    out.put("results", results);
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(Path.of(args[0]).toFile(), out);
    results.forEach(System.out::println);
  }
}
