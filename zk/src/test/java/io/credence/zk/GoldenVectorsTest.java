package io.credence.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Checked-in vectors must keep verifying (or failing) exactly as labelled. */
class GoldenVectorsTest {

  @Test
  @EnabledIfSystemProperty(named = "zk.regenerateVectors", matches = "true")
  void regenerate() throws Exception {
    GoldenVectors.write(GoldenVectors.generate());
  }

  @Test
  void everyVectorVerifiesAsLabelled() throws Exception {
    List<GoldenVectors.Vector> vectors = GoldenVectors.read();
    assertThat(vectors).hasSizeGreaterThanOrEqualTo(15);
    assertThat(vectors).anyMatch(GoldenVectors.Vector::valid);
    assertThat(vectors).anyMatch(v -> !v.valid());
    for (int i = 0; i < vectors.size(); i++) {
      GoldenVectors.Vector v = vectors.get(i);
      assertThat(v.n()).as("vector %d n", i).isEqualTo(v.statement().bits());
      assertThat(v.m()).as("vector %d m", i).isEqualTo(v.statement().values());
      if (v.valid()) {
        verifyCanonical(v);
        verifyAbi(v);
        RangeProof p = RangeProof.fromBytes(v.proof());
        assertThat(p.toAbiBytes()).as("vector %d ABI", i).isEqualTo(v.proofAbi());
        assertThat(RangeProof.fromAbiBytes(v.proofAbi()).toBytes()).isEqualTo(v.proof());
      } else {
        assertThatThrownBy(() -> verifyCanonical(v))
            .as("vector %d canonical", i)
            .isInstanceOf(ProofVerificationException.class);
        assertThatThrownBy(() -> verifyAbi(v))
            .as("vector %d ABI", i)
            .isInstanceOf(ProofVerificationException.class);
      }
    }
  }

  private static void verifyCanonical(GoldenVectors.Vector v) throws ProofVerificationException {
    new ScoreVerifier()
        .verify(
            Transcript.create(GoldenVectors.APP_LABEL),
            v.statement(),
            Commitment.fromUncompressed(v.commitment()),
            v.context(),
            RangeProof.fromBytes(v.proof()));
  }

  private static void verifyAbi(GoldenVectors.Vector v) throws ProofVerificationException {
    new ScoreVerifier()
        .verify(
            Transcript.create(GoldenVectors.APP_LABEL),
            v.statement(),
            Commitment.fromUncompressed(v.commitment()),
            v.context(),
            RangeProof.fromAbiBytes(v.proofAbi()));
  }
}
