package io.credence.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.zk.ProofVerificationException.Reason;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules docs/zk-protocol.md states since issue 14 (what the first edition left open). */
class ProtocolRulesTest {

  private static final byte[] CTX = Bytes.ascii("ctx");
  private final SecureRandom rnd = ScoreProofTest.seeded(1414);

  private static Reason reasonOf(ScoreProofTest.ThrowingVerification call) {
    try {
      call.run();
    } catch (ProofVerificationException e) {
      return e.reason();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("accepted");
  }

  @Test
  void reasonEnumHasTheDocumentedOrder() {
    assertThat(Reason.values())
        .containsExactly(
            Reason.WRONG_LENGTH,
            Reason.ROUND_COUNT_MISMATCH,
            Reason.NON_CANONICAL_POINT,
            Reason.POINT_NOT_ON_CURVE,
            Reason.IDENTITY_POINT,
            Reason.SCALAR_OUT_OF_RANGE,
            Reason.UNSUPPORTED_PARAMETERS,
            Reason.ZERO_CHALLENGE,
            Reason.EQUATION_FAILED);
  }

  @ParameterizedTest(name = "n = {0}, m = {1}")
  @CsvSource({"2, 1", "4, 1", "128, 1", "0, 1", "12, 1", "16, 3", "16, 0", "8, 128"})
  void unsupportedParametersAreRefusedByProverAndVerifier(int n, int m) {
    List<Opening> openings = new java.util.ArrayList<>();
    for (int j = 0; j < m; j++) {
      openings.add(Opening.random(1, rnd));
    }
    assertThatThrownBy(() -> RangeProof.prove(Transcript.create("t"), n, openings, CTX, rnd))
        .isInstanceOf(IllegalArgumentException.class);
    RangeProof valid =
        RangeProof.prove(Transcript.create("t"), 8, List.of(Opening.random(1, rnd)), CTX, rnd);
    List<Commitment> cs = openings.stream().map(Opening::commit).toList();
    assertThat(reasonOf(() -> valid.verify(Transcript.create("t"), n, cs, CTX)))
        .isEqualTo(Reason.UNSUPPORTED_PARAMETERS);
  }

  @ParameterizedTest(name = "n = {0}, m = {1}")
  @CsvSource({"8, 1", "64, 1", "8, 4", "32, 2"})
  void supportedParametersProveAndVerify(int n, int m) throws Exception {
    List<Opening> openings = new java.util.ArrayList<>();
    for (int j = 0; j < m; j++) {
      openings.add(Opening.of(BigInteger.ONE.shiftLeft(n).subtract(BigInteger.ONE), blinding()));
    }
    RangeProof p = RangeProof.prove(Transcript.create("t"), n, openings, CTX, rnd);
    p.verify(Transcript.create("t"), n, openings.stream().map(Opening::commit).toList(), CTX);
  }

  private Blinding blinding() {
    return Blinding.random(rnd);
  }

  @Test
  void identityEncodingsAreExactlyTheDocumentedBytes() {
    byte[] compressed = new byte[32];
    compressed[0] = 0x40;
    assertThat(reasonOf(() -> Commitment.fromCompressed(compressed)))
        .isEqualTo(Reason.IDENTITY_POINT);
    for (int flagged : new int[] {0xC0, 0x41, 0x7F}) {
      byte[] bad = compressed.clone();
      bad[0] = (byte) flagged;
      assertThat(reasonOf(() -> Commitment.fromCompressed(bad)))
          .isEqualTo(Reason.NON_CANONICAL_POINT);
    }
    byte[] trailing = compressed.clone();
    trailing[31] = 1;
    assertThat(reasonOf(() -> Commitment.fromCompressed(trailing)))
        .isEqualTo(Reason.NON_CANONICAL_POINT);
    assertThat(reasonOf(() -> Commitment.fromUncompressed(new byte[64])))
        .isEqualTo(Reason.IDENTITY_POINT);
    // (0, 1) is not the identity encoding: it is an ordinary point, and off the curve
    byte[] notIdentity = new byte[64];
    notIdentity[63] = 1;
    assertThat(reasonOf(() -> Commitment.fromUncompressed(notIdentity)))
        .isEqualTo(Reason.POINT_NOT_ON_CURVE);
  }

  @Test
  void aDerivedCommitmentEqualToTheIdentityIsAllowed() throws Exception {
    // γ = 0 and s = t: V = t·G, so V₀ = V − t·G is the identity (absorbed as 64 zero bytes)
    Opening o = Opening.of(700, Blinding.fromBytes(new byte[32]));
    Statement th = new Statement.Threshold(700);
    assertThat(ScoreStatements.derivedCommitments(th, o.commit().point())[0].isIdentity()).isTrue();
    ScoreProof p = new ScoreProver(rnd).prove(Transcript.create("t"), th, o, CTX);
    new ScoreVerifier(rnd).verify(Transcript.create("t"), th, p.commitment(), CTX, p.proof());
    Statement band = new Statement.Band(700, 700);
    ScoreProof b = new ScoreProver(rnd).prove(Transcript.create("t"), band, o, CTX);
    new ScoreVerifier(rnd).verify(Transcript.create("t"), band, b.commitment(), CTX, b.proof());
  }

  @Test
  void theFirstDefectInEncodingOrderWins() throws Exception {
    ScoreProof p =
        new ScoreProver(rnd)
            .prove(
                Transcript.create("t"),
                new Statement.Band(300, 850),
                Opening.random(600, rnd),
                CTX);
    byte[] canonical = p.proof().toBytes();
    // a scalar ≥ r (t_x) and a non-canonical L_1: t_x comes first in the encoding
    byte[] c = canonical.clone();
    System.arraycopy(Bytes.uint256(ScalarField.R), 0, c, 128, 32);
    System.arraycopy(Bytes.uint256(CurveGroup.P), 0, c, 224, 32);
    assertThat(reasonOf(() -> RangeProof.fromBytes(c))).isEqualTo(Reason.SCALAR_OUT_OF_RANGE);
    // an identity A and a scalar ≥ r: A first
    byte[] d = c.clone();
    Arrays.fill(d, 0, 32, (byte) 0);
    d[0] = 0x40;
    assertThat(reasonOf(() -> RangeProof.fromBytes(d))).isEqualTo(Reason.IDENTITY_POINT);
    // ABI: a wrong offset word beats every field defect
    byte[] abi = p.proof().toAbiBytes();
    byte[] e = abi.clone();
    Arrays.fill(e, 32, 96, (byte) 0); // A = identity
    e[32 * 12 + 31] ^= 0x20; // offset of L
    assertThat(reasonOf(() -> RangeProof.fromAbiBytes(e))).isEqualTo(Reason.WRONG_LENGTH);
    // ABI: a and b (words 14, 15) are checked before L_1
    byte[] f = abi.clone();
    System.arraycopy(Bytes.uint256(ScalarField.R), 0, f, 32 * 15, 32); // b
    System.arraycopy(Bytes.uint256(CurveGroup.P), 0, f, 32 * 17, 32); // L_1.x
    assertThat(reasonOf(() -> RangeProof.fromAbiBytes(f))).isEqualTo(Reason.SCALAR_OUT_OF_RANGE);
  }

  @Test
  void structuralDefectsInABatchAreReportedBeforeAnyEquationFailure() throws Exception {
    ScoreProver prover = new ScoreProver(rnd);
    Statement band = new Statement.Band(300, 850);
    ScoreProof ok = prover.prove(Transcript.create("t"), band, Opening.random(600, rnd), CTX);
    ScoreProof th =
        prover.prove(
            Transcript.create("t"), new Statement.Threshold(700), Opening.random(720, rnd), CTX);
    List<ScoreVerifier.Claim> claims =
        List.of(
            // claim 0 fails only the equation (another context)
            new ScoreVerifier.Claim(
                Transcript.create("t"), band, ok.commitment(), Bytes.ascii("other"), ok.proof()),
            // claim 1 has the wrong round count for its statement
            new ScoreVerifier.Claim(
                Transcript.create("t"), band, th.commitment(), CTX, th.proof()));
    assertThatThrownBy(() -> new ScoreVerifier(rnd).verifyBatch(claims))
        .isInstanceOfSatisfying(
            ProofVerificationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.ROUND_COUNT_MISMATCH);
              assertThat(e.proofIndex()).hasValue(1);
            });
    // parameters before round count in the general API
    assertThat(
            reasonOf(
                () ->
                    th.proof()
                        .verify(
                            Transcript.create("t"),
                            12,
                            List.of(th.commitment(), th.commitment(), th.commitment()),
                            CTX)))
        .isEqualTo(Reason.UNSUPPORTED_PARAMETERS);
  }
}
