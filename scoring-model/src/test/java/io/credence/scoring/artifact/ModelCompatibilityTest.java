package io.credence.scoring.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credence.scoring.features.Feature;
import io.credence.scoring.features.FeatureVector;
import io.credence.scoring.scorecard.ScoreResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model saved by an earlier build still loads, keeps its id and gives the same scores. */
class ModelCompatibilityTest {

  static final String MODEL = "scorecard-v2.json";
  static final String MODEL_ID = "d88976003a17f68f14e99bf9cb9f612b7701df2a411b3c47875ef04d3c66a48b";

  /** A schema-1 model saved before issue 13: refused with a message, never silently misread. */
  static final String RETIRED_MODEL = "scorecard-v1.json";

  @TempDir Path dir;

  @Test
  void aSchemaOneModelIsRefusedWithAClearMessage() throws IOException {
    Path model = copy(RETIRED_MODEL);
    copy(RETIRED_MODEL + ".sha256");

    assertThatThrownBy(() -> ModelArtifacts.load(model))
        .isInstanceOf(ModelIntegrityException.class)
        .hasMessageContaining("refusing model artifact: feature schema 1 was retired by schema 2")
        .hasMessageContaining("retrain the model on schema 2");
  }

  @Test
  void theCommittedModelStillLoadsAndScoresTheSame() throws IOException {
    Path model = copy(MODEL);
    copy(MODEL + ".sha256");

    var loaded = ModelArtifacts.load(model);

    assertThat(loaded.scorecard().modelId()).isEqualTo(MODEL_ID);
    JsonNode cases;
    try (InputStream in = getClass().getResourceAsStream("scorecard-v2-expected.json")) {
      cases = new ObjectMapper().readTree(in);
    }
    assertThat(cases.size()).isGreaterThan(40);
    for (JsonNode c : cases) {
      Map<Feature, Double> values = new EnumMap<>(Feature.class);
      c.get("features")
          .properties()
          .forEach(e -> values.put(Feature.byColumn(e.getKey()), e.getValue().asDouble()));
      ScoreResult r = loaded.scorecard().score(FeatureVector.of(values));

      assertThat(r.score()).isEqualTo(c.get("score").asInt());
      assertThat(r.band()).isEqualTo(c.get("band").asText());
      // Math.exp may differ by an ulp between JVMs and CPUs; scores and bands must not.
      assertThat(r.probabilityOfDefault())
          .isCloseTo(c.get("probabilityOfDefault").asDouble(), within(1e-12));
      assertThat(r.reasonCodes().stream().map(Enum::name).toList())
          .containsExactlyElementsOf(texts(c.get("reasonCodes")));
    }
  }

  private static java.util.List<String> texts(JsonNode array) {
    java.util.List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private Path copy(String resource) throws IOException {
    Path target = dir.resolve(resource);
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      Files.copy(in, target);
    }
    return target;
  }
}
