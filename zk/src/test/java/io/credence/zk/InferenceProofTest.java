package io.credence.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.zk.ProofVerificationException.Reason;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inference proofs on the 16-characteristic bundled-shaped scorecard: completeness in both modes,
 * and each way a borrower, issuer or outsider could try to reuse or forge one.
 */
class InferenceProofTest {

  static final String APP = "credence/test/v1";
  static final byte[] CTX = Bytes.ascii("attestation-0001");
  static final ScorecardModel MODEL = TestScorecards.BUNDLED_LIKE;
  static final SecureRandom RND = ScoreProofTest.seeded(15);
  static final PublicModel PUBLIC = new PublicModel(TestScorecards.MODEL_ID, MODEL);
  static final InferenceProver PROVER = new InferenceProver(RND);
  static final InferenceVerifier VERIFIER = new InferenceVerifier(RND);

  static Borrower borrower;
  static InferenceProof proof;
  static PrivateModel privateModel;
  static InferenceProof privateProof;

  record Borrower(long[] quantised, List<Opening> features, Opening score) {
    static Borrower random(Random r) {
      double[] raw = TestScorecards.randomFeatures(MODEL, r);
      long[] q = new long[raw.length];
      for (int i = 0; i < q.length; i++) {
        q[i] = MODEL.quantise(i, raw[i]);
      }
      return new Borrower(q, MODEL.openFeatures(raw, RND), Opening.random(MODEL.score(q), RND));
    }
  }

  @BeforeAll
  static void proveOnce() {
    borrower = Borrower.random(new Random(1));
    proof = prove(PUBLIC, borrower, CTX);
    privateModel = PrivateModel.commit(MODEL, RND);
    privateProof = prove(privateModel, borrower, CTX);
  }

  static InferenceProof prove(ProvingModel model, Borrower b, byte[] ctx) {
    return PROVER.prove(Transcript.create(APP), model, b.features(), b.score(), ctx);
  }

  static void verify(ModelReference model, InferenceProof p, byte[] ctx)
      throws ProofVerificationException {
    VERIFIER.verify(Transcript.create(APP), model, p, ctx);
  }

  static Reason reasonOf(ThrowingRunnable r) {
    try {
      r.run();
    } catch (ProofVerificationException e) {
      return e.reason();
    }
    throw new AssertionError("expected a ProofVerificationException");
  }

  interface ThrowingRunnable {
    void run() throws ProofVerificationException;
  }

  private static InferenceProof withScore(InferenceProof p, Commitment score) {
    return new InferenceProof(p.featureCommitments(), score, p.proof());
  }

  private static InferenceProof withFeature(InferenceProof p, int i, Commitment c) {
    List<Commitment> fs = new ArrayList<>(p.featureCommitments());
    fs.set(i, c);
    return new InferenceProof(fs, p.scoreCommitment(), p.proof());
  }

  // --- completeness -------------------------------------------------------------------------

  @Test
  void publicAndPrivateModelProofsVerify() {
    assertThatCode(() -> verify(PUBLIC, proof, CTX)).doesNotThrowAnyException();
    assertThatCode(() -> verify(privateModel.commitment(), privateProof, CTX))
        .doesNotThrowAnyException();
    assertThat(proof.proof().toBytes()).hasSize(CircuitProof.canonicalLength(9));
    assertThat(proof.scoreCommitment()).isEqualTo(borrower.score().commit());
  }

  @Test
  void manyBorrowersVerifyInOneBatch() throws Exception {
    Random r = new Random(2);
    List<InferenceVerifier.Claim> claims = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      InferenceProof p = prove(PUBLIC, Borrower.random(r), CTX);
      claims.add(new InferenceVerifier.Claim(Transcript.create(APP), PUBLIC, p, CTX));
    }
    claims.add(
        new InferenceVerifier.Claim(
            Transcript.create(APP), privateModel.commitment(), privateProof, CTX));
    VERIFIER.verifyBatch(claims);
  }

  @Test
  void aBatchWithOneBadProofNamesIt() {
    List<InferenceVerifier.Claim> claims = new ArrayList<>();
    claims.add(new InferenceVerifier.Claim(Transcript.create(APP), PUBLIC, proof, CTX));
    claims.add(
        new InferenceVerifier.Claim(Transcript.create(APP), PUBLIC, proof, Bytes.ascii("other")));
    assertThatThrownBy(() -> VERIFIER.verifyBatch(claims))
        .isInstanceOfSatisfying(
            ProofVerificationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.EQUATION_FAILED);
              assertThat(e.proofIndex()).hasValue(1);
            });
  }

  // --- soundness: public inputs -------------------------------------------------------------

  @Test
  void aProofDoesNotVerifyForAnotherScore() {
    long s = borrower.score().value().longValueExact();
    for (long other : new long[] {s - 1, s + 1}) {
      Commitment c = Opening.of(other, borrower.score().blinding()).commit();
      assertThat(reasonOf(() -> verify(PUBLIC, withScore(proof, c), CTX)))
          .isEqualTo(Reason.EQUATION_FAILED);
    }
  }

  @Test
  void theProverRefusesAScoreTheModelDidNotCompute() {
    Opening wrong = Opening.random(borrower.score().value().longValueExact() + 1, RND);
    assertThatThrownBy(
            () -> PROVER.prove(Transcript.create(APP), PUBLIC, borrower.features(), wrong, CTX))
        .isInstanceOf(StatementNotSatisfiedException.class)
        .hasMessage("the committed score is not the model's output");
  }

  @Test
  void aProofDoesNotVerifyUnderAnotherModelId() {
    byte[] id = TestScorecards.MODEL_ID.clone();
    id[31] ^= 1;
    assertThat(reasonOf(() -> verify(new PublicModel(id, MODEL), proof, CTX)))
        .isEqualTo(Reason.EQUATION_FAILED);
  }

  @Test
  void aProofDoesNotVerifyForAModelWithOtherPoints() {
    List<ScorecardModel.Characteristic> cs = new ArrayList<>(MODEL.characteristics());
    ScorecardModel.Characteristic c = cs.get(0);
    List<Long> points = new ArrayList<>(c.points());
    points.set(2, points.get(2) + 1);
    cs.set(
        0,
        new ScorecardModel.Characteristic(
            c.name(), c.scale(), c.min(), c.max(), c.missingValue(), c.upperEdges(), points));
    ScorecardModel other =
        new ScorecardModel(MODEL.basePoints(), MODEL.minScore(), MODEL.maxScore(), cs);
    assertThat(reasonOf(() -> verify(new PublicModel(TestScorecards.MODEL_ID, other), proof, CTX)))
        .isEqualTo(Reason.EQUATION_FAILED);
  }

  @Test
  void aFeatureCommitmentMovedToTheNeighbouringBinFails() {
    // Feature 1 (active_months, edges 23 and 34): commit to a value in the neighbouring bin.
    long q = borrower.quantised()[1];
    long neighbour = q <= 23 ? 24 : 23;
    Commitment moved =
        ScorecardModel.signedOpening(neighbour, borrower.features().get(1).blinding()).commit();
    assertThat(reasonOf(() -> verify(PUBLIC, withFeature(proof, 1, moved), CTX)))
        .isEqualTo(Reason.EQUATION_FAILED);
  }

  @Test
  void tamperedCommitmentsFail() {
    for (int i : new int[] {0, 7, 15}) {
      Commitment c = proof.featureCommitments().get(i);
      Commitment tampered = new Commitment(Bn254.GROUP.add(c.point(), Generators.G));
      assertThat(reasonOf(() -> verify(PUBLIC, withFeature(proof, i, tampered), CTX)))
          .isEqualTo(Reason.EQUATION_FAILED);
    }
    Commitment s = proof.scoreCommitment();
    Commitment tamperedScore = new Commitment(Bn254.GROUP.add(s.point(), Generators.H));
    assertThat(reasonOf(() -> verify(PUBLIC, withScore(proof, tamperedScore), CTX)))
        .isEqualTo(Reason.EQUATION_FAILED);
  }

  @Test
  void aProofDoesNotVerifyUnderAnotherContextOrApplication() {
    assertThat(reasonOf(() -> verify(PUBLIC, proof, Bytes.ascii("attestation-0002"))))
        .isEqualTo(Reason.EQUATION_FAILED);
    assertThat(reasonOf(() -> verify(PUBLIC, proof, new byte[0])))
        .isEqualTo(Reason.EQUATION_FAILED);
    assertThat(
            reasonOf(
                () -> VERIFIER.verify(Transcript.create("credence/other/v1"), PUBLIC, proof, CTX)))
        .isEqualTo(Reason.EQUATION_FAILED);
  }

  @Test
  void aWrongNumberOfFeatureCommitmentsIsRejectedBeforeAnyArithmetic() {
    InferenceProof shorter =
        new InferenceProof(
            proof.featureCommitments().subList(0, 15), proof.scoreCommitment(), proof.proof());
    assertThat(reasonOf(() -> verify(PUBLIC, shorter, CTX)))
        .isEqualTo(Reason.UNSUPPORTED_PARAMETERS);
    assertThatThrownBy(
            () ->
                PROVER.prove(
                    Transcript.create(APP),
                    PUBLIC,
                    borrower.features().subList(0, 3),
                    borrower.score(),
                    CTX))
        .isInstanceOf(StatementNotSatisfiedException.class);
  }

  @Test
  void theProverRefusesAFeatureOutsideItsRange() {
    List<Opening> fs = new ArrayList<>(borrower.features());
    fs.set(0, Opening.random(1_000_000, RND)); // wallet age above 3650 days
    assertThatThrownBy(
            () -> PROVER.prove(Transcript.create(APP), PUBLIC, fs, borrower.score(), CTX))
        .isInstanceOf(StatementNotSatisfiedException.class)
        .hasMessage("feature 0 is outside its range");
  }

  @Test
  void aPublicModelProofIsNotAPrivateModelProofAndViceVersa() {
    assertThat(reasonOf(() -> verify(privateModel.commitment(), proof, CTX)))
        .isIn(Reason.UNSUPPORTED_PARAMETERS, Reason.ROUND_COUNT_MISMATCH, Reason.EQUATION_FAILED);
    assertThat(reasonOf(() -> verify(PUBLIC, privateProof, CTX)))
        .isIn(Reason.ROUND_COUNT_MISMATCH, Reason.EQUATION_FAILED);
  }

  // --- soundness: the proof bytes -----------------------------------------------------------

  /**
   * Three tampers in every 32-byte word of the proof (flag bits and low bit of the first byte, a
   * middle byte, the last byte): each point, scalar and round is hit. The complete sweep over every
   * byte runs with {@code -Dzk.fullTamperSweep=true} (≈ 1,000 verifications, a minute of CPU).
   */
  @Test
  void tamperingWithAnyWordOfTheProofIsRejected() {
    byte[] canonical = proof.proof().toBytes();
    boolean full = Boolean.getBoolean("zk.fullTamperSweep");
    for (int i = 0; i < canonical.length; i++) {
      int inWord = i % 32;
      if (!full && inWord != 0 && inWord != 17 && inWord != 31) {
        continue;
      }
      for (int mask : inWord == 0 ? new int[] {0x01, 0x40, 0x80} : new int[] {0x01}) {
        byte[] t = canonical.clone();
        t[i] ^= (byte) mask;
        int at = i;
        assertThatThrownBy(
                () ->
                    verify(
                        PUBLIC,
                        new InferenceProof(
                            proof.featureCommitments(),
                            proof.scoreCommitment(),
                            CircuitProof.fromBytes(t)),
                        CTX))
            .as("byte %d mask %x", at, mask)
            .isInstanceOf(ProofVerificationException.class);
      }
    }
  }

  @Test
  void decodingRejectsBadLengthsScalarsAndRoundCounts() throws Exception {
    byte[] canonical = proof.proof().toBytes();
    assertThat(reasonOf(() -> CircuitProof.fromBytes(java.util.Arrays.copyOf(canonical, 991))))
        .isEqualTo(Reason.WRONG_LENGTH);
    assertThat(reasonOf(() -> CircuitProof.fromBytes(new byte[0]))).isEqualTo(Reason.WRONG_LENGTH);
    assertThat(reasonOf(() -> CircuitProof.fromBytes(new byte[CircuitProof.canonicalLength(13)])))
        .isEqualTo(Reason.ROUND_COUNT_MISMATCH);
    byte[] big = canonical.clone();
    System.arraycopy(Bytes.uint256(ScalarField.R), 0, big, 8 * 32, 32); // t̂ = r
    assertThat(reasonOf(() -> CircuitProof.fromBytes(big))).isEqualTo(Reason.SCALAR_OUT_OF_RANGE);
    byte[] identity = canonical.clone();
    identity[0] = 0x40;
    java.util.Arrays.fill(identity, 1, 32, (byte) 0);
    assertThat(reasonOf(() -> CircuitProof.fromBytes(identity))).isEqualTo(Reason.IDENTITY_POINT);
    // A valid proof with one round fewer (another circuit size) is refused for this model.
    byte[] shortened = new byte[CircuitProof.canonicalLength(8)];
    System.arraycopy(canonical, 0, shortened, 0, shortened.length - 64);
    System.arraycopy(canonical, canonical.length - 64, shortened, shortened.length - 64, 64);
    CircuitProof fewer = CircuitProof.fromBytes(shortened);
    assertThat(
            reasonOf(
                () ->
                    verify(
                        PUBLIC,
                        new InferenceProof(
                            proof.featureCommitments(), proof.scoreCommitment(), fewer),
                        CTX)))
        .isEqualTo(Reason.ROUND_COUNT_MISMATCH);
    assertThat(CircuitProof.fromBytes(canonical).toBytes()).isEqualTo(canonical);
  }

  // --- private model ------------------------------------------------------------------------

  @Test
  void aPrivateModelProofDoesNotVerifyAgainstAnotherModelCommitment() {
    PrivateModel sameModelOtherBlindings = PrivateModel.commit(MODEL, RND);
    assertThat(sameModelOtherBlindings.commitment().id())
        .isNotEqualTo(privateModel.commitment().id());
    assertThat(reasonOf(() -> verify(sameModelOtherBlindings.commitment(), privateProof, CTX)))
        .isEqualTo(Reason.EQUATION_FAILED);
  }

  @Test
  void modelCommitmentsRoundTripAndRejectMalformedBytes() throws Exception {
    ModelCommitment c = privateModel.commitment();
    byte[] bytes = c.toBytes();
    ModelCommitment decoded = ModelCommitment.fromBytes(bytes);
    assertThat(decoded).isEqualTo(c);
    assertThat(decoded.id()).isEqualTo(c.id());
    assertThatCode(() -> verify(decoded, privateProof, CTX)).doesNotThrowAnyException();
    assertThat(reasonOf(() -> ModelCommitment.fromBytes(java.util.Arrays.copyOf(bytes, 100))))
        .isEqualTo(Reason.WRONG_LENGTH);
    byte[] offCurve = bytes.clone();
    offCurve[offCurve.length - 1] ^= 1; // last parameter's y
    assertThat(reasonOf(() -> ModelCommitment.fromBytes(offCurve)))
        .isEqualTo(Reason.POINT_NOT_ON_CURVE);
    byte[] badShape = bytes.clone();
    badShape[4 + 8 + 8 + 3] = 0; // first characteristic: 0 bins
    assertThat(reasonOf(() -> ModelCommitment.fromBytes(badShape)))
        .isEqualTo(Reason.UNSUPPORTED_PARAMETERS);
    assertThat(reasonOf(() -> ModelCommitment.fromBytes(new byte[3])))
        .isEqualTo(Reason.WRONG_LENGTH);
  }

  @Test
  void secretsAreNeverPrinted() {
    assertThat(privateModel.toString()).contains("redacted").doesNotContain("376");
    assertThat(borrower.features().get(0).toString()).isEqualTo("Opening[redacted]");
    assertThat(proof.toString()).doesNotContain(borrower.score().value().toString() + ",");
  }

  // --- binding with the range proof and selective disclosure --------------------------------

  @Test
  void inferenceAndRangeProofAreBoundToEachOtherAndToTheContext() throws Exception {
    Statement band = new Statement.Band(300, 850);
    ScoredInference both =
        PROVER.proveScored(
            Transcript.create(APP), PUBLIC, borrower.features(), borrower.score(), band, CTX);
    VERIFIER.verifyScored(Transcript.create(APP), PUBLIC, both, band, CTX);
    assertThat(both.range().commitment()).isEqualTo(both.inference().scoreCommitment());

    // The range proof alone, lifted onto a fresh transcript (another credential), fails.
    assertThat(
            reasonOf(
                () ->
                    new ScoreVerifier(RND)
                        .verify(
                            Transcript.create(APP),
                            band,
                            both.range().commitment(),
                            CTX,
                            both.range().proof())))
        .isEqualTo(Reason.EQUATION_FAILED);
    // Paired with another inference proof (another borrower's), it fails.
    ScoredInference mixed = new ScoredInference(proof, both.range());
    assertThat(
            reasonOf(() -> VERIFIER.verifyScored(Transcript.create(APP), PUBLIC, mixed, band, CTX)))
        .isEqualTo(Reason.EQUATION_FAILED);
    // Another context, another statement: fail.
    assertThat(
            reasonOf(
                () ->
                    VERIFIER.verifyScored(
                        Transcript.create(APP), PUBLIC, both, band, Bytes.ascii("other"))))
        .isEqualTo(Reason.EQUATION_FAILED);
    assertThat(
            reasonOf(
                () ->
                    VERIFIER.verifyScored(
                        Transcript.create(APP), PUBLIC, both, new Statement.Band(300, 849), CTX)))
        .isEqualTo(Reason.EQUATION_FAILED);
  }

  @Test
  void theScoredProverRefusesAStatementTheScoreDoesNotSatisfy() {
    long s = borrower.score().value().longValueExact();
    assertThatThrownBy(
            () ->
                PROVER.proveScored(
                    Transcript.create(APP),
                    PUBLIC,
                    borrower.features(),
                    borrower.score(),
                    new Statement.Threshold(s + 1),
                    CTX))
        .isInstanceOf(StatementNotSatisfiedException.class);
  }

  @Test
  void aDisclosedOpeningIsCheckedAgainstItsCommitment() throws Exception {
    for (int i = 0; i < MODEL.characteristics().size(); i++) {
      Opening o = borrower.features().get(i);
      InferenceVerifier.checkDisclosure(proof, i, o);
      assertThat(InferenceVerifier.disclosedValue(o)).isEqualTo(borrower.quantised()[i]);
    }
    Opening lie =
        ScorecardModel.signedOpening(
            borrower.quantised()[3] + 1, borrower.features().get(3).blinding());
    assertThat(reasonOf(() -> InferenceVerifier.checkDisclosure(proof, 3, lie)))
        .isEqualTo(Reason.EQUATION_FAILED);
    assertThat(
            reasonOf(() -> InferenceVerifier.checkDisclosure(proof, 4, borrower.features().get(3))))
        .isEqualTo(Reason.EQUATION_FAILED);
    // Negative fixed-point values (net position) disclose as negative numbers.
    Opening negative = ScorecardModel.signedOpening(-42, Blinding.random(RND));
    assertThat(negative.value()).isEqualTo(ScalarField.R.subtract(BigInteger.valueOf(42)));
    assertThat(InferenceVerifier.disclosedValue(negative)).isEqualTo(-42);
  }
}
