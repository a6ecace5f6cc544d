package io.credence.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.zk.ProofVerificationException.Reason;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoreProofTest {

  static final byte[] CONTEXT = Bytes.ascii("attestation-0001");
  static final String APP = "credence/test/v1";

  static SecureRandom seeded(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return r;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  static Transcript transcript() {
    return Transcript.create(APP);
  }

  private final SecureRandom rnd = seeded(42);
  private final ScoreProver prover = new ScoreProver(rnd);
  private final ScoreVerifier verifier = new ScoreVerifier(rnd);

  private ScoreProof prove(Statement statement, long score) {
    return prover.prove(transcript(), statement, Opening.random(score, rnd), CONTEXT);
  }

  private void verify(ScoreProof p) throws ProofVerificationException {
    verifier.verify(transcript(), p.statement(), p.commitment(), CONTEXT, p.proof());
  }

  private static void assertRejected(ThrowingVerification v, Reason reason) {
    assertThatThrownBy(v::run)
        .isInstanceOfSatisfying(
            ProofVerificationException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  interface ThrowingVerification {
    void run() throws Exception;
  }

  @ParameterizedTest(name = "band [{0}, {1}] with s = {2}")
  @CsvSource({
    "300, 850, 300", // s = lo
    "300, 850, 850", // s = hi
    "300, 850, 640",
    "700, 700, 700", // width 0
    "0, 0, 0",
    "0, 255, 255", // n = 8 exactly full
    "0, 256, 0", // n = 16
    "1000, 5000000000, 5000000000" // n = 64
  })
  void bandIsCompleteAtTheEdges(long lo, long hi, long s) throws Exception {
    verify(prove(new Statement.Band(lo, hi), s));
  }

  @ParameterizedTest(name = "threshold {0} with s = {1}")
  @CsvSource({
    "700, 700", // s = t
    "700, 850",
    "0, 0",
    "0, 255",
    "255, 850", // n = 16: the whole score domain above t fits
    "256, 850",
    "100000, 100000" // n = 32
  })
  void thresholdIsCompleteAtTheEdges(long t, long s) throws Exception {
    verify(prove(new Statement.Threshold(t), s));
  }

  @Test
  void bitLengthsFollowTheStatement() {
    assertThat(new Statement.Band(700, 700).bits()).isEqualTo(8);
    assertThat(new Statement.Band(300, 555).bits()).isEqualTo(8);
    assertThat(new Statement.Band(300, 556).bits()).isEqualTo(16);
    assertThat(new Statement.Band(300, 850).bits()).isEqualTo(16);
    assertThat(new Statement.Threshold(0).bits()).isEqualTo(16);
    assertThat(new Statement.Threshold(255).bits()).isEqualTo(16);
    assertThat(new Statement.Threshold(65_535).bits()).isEqualTo(16);
    assertThat(new Statement.Threshold(65_536).bits()).isEqualTo(32);
    assertThat(new Statement.Threshold(594).bits()).isEqualTo(16);
    assertThat(new Statement.Threshold(595).bits()).isEqualTo(8);
    assertThat(new Statement.Threshold(700).bits()).isEqualTo(8);
    assertThat(new Statement.Threshold(850).bits()).isEqualTo(8);
    assertThat(new Statement.Threshold(851).bits()).isEqualTo(16);
    assertThat(new Statement.Threshold(1L << 40).bits()).isEqualTo(64);
    assertThat(new Statement.Band(0, Long.MAX_VALUE).bits()).isEqualTo(64);
  }

  @Test
  void statementsRejectInvalidBounds() {
    assertThatThrownBy(() -> new Statement.Threshold(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Statement.Band(-1, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Statement.Band(6, 5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void verifiesFromCanonicalBytesAndChecksTheirRoundCount() throws Exception {
    ScoreProof band = prove(new Statement.Band(300, 850), 650);
    verifier.verify(
        transcript(), band.statement(), band.commitment(), CONTEXT, band.proof().toBytes());
    ScoreProof th = prove(new Statement.Threshold(700), 720);
    assertRejected(
        () ->
            verifier.verify(
                transcript(), band.statement(), th.commitment(), CONTEXT, th.proof().toBytes()),
        Reason.ROUND_COUNT_MISMATCH);
  }

  @Test
  void bandProofIs608Bytes() {
    ScoreProof p = prove(new Statement.Band(300, 850), 650);
    assertThat(p.proof().toBytes()).hasSize(608);
    assertThat(p.commitment().toUncompressed()).hasSize(64);
  }

  @Test
  void proverRefusesScoreBelowBand() {
    assertThatThrownBy(() -> prove(new Statement.Band(600, 700), 599))
        .isInstanceOf(StatementNotSatisfiedException.class)
        .hasMessageContaining("[600, 700]")
        .hasMessageNotContaining("599");
  }

  @Test
  void proverRefusesScoreAboveBand() {
    assertThatThrownBy(() -> prove(new Statement.Band(600, 700), 701))
        .isInstanceOf(StatementNotSatisfiedException.class)
        .hasMessageNotContaining("701");
  }

  @Test
  void proverRefusesScoreBelowThreshold() {
    assertThatThrownBy(() -> prove(new Statement.Threshold(700), 699))
        .isInstanceOf(StatementNotSatisfiedException.class)
        .hasMessageNotContaining("699");
  }

  @Test
  void proverRefusesAValueTooFarAboveTheThreshold() {
    // n = 16 for t = 0; only a value above every Credence score can exceed 2^16 − 1
    assertThatThrownBy(() -> prove(new Statement.Threshold(0), 65_536))
        .isInstanceOf(StatementNotSatisfiedException.class)
        .hasMessageNotContaining("65536");
  }

  @Test
  void proofDoesNotVerifyAgainstAnotherBand() throws Exception {
    ScoreProof p = prove(new Statement.Band(300, 850), 650);
    assertRejected(
        () ->
            verifier.verify(
                transcript(), new Statement.Band(301, 850), p.commitment(), CONTEXT, p.proof()),
        Reason.EQUATION_FAILED);
    assertRejected(
        () ->
            verifier.verify(
                transcript(), new Statement.Band(300, 849), p.commitment(), CONTEXT, p.proof()),
        Reason.EQUATION_FAILED);
  }

  @Test
  void proofDoesNotVerifyAgainstAnotherThreshold() throws Exception {
    ScoreProof p = prove(new Statement.Threshold(700), 720);
    assertRejected(
        () ->
            verifier.verify(
                transcript(), new Statement.Threshold(701), p.commitment(), CONTEXT, p.proof()),
        Reason.EQUATION_FAILED);
  }

  @Test
  void thresholdProofDoesNotVerifyAsABand() throws Exception {
    ScoreProof p = prove(new Statement.Threshold(700), 720);
    assertRejected(
        () ->
            verifier.verify(
                transcript(), new Statement.Band(700, 1000), p.commitment(), CONTEXT, p.proof()),
        Reason.ROUND_COUNT_MISMATCH);
  }

  @Test
  void proofDoesNotVerifyInAnotherContext() throws Exception {
    ScoreProof p = prove(new Statement.Band(300, 850), 650);
    assertRejected(
        () ->
            verifier.verify(
                transcript(),
                p.statement(),
                p.commitment(),
                Bytes.ascii("attestation-0002"),
                p.proof()),
        Reason.EQUATION_FAILED);
  }

  @Test
  void proofDoesNotVerifyUnderAnotherApplicationLabel() throws Exception {
    ScoreProof p = prove(new Statement.Band(300, 850), 650);
    assertRejected(
        () ->
            verifier.verify(
                Transcript.create("credence/other/v1"),
                p.statement(),
                p.commitment(),
                CONTEXT,
                p.proof()),
        Reason.EQUATION_FAILED);
  }

  @Test
  void proofDoesNotVerifyForAnotherCommitment() throws Exception {
    ScoreProof p = prove(new Statement.Band(300, 850), 650);
    Commitment other = Opening.random(650, rnd).commit();
    assertRejected(
        () -> verifier.verify(transcript(), p.statement(), other, CONTEXT, p.proof()),
        Reason.EQUATION_FAILED);
  }

  @Test
  void proofDoesNotVerifyWithAnotherBandsProof() throws Exception {
    ScoreProof p = prove(new Statement.Band(300, 850), 650);
    ScoreProof q = prove(new Statement.Band(300, 850), 650);
    assertRejected(
        () -> verifier.verify(transcript(), p.statement(), p.commitment(), CONTEXT, q.proof()),
        Reason.EQUATION_FAILED);
  }

  @Test
  void batchOfValidProofsVerifies() throws Exception {
    List<ScoreVerifier.Claim> claims = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ScoreProof p =
          i % 2 == 0
              ? prove(new Statement.Band(300, 850), 400 + i)
              : prove(new Statement.Threshold(600), 700 + i);
      claims.add(
          new ScoreVerifier.Claim(transcript(), p.statement(), p.commitment(), CONTEXT, p.proof()));
    }
    verifier.verifyBatch(claims);
  }

  @Test
  void batchWithOneBadProofIsRejectedAndNamesIt() {
    List<ScoreVerifier.Claim> claims = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ScoreProof p = prove(new Statement.Band(300, 850), 500 + i);
      byte[] ctx = i == 3 ? Bytes.ascii("tampered") : CONTEXT;
      claims.add(
          new ScoreVerifier.Claim(transcript(), p.statement(), p.commitment(), ctx, p.proof()));
    }
    assertThatThrownBy(() -> verifier.verifyBatch(claims))
        .isInstanceOfSatisfying(
            ProofVerificationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.EQUATION_FAILED);
              assertThat(e.proofIndex()).hasValue(3);
            });
  }

  @Test
  void secretsNeverAppearInToString() {
    Blinding b = Blinding.random(rnd);
    Opening o = Opening.of(777, b);
    String hex = Bytes.hex(b.toBytes());
    assertThat(o.toString()).doesNotContain("777").doesNotContain(hex).contains("redacted");
    assertThat(b.toString()).doesNotContain(hex).contains("redacted");
    ScoreProof p = prover.prove(transcript(), new Statement.Band(300, 850), o, CONTEXT);
    assertThat(p.toString()).doesNotContain(hex).doesNotContain(b.value().toString());
  }

  @Test
  void blindingRoundTripsAndIsValidated() {
    Blinding b = Blinding.random(rnd);
    assertThat(Blinding.fromBytes(b.toBytes())).isEqualTo(b);
    assertThatThrownBy(() -> Blinding.fromBytes(Bytes.uint256(ScalarField.R)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Blinding.fromBytes(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void commitmentIsPedersen() {
    Blinding b = Blinding.random(rnd);
    Commitment c = Opening.of(650, b).commit();
    CurveGroup g = Bn254.GROUP;
    GroupElement expected =
        g.add(
            g.multiply(Generators.G, java.math.BigInteger.valueOf(650)),
            g.multiply(Generators.H, b.value()));
    assertThat(c.point()).isEqualTo(expected);
  }
}
