package io.credence.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Checked-in inference vectors must keep verifying (or failing) exactly as labelled. */
class InferenceVectorsTest {

  @Test
  @EnabledIfSystemProperty(named = "zk.regenerateVectors", matches = "true")
  void regenerate() throws Exception {
    InferenceVectors.write(InferenceVectors.generate());
  }

  @Test
  void everyVectorVerifiesAsLabelled() throws Exception {
    InferenceVectors.File file = InferenceVectors.read();
    assertThat(file.model()).isEqualTo(TestScorecards.BUNDLED_LIKE);
    List<InferenceVectors.Vector> vectors = file.vectors();
    assertThat(vectors).hasSizeGreaterThanOrEqualTo(10);
    assertThat(vectors).anyMatch(InferenceVectors.Vector::valid);
    assertThat(vectors).anyMatch(v -> v.valid() && v.modelCommitment() != null);
    for (int i = 0; i < vectors.size(); i++) {
      InferenceVectors.Vector v = vectors.get(i);
      if (v.valid()) {
        assertThatCode(() -> verify(file.model(), v))
            .as("vector %d: %s", i, v.note())
            .doesNotThrowAnyException();
      } else {
        assertThatThrownBy(() -> verify(file.model(), v))
            .as("vector %d: %s", i, v.note())
            .isInstanceOf(ProofVerificationException.class);
      }
    }
  }

  private static void verify(ScorecardModel model, InferenceVectors.Vector v)
      throws ProofVerificationException {
    ModelReference ref =
        v.modelId() != null
            ? new PublicModel(v.modelId(), model)
            : ModelCommitment.fromBytes(v.modelCommitment());
    List<Commitment> fcs = new ArrayList<>();
    for (byte[] f : v.featureCommitments()) {
      fcs.add(Commitment.fromUncompressed(f));
    }
    InferenceProof p =
        new InferenceProof(
            fcs,
            Commitment.fromUncompressed(v.scoreCommitment()),
            CircuitProof.fromBytes(v.proof()));
    new InferenceVerifier().verify(Transcript.create(GoldenVectors.APP_LABEL), ref, p, v.context());
  }
}
