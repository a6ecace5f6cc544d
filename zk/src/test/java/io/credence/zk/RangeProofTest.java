package io.credence.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.zk.ProofVerificationException.Reason;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The general m-value range proof over the whole supported (n, m) matrix. */
class RangeProofTest {

  private static final byte[] CTX = Bytes.ascii("ctx");

  static Stream<Arguments> matrix() {
    List<Arguments> out = new ArrayList<>();
    for (int n : new int[] {8, 16, 32, 64}) {
      for (int m : new int[] {1, 2, 4, 8}) {
        out.add(Arguments.of(n, m));
      }
    }
    return out.stream();
  }

  /** Values at the edges: 0, 2^n − 1, 1, 2^(n−1), then random. */
  private static List<Opening> edgeOpenings(int n, int m, SecureRandom rnd) {
    BigInteger max = BigInteger.ONE.shiftLeft(n).subtract(BigInteger.ONE);
    BigInteger[] edges = {BigInteger.ZERO, max, BigInteger.ONE, BigInteger.ONE.shiftLeft(n - 1)};
    List<Opening> out = new ArrayList<>();
    for (int j = 0; j < m; j++) {
      BigInteger v = j < edges.length ? edges[j] : new BigInteger(n, rnd);
      out.add(Opening.of(v, Blinding.random(rnd)));
    }
    if (m == 1) {
      out.set(0, Opening.of(max, Blinding.random(rnd)));
    }
    return out;
  }

  private static List<Commitment> commitments(List<Opening> openings) {
    return openings.stream().map(Opening::commit).toList();
  }

  @ParameterizedTest(name = "n={0}, m={1}")
  @MethodSource("matrix")
  void completeAtTheEdges(int n, int m) throws Exception {
    SecureRandom rnd = ScoreProofTest.seeded(n * 100L + m);
    List<Opening> openings = edgeOpenings(n, m, rnd);
    RangeProof proof = RangeProof.prove(Transcript.create("t"), n, openings, CTX, rnd);
    int k = Integer.numberOfTrailingZeros(n * m);
    assertThat(proof.rounds()).isEqualTo(k);
    assertThat(proof.toBytes()).hasSize(RangeProof.canonicalLength(k));
    assertThat(proof.toAbiBytes()).hasSize(RangeProof.abiLength(k));
    assertThat(RangeProof.fromAbiBytes(proof.toAbiBytes())).isEqualTo(proof);
    RangeProof.fromBytes(proof.toBytes())
        .verify(Transcript.create("t"), n, commitments(openings), CTX);
  }

  @Test
  void proverRefusesAValueOutsideTheRange() {
    SecureRandom rnd = ScoreProofTest.seeded(1);
    List<Opening> tooBig = List.of(Opening.of(BigInteger.ONE.shiftLeft(16), Blinding.random(rnd)));
    assertThatThrownBy(() -> RangeProof.prove(Transcript.create("t"), 16, tooBig, CTX, rnd))
        .isInstanceOf(StatementNotSatisfiedException.class);
  }

  @Test
  void proverRejectsUnsupportedParameters() {
    SecureRandom rnd = ScoreProofTest.seeded(2);
    List<Opening> three =
        List.of(Opening.random(1, rnd), Opening.random(2, rnd), Opening.random(3, rnd));
    assertThatThrownBy(() -> RangeProof.prove(Transcript.create("t"), 16, three, CTX, rnd))
        .isInstanceOf(IllegalArgumentException.class);
    List<Opening> one = List.of(Opening.random(1, rnd));
    assertThatThrownBy(() -> RangeProof.prove(Transcript.create("t"), 12, one, CTX, rnd))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void proofForOneBitLengthDoesNotVerifyForAnother() throws Exception {
    SecureRandom rnd = ScoreProofTest.seeded(3);
    List<Opening> openings = List.of(Opening.random(5, rnd));
    RangeProof proof = RangeProof.prove(Transcript.create("t"), 16, openings, CTX, rnd);
    assertThatThrownBy(() -> proof.verify(Transcript.create("t"), 32, commitments(openings), CTX))
        .isInstanceOfSatisfying(
            ProofVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.ROUND_COUNT_MISMATCH));
    assertThatThrownBy(() -> proof.verify(Transcript.create("t"), 12, commitments(openings), CTX))
        .isInstanceOfSatisfying(
            ProofVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_PARAMETERS));
  }

  @Test
  void reorderedCommitmentsDoNotVerify() throws Exception {
    SecureRandom rnd = ScoreProofTest.seeded(4);
    List<Opening> openings = List.of(Opening.random(5, rnd), Opening.random(6, rnd));
    RangeProof proof = RangeProof.prove(Transcript.create("t"), 8, openings, CTX, rnd);
    List<Commitment> swapped = List.of(openings.get(1).commit(), openings.get(0).commit());
    assertThatThrownBy(() -> proof.verify(Transcript.create("t"), 8, swapped, CTX))
        .isInstanceOf(ProofVerificationException.class);
  }
}
