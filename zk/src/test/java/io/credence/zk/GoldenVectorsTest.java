package io.credence.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checked-in vectors must keep verifying (or failing) exactly as labelled. */
class GoldenVectorsTest {

  @Test
  @EnabledIfSystemProperty(named = "zk.regenerateVectors", matches = "true")
  void regenerate() throws Exception {
    for (String file : List.of(GoldenVectors.EDITION_2, GoldenVectors.EDITION_3)) {
      GoldenVectors.write(file, GoldenVectors.generate(file));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {GoldenVectors.EDITION_2, GoldenVectors.EDITION_3})
  void everyVectorVerifiesAsLabelled(String file) throws Exception {
    List<GoldenVectors.Vector> vectors = GoldenVectors.read(file);
    assertThat(vectors).hasSizeGreaterThanOrEqualTo(15);
    assertThat(vectors).anyMatch(GoldenVectors.Vector::valid);
    assertThat(vectors).anyMatch(v -> !v.valid());
    for (int i = 0; i < vectors.size(); i++) {
      GoldenVectors.Vector v = vectors.get(i);
      assertThat(v.m()).as("vector %d m", i).isEqualTo(v.statement().values());
      if (v.valid()) {
        // The current rule's n, or (thresholds only) the n of an earlier edition: the legacy
        // proofs verifiers keep accepting (docs/zk-protocol.md §1).
        assertThat(ScoreStatements.verifierAccepts(v.statement(), v.n()))
            .as("vector %d: n = %d for %s", i, v.n(), v.statement())
            .isTrue();
        if (v.n() != v.statement().bits()) {
          assertThat(v.statement()).as("vector %d", i).isInstanceOf(Statement.Threshold.class);
        }
        verifyCanonical(v);
        verifyAbi(v);
        RangeProof p = RangeProof.fromBytes(v.proof());
        assertThat(p.rounds()).as("vector %d rounds", i).isEqualTo(log2(v.n() * v.m()));
        assertThat(p.toAbiBytes()).as("vector %d ABI", i).isEqualTo(v.proofAbi());
        assertThat(RangeProof.fromAbiBytes(v.proofAbi()).toBytes()).isEqualTo(v.proof());
      } else {
        assertThatThrownBy(() -> verifyCanonical(v))
            .as("vector %d canonical", i)
            .isInstanceOfSatisfying(
                ProofVerificationException.class, e -> assertReason(v, e, "canonical"));
        assertThatThrownBy(() -> verifyAbi(v))
            .as("vector %d ABI", i)
            .isInstanceOfSatisfying(
                ProofVerificationException.class, e -> assertReason(v, e, "ABI"));
      }
    }
  }

  /** The third edition's file covers what it adds: current n = 8 proofs, and n = 8 refusals. */
  @Test
  void theThirdEditionsVectorsCoverEightBitThresholds() throws Exception {
    List<GoldenVectors.Vector> vectors = GoldenVectors.read(GoldenVectors.EDITION_3);
    assertThat(vectors)
        .filteredOn(v -> v.valid() && v.n() == 8)
        .extracting(v -> ((Statement.Threshold) v.statement()).t())
        .contains(595L, 650L, 850L);
    assertThat(vectors)
        .filteredOn(v -> !v.valid())
        .allSatisfy(v -> assertThat(v.reason()).isNotNull())
        .extracting(GoldenVectors.Vector::reason)
        .contains("ROUND_COUNT_MISMATCH", "EQUATION_FAILED", "WRONG_LENGTH");
    // every valid vector uses the current rule's n
    assertThat(vectors)
        .filteredOn(GoldenVectors.Vector::valid)
        .allSatisfy(v -> assertThat(v.n()).isEqualTo(v.statement().bits()));
  }

  /**
   * The arithmetic may get faster but never changes a proof, and a protocol revision never rewrites
   * a published file: each file's seeded generator must reproduce it byte for byte.
   */
  @ParameterizedTest
  @ValueSource(strings = {GoldenVectors.EDITION_2, GoldenVectors.EDITION_3})
  void seededGeneratorReproducesTheCheckedInVectorsByteForByte(String file) throws Exception {
    List<GoldenVectors.Vector> stored = GoldenVectors.read(file);
    List<GoldenVectors.Vector> fresh = GoldenVectors.generate(file);
    assertThat(fresh).hasSameSizeAs(stored);
    for (int i = 0; i < stored.size(); i++) {
      GoldenVectors.Vector a = stored.get(i);
      GoldenVectors.Vector b = fresh.get(i);
      assertThat(b.statement()).as("vector %d statement", i).isEqualTo(a.statement());
      assertThat(b.n()).as("vector %d n", i).isEqualTo(a.n());
      assertThat(b.m()).as("vector %d m", i).isEqualTo(a.m());
      assertThat(b.valid()).as("vector %d valid", i).isEqualTo(a.valid());
      assertThat(b.reason()).as("vector %d reason", i).isEqualTo(a.reason());
      assertThat(b.context()).as("vector %d context", i).isEqualTo(a.context());
      assertThat(b.commitment()).as("vector %d commitment", i).isEqualTo(a.commitment());
      assertThat(b.proof()).as("vector %d proof", i).isEqualTo(a.proof());
      assertThat(b.proofAbi()).as("vector %d ABI", i).isEqualTo(a.proofAbi());
    }
  }

  private static void assertReason(
      GoldenVectors.Vector v, ProofVerificationException e, String encoding) {
    if (v.reason() != null) {
      assertThat(e.reason().name()).as("%s reason", encoding).isEqualTo(v.reason());
    }
  }

  private static int log2(int v) {
    return Integer.numberOfTrailingZeros(v);
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
