package io.credence.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.zk.ProofVerificationException.Reason;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Canonical and ABI encodings: round trips and every rejection the decoders promise. */
class EncodingTest {

  private static final Statement BAND = new Statement.Band(300, 850);
  private static ScoreProof proof;
  private static byte[] canonical;
  private static byte[] abi;

  @BeforeAll
  static void prove() {
    SecureRandom rnd = ScoreProofTest.seeded(99);
    proof =
        new ScoreProver(rnd)
            .prove(
                ScoreProofTest.transcript(),
                BAND,
                Opening.random(650, rnd),
                ScoreProofTest.CONTEXT);
    canonical = proof.proof().toBytes();
    abi = proof.proof().toAbiBytes();
  }

  private static final ScoreVerifier VERIFIER = new ScoreVerifier(ScoreProofTest.seeded(5));

  private static void verifyCanonical(byte[] bytes) throws ProofVerificationException {
    VERIFIER.verify(
        ScoreProofTest.transcript(),
        BAND,
        proof.commitment(),
        ScoreProofTest.CONTEXT,
        RangeProof.fromBytes(bytes));
  }

  private static void verifyAbi(byte[] bytes) throws ProofVerificationException {
    VERIFIER.verify(
        ScoreProofTest.transcript(),
        BAND,
        proof.commitment(),
        ScoreProofTest.CONTEXT,
        RangeProof.fromAbiBytes(bytes));
  }

  private static Reason reasonOf(ThrowingCall call) {
    try {
      call.run();
    } catch (ProofVerificationException e) {
      return e.reason();
    }
    throw new AssertionError("expected a ProofVerificationException");
  }

  interface ThrowingCall {
    void run() throws ProofVerificationException;
  }

  @Test
  void sizesMatchTheSpecification() {
    assertThat(canonical).hasSize(608);
    assertThat(abi).hasSize(1216);
  }

  @Test
  void bothEncodingsRoundTrip() throws Exception {
    assertThat(RangeProof.fromBytes(canonical).toBytes()).isEqualTo(canonical);
    assertThat(RangeProof.fromAbiBytes(abi).toAbiBytes()).isEqualTo(abi);
    assertThat(RangeProof.fromAbiBytes(abi)).isEqualTo(proof.proof());
    verifyCanonical(canonical);
    verifyAbi(abi);
  }

  @Test
  void everySingleByteTamperOfTheCanonicalProofIsRejected() {
    for (int i = 0; i < canonical.length; i++) {
      // low bit of every byte; also the flag bits of every point and the top bit of every scalar
      for (int mask : i % 32 == 0 ? new int[] {0x01, 0x40, 0x80} : new int[] {0x01}) {
        byte[] t = canonical.clone();
        t[i] ^= (byte) mask;
        final int at = i;
        assertThatThrownBy(() -> verifyCanonical(t))
            .as("byte %d mask %x", at, mask)
            .isInstanceOf(ProofVerificationException.class);
      }
    }
  }

  @Test
  void everySingleByteTamperOfTheAbiProofIsRejected() {
    for (int i = 0; i < abi.length; i++) {
      byte[] t = abi.clone();
      t[i] ^= 0x01;
      final int at = i;
      assertThatThrownBy(() -> verifyAbi(t))
          .as("byte %d", at)
          .isInstanceOf(ProofVerificationException.class);
    }
  }

  @Test
  void swappedLAndRAreRejected() {
    RangeProof p = proof.proof();
    for (int round = 0; round < p.rounds(); round++) {
      GroupElement[] ls = p.ls.clone();
      GroupElement[] rs = p.rs.clone();
      ls[round] = p.rs[round];
      rs[round] = p.ls[round];
      RangeProof swapped =
          new RangeProof(p.a, p.s, p.t1, p.t2, p.tx, p.taux, p.mu, ls, rs, p.ipaA, p.ipaB);
      assertThat(reasonOf(() -> verifyCanonical(swapped.toBytes())))
          .isEqualTo(Reason.EQUATION_FAILED);
    }
  }

  @Test
  void truncatedEncodingsAreRejected() {
    for (int cut : new int[] {1, 31, 32, 63, canonical.length - 1, canonical.length}) {
      byte[] t = Arrays.copyOf(canonical, canonical.length - cut);
      assertThat(reasonOf(() -> verifyCanonical(t))).isEqualTo(Reason.WRONG_LENGTH);
    }
    // Whole rounds cut off: the shifted tail may fail decoding first, or the round count check.
    for (int cut : new int[] {64, 128}) {
      byte[] t = Arrays.copyOf(canonical, canonical.length - cut);
      assertThatThrownBy(() -> verifyCanonical(t)).isInstanceOf(ProofVerificationException.class);
    }
    for (int cut : new int[] {1, 32, 128, abi.length}) {
      byte[] t = Arrays.copyOf(abi, abi.length - cut);
      assertThat(reasonOf(() -> verifyAbi(t)))
          .isIn(Reason.WRONG_LENGTH, Reason.ROUND_COUNT_MISMATCH);
    }
  }

  @Test
  void overLongEncodingsAreRejected() {
    for (int extra : new int[] {1, 32, 63}) {
      byte[] t = Arrays.copyOf(canonical, canonical.length + extra);
      assertThat(reasonOf(() -> verifyCanonical(t))).isEqualTo(Reason.WRONG_LENGTH);
      byte[] a = Arrays.copyOf(abi, abi.length + extra);
      assertThat(reasonOf(() -> verifyAbi(a))).isEqualTo(Reason.WRONG_LENGTH);
    }
    // One extra well-formed round: decodes, but does not match n·m = 32.
    RangeProof p = proof.proof();
    GroupElement[] ls = Arrays.copyOf(p.ls, p.rounds() + 1);
    GroupElement[] rs = Arrays.copyOf(p.rs, p.rounds() + 1);
    ls[p.rounds()] = Generators.G;
    rs[p.rounds()] = Generators.H;
    RangeProof longer =
        new RangeProof(p.a, p.s, p.t1, p.t2, p.tx, p.taux, p.mu, ls, rs, p.ipaA, p.ipaB);
    assertThat(reasonOf(() -> verifyCanonical(longer.toBytes())))
        .isEqualTo(Reason.ROUND_COUNT_MISMATCH);
    assertThat(reasonOf(() -> verifyAbi(longer.toAbiBytes())))
        .isEqualTo(Reason.ROUND_COUNT_MISMATCH);
  }

  @Test
  void decodingForKnownParametersChecksTheRoundCount() throws Exception {
    assertThat(RangeProof.fromBytes(canonical, 16, 2)).isEqualTo(proof.proof());
    assertThat(RangeProof.fromAbiBytes(abi, 16, 2)).isEqualTo(proof.proof());
    assertThat(reasonOf(() -> RangeProof.fromBytes(canonical, 16, 1)))
        .isEqualTo(Reason.ROUND_COUNT_MISMATCH);
    assertThat(reasonOf(() -> RangeProof.fromAbiBytes(abi, 64, 2)))
        .isEqualTo(Reason.ROUND_COUNT_MISMATCH);
    assertThat(reasonOf(() -> RangeProof.fromBytes(canonical, 16, 3)))
        .isEqualTo(Reason.UNSUPPORTED_PARAMETERS);
  }

  @Test
  void tooManyRoundsAreRejectedWhileDecoding() {
    assertThat(reasonOf(() -> RangeProof.fromBytes(new byte[RangeProof.canonicalLength(13)])))
        .isEqualTo(Reason.ROUND_COUNT_MISMATCH);
    assertThat(reasonOf(() -> RangeProof.fromAbiBytes(new byte[RangeProof.abiLength(13)])))
        .isEqualTo(Reason.ROUND_COUNT_MISMATCH);
  }

  @Test
  void identityPointsAreRejected() {
    byte[] t = canonical.clone();
    Arrays.fill(t, 0, 32, (byte) 0);
    t[0] = 0x40; // canonical identity encoding in place of A
    assertThat(reasonOf(() -> RangeProof.fromBytes(t))).isEqualTo(Reason.IDENTITY_POINT);
    byte[] l = canonical.clone();
    Arrays.fill(l, 224, 256, (byte) 0);
    l[224] = 0x40; // L_1
    assertThat(reasonOf(() -> RangeProof.fromBytes(l))).isEqualTo(Reason.IDENTITY_POINT);
    byte[] a = abi.clone();
    Arrays.fill(a, 32, 96, (byte) 0); // A = (0, 0), the EVM identity
    assertThat(reasonOf(() -> RangeProof.fromAbiBytes(a))).isEqualTo(Reason.IDENTITY_POINT);
    assertThat(reasonOf(() -> Commitment.fromUncompressed(new byte[64])))
        .isEqualTo(Reason.IDENTITY_POINT);
    byte[] ci = new byte[32];
    ci[0] = 0x40;
    assertThat(reasonOf(() -> Commitment.fromCompressed(ci))).isEqualTo(Reason.IDENTITY_POINT);
  }

  @Test
  void scalarsNotBelowTheGroupOrderAreRejected() {
    for (BigInteger bad :
        new BigInteger[] {
          ScalarField.R,
          ScalarField.R.add(BigInteger.ONE),
          BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)
        }) {
      for (int off : new int[] {128, 160, 192, canonical.length - 64, canonical.length - 32}) {
        byte[] t = canonical.clone();
        System.arraycopy(Bytes.uint256(bad), 0, t, off, 32);
        assertThat(reasonOf(() -> RangeProof.fromBytes(t))).isEqualTo(Reason.SCALAR_OUT_OF_RANGE);
      }
      for (int word : new int[] {9, 10, 11, 14, 15}) {
        byte[] t = abi.clone();
        System.arraycopy(Bytes.uint256(bad), 0, t, 32 * word, 32);
        assertThat(reasonOf(() -> RangeProof.fromAbiBytes(t)))
            .isEqualTo(Reason.SCALAR_OUT_OF_RANGE);
      }
    }
  }

  @Test
  void nonCanonicalAndOffCurvePointsAreRejected() {
    // x = p with no flags: coordinate out of range
    byte[] t = canonical.clone();
    System.arraycopy(Bytes.uint256(CurveGroup.P), 0, t, 0, 32);
    assertThat(reasonOf(() -> RangeProof.fromBytes(t))).isEqualTo(Reason.NON_CANONICAL_POINT);
    // identity flag together with other bits
    byte[] f = canonical.clone();
    f[0] = (byte) 0xC0;
    assertThat(reasonOf(() -> RangeProof.fromBytes(f))).isEqualTo(Reason.NON_CANONICAL_POINT);
    // uncompressed: y + 1 is off the curve; x = p is out of range
    byte[] a = abi.clone();
    a[95] ^= 0x01;
    assertThat(reasonOf(() -> RangeProof.fromAbiBytes(a))).isEqualTo(Reason.POINT_NOT_ON_CURVE);
    byte[] b = abi.clone();
    System.arraycopy(Bytes.uint256(CurveGroup.P), 0, b, 32, 32);
    assertThat(reasonOf(() -> RangeProof.fromAbiBytes(b))).isEqualTo(Reason.NON_CANONICAL_POINT);
    // compressed x with no square root: x = 0 gives y² = 3; find an x that is not on the curve
    BigInteger x = BigInteger.ZERO;
    while (PointCodec.sqrt(PointCodec.rhs(x)) != null) {
      x = x.add(BigInteger.ONE);
    }
    byte[] c = canonical.clone();
    System.arraycopy(Bytes.uint256(x), 0, c, 0, 32);
    assertThat(reasonOf(() -> RangeProof.fromBytes(c))).isEqualTo(Reason.POINT_NOT_ON_CURVE);
  }

  @Test
  void nonCanonicalAbiOffsetsAndLengthsAreRejected() {
    for (int word : new int[] {0, 12, 13, 16, 17 + 2 * 5}) {
      byte[] t = abi.clone();
      t[32 * word + 31] ^= 0x20;
      assertThat(reasonOf(() -> RangeProof.fromAbiBytes(t))).isEqualTo(Reason.WRONG_LENGTH);
    }
  }

  @Test
  void commitmentEncodingsRoundTripAndAreValidated() throws Exception {
    Commitment c = proof.commitment();
    assertThat(Commitment.fromUncompressed(c.toUncompressed())).isEqualTo(c);
    assertThat(Commitment.fromCompressed(c.toCompressed())).isEqualTo(c);
    assertThat(reasonOf(() -> Commitment.fromUncompressed(new byte[63])))
        .isEqualTo(Reason.WRONG_LENGTH);
    byte[] off = c.toUncompressed();
    off[63] ^= 1;
    assertThat(reasonOf(() -> Commitment.fromUncompressed(off)))
        .isEqualTo(Reason.POINT_NOT_ON_CURVE);
  }

  @Test
  void compressedEncodingUsesTheDocumentedFlags() {
    GroupElement g = Generators.G; // (1, 2): y even
    assertThat(PointCodec.compress(g)).isEqualTo(Bytes.uint256(BigInteger.ONE));
    byte[] neg = PointCodec.compress(Bn254.GROUP.negate(g)); // y = p − 2: odd
    assertThat(neg[0] & 0xFF).isEqualTo(0x80);
    byte[] id = PointCodec.compress(Bn254.GROUP.identity());
    assertThat(id[0]).isEqualTo((byte) 0x40);
    assertThat(PointCodec.uncompressed(Bn254.GROUP.identity())).isEqualTo(new byte[64]);
  }
}
