package io.credence.scoring.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.scoring.TestModels;
import io.credence.scoring.data.LabelledBorrower;
import io.credence.scoring.scorecard.Scorecard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArtifactsTest {

  @TempDir Path dir;

  @Test
  void aSavedModelLoadsWithTheSameIdAndScores() throws IOException {
    var trained = TestModels.model();
    Path file = dir.resolve("scorecard.json");

    String id = ModelArtifacts.save(trained.artifact(), file);
    Scorecard loaded = ModelArtifacts.load(file).scorecard();

    assertThat(id).isEqualTo(trained.scorecard().modelId());
    assertThat(id).isEqualTo(ModelArtifacts.modelId(Files.readAllBytes(file)));
    assertThat(Files.readString(dir.resolve("scorecard.json.sha256")))
        .isEqualTo(id + "  scorecard.json\n");
    assertThat(loaded.definition()).isEqualTo(trained.scorecard().definition());
    for (LabelledBorrower b : TestModels.split().test().rows().subList(0, 200)) {
      assertThat(loaded.points(b.features())).isEqualTo(trained.scorecard().points(b.features()));
      if (Scorecard.isScorable(b.features())) {
        assertThat(loaded.score(b.features())).isEqualTo(trained.scorecard().score(b.features()));
      }
    }
    assertThat(ModelArtifacts.encode(ModelArtifacts.load(file).artifact()))
        .as("decoding and re-encoding gives the same bytes")
        .isEqualTo(Files.readAllBytes(file));
  }

  @Test
  void encodingIsDeterministicAndDocumentsItsFormat() {
    var artifact = TestModels.model().artifact();
    String json = new String(ModelArtifacts.encode(artifact), StandardCharsets.UTF_8);

    assertThat(ModelArtifacts.encode(artifact)).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
    assertThat(json)
        .startsWith("{\n  \"format\" : \"credence-scorecard\",\n  \"formatVersion\" : 1,")
        .contains("\"featureSchemaVersion\" : \"2\"")
        .contains("\"baseScore\"", "\"upperEdges\"", "\"points\"", "\"provenance\"", "\"tribuo\"")
        .doesNotContain("\r");
  }

  @Test
  void aTamperedArtifactIsRejected() throws IOException {
    Path file = dir.resolve("scorecard.json");
    ModelArtifacts.save(TestModels.model().artifact(), file);
    String json = Files.readString(file);
    Files.writeString(file, json.replaceFirst("\"baseScore\" : (\\d+)", "\"baseScore\" : 9$1"));

    assertThatThrownBy(() -> ModelArtifacts.load(file))
        .isInstanceOf(ModelIntegrityException.class)
        .hasMessageContaining("model id mismatch");
  }

  @Test
  void theExpectedIdCanComeFromTheRegistryAndMustMatch() throws IOException {
    Path file = dir.resolve("m.json");
    String id = ModelArtifacts.save(TestModels.model().artifact(), file);
    Files.delete(dir.resolve("m.json.sha256"));

    assertThat(
            ModelArtifacts.load(file, id.toUpperCase(java.util.Locale.ROOT)).scorecard().modelId())
        .isEqualTo(id);
    assertThatThrownBy(() -> ModelArtifacts.load(file))
        .isInstanceOf(ModelIntegrityException.class)
        .hasMessageContaining("missing model id file");
    assertThatThrownBy(() -> ModelArtifacts.load(file, "00".repeat(32)))
        .isInstanceOf(ModelIntegrityException.class);
  }

  @Test
  void malformedContentWithAMatchingIdIsStillRejected() {
    byte[] bytes =
        "{\"format\":\"credence-scorecard\",\"formatVersion\":1}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ModelArtifacts.decode(bytes, ModelArtifacts.modelId(bytes)))
        .isInstanceOf(ModelIntegrityException.class)
        .hasMessageContaining("missing 'scaling'");
  }
}
