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
      if (v.n() != v.statement().bits()) {
        // The one legacy vector: a threshold below 256 proven with the first edition's n = 8.
        assertThat(v.statement()).as("vector %d", i).isEqualTo(new Statement.Threshold(0));
        assertThat(v.n()).as("vector %d n", i).isEqualTo(8);
      }
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

  /**
   * The arithmetic may get faster but never changes a proof: the seeded generator must reproduce
   * every checked-in vector byte for byte.
   */
  @Test
  void seededGeneratorReproducesTheCheckedInVectorsByteForByte() throws Exception {
    List<GoldenVectors.Vector> stored = GoldenVectors.read();
    List<GoldenVectors.Vector> fresh = GoldenVectors.generate();
    assertThat(fresh).hasSameSizeAs(stored);
    for (int i = 0; i < stored.size(); i++) {
      GoldenVectors.Vector a = stored.get(i);
      GoldenVectors.Vector b = fresh.get(i);
      assertThat(b.statement()).as("vector %d statement", i).isEqualTo(a.statement());
      assertThat(b.n()).as("vector %d n", i).isEqualTo(a.n());
      assertThat(b.m()).as("vector %d m", i).isEqualTo(a.m());
      assertThat(b.valid()).as("vector %d valid", i).isEqualTo(a.valid());
      assertThat(b.context()).as("vector %d context", i).isEqualTo(a.context());
      assertThat(b.commitment()).as("vector %d commitment", i).isEqualTo(a.commitment());
      assertThat(b.proof()).as("vector %d proof", i).isEqualTo(a.proof());
      assertThat(b.proofAbi()).as("vector %d ABI", i).isEqualTo(a.proofAbi());
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
