package io.credence.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.zk.ProofVerificationException.Reason;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A threshold's n covers the whole score domain (issue 14): the first edition chose n = 8 for t
 * &lt; 256, so the prover refused true statements such as s = 700 ≥ 100.
 */
class ThresholdStatementTest {

  private static final byte[] CONTEXT = Bytes.ascii("attestation-0001");
  private final SecureRandom rnd = ScoreProofTest.seeded(14);
  private final ScoreProver prover = new ScoreProver(rnd);
  private final ScoreVerifier verifier = new ScoreVerifier(rnd);

  private ScoreProof prove(long t, long s) {
    return prover.prove(
        ScoreProofTest.transcript(), new Statement.Threshold(t), Opening.random(s, rnd), CONTEXT);
  }

  private void verify(ScoreProof p) throws ProofVerificationException {
    verifier.verify(ScoreProofTest.transcript(), p.statement(), p.commitment(), CONTEXT, p.proof());
  }

  @Test
  void everyThresholdFrom0To850CoversEveryScoreAboveIt() {
    for (long t = 0; t <= Statement.MAX_SCORE; t++) {
      int n = new Statement.Threshold(t).bits();
      assertThat(n).as("n for t = %d", t).isEqualTo(16);
      // the edges of what the prover must accept: s = t and s = 850
      assertThat(BigInteger.valueOf(Statement.MAX_SCORE - t).bitLength()).isLessThanOrEqualTo(n);
      assertThat(BigInteger.valueOf(t).bitLength()).isLessThanOrEqualTo(n);
      // and what the proof reveals, s < t + 2^n, says nothing about a Credence score
      assertThat(t + (1L << n)).isGreaterThan(Statement.MAX_SCORE);
    }
  }

  @ParameterizedTest(name = "threshold {0} with s = {1}")
  @CsvSource({
    "100, 700", // refused by the first edition
    "0, 300", // refused by the first edition
    "0, 850",
    "0, 0",
    "1, 1",
    "255, 850",
    "256, 850",
    "594, 850",
    "595, 850",
    "849, 850",
    "850, 850",
    "300, 300"
  })
  void provesAndVerifiesAtTheEdges(long t, long s) throws Exception {
    ScoreProof p = prove(t, s);
    assertThat(p.proof().rounds()).isEqualTo(4); // n = 16, m = 1
    verify(p);
  }

  @ParameterizedTest(name = "threshold {0} with s = {0} − 1")
  @CsvSource({"1", "100", "256", "300", "700", "850", "851"})
  void refusesAScoreJustBelowTheThreshold(long t) {
    assertThatThrownBy(() -> prove(t, t - 1))
        .isInstanceOf(StatementNotSatisfiedException.class)
        .hasMessageNotContaining(Long.toString(t - 1));
  }

  @Test
  void aThresholdAbove850CannotBeMetByAnyScore() {
    assertThatThrownBy(() -> prove(851, 850)).isInstanceOf(StatementNotSatisfiedException.class);
  }

  /** An n = 8 proof as the first edition produced it for t &lt; 256. */
  private ScoreProof legacyProof(long t, long s) {
    Statement st = new Statement.Threshold(t);
    Opening o = Opening.random(s, rnd);
    Commitment v = o.commit();
    RangeProof p =
        RangeProofProtocol.prove(
            ScoreProofTest.transcript(),
            8,
            st.encode(),
            ScoreStatements.derivedCommitments(st, v.point()),
            new BigInteger[] {BigInteger.valueOf(s - t)},
            new BigInteger[] {o.blinding().value()},
            CONTEXT,
            rnd);
    return new ScoreProof(st, v, p);
  }

  @Test
  void legacyEightBitProofsOfSmallThresholdsStillVerify() throws Exception {
    ScoreProof p = legacyProof(100, 300);
    assertThat(p.proof().rounds()).isEqualTo(3);
    verify(p);
    verifier.verify(
        ScoreProofTest.transcript(), p.statement(), p.commitment(), CONTEXT, p.proof().toBytes());
    // still bound to its statement: not a proof of s ≥ 101
    assertThatThrownBy(
            () ->
                verifier.verify(
                    ScoreProofTest.transcript(),
                    new Statement.Threshold(101),
                    p.commitment(),
                    CONTEXT,
                    p.proof()))
        .isInstanceOfSatisfying(
            ProofVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.EQUATION_FAILED));
  }

  @Test
  void anEightBitProofIsNotAcceptedForAThresholdOf256OrMore() {
    ScoreProof p = legacyProof(256, 300);
    assertThatThrownBy(() -> verify(p))
        .isInstanceOfSatisfying(
            ProofVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.ROUND_COUNT_MISMATCH));
  }

  /**
   * Every t from 0 to 850 with s = t and s = 850 proven and verified, and s = t − 1 refused (1,702
   * proofs, about 10 s): opt in with {@code -Dzk.sweep=true}.
   */
  @Test
  @EnabledIfSystemProperty(named = "zk.sweep", matches = "true")
  void sweepEveryThresholdWithScoresAtTheEdges() throws Exception {
    List<ScoreVerifier.Claim> claims = new ArrayList<>();
    for (long t = 0; t <= Statement.MAX_SCORE; t++) {
      for (long s : new long[] {t, Statement.MAX_SCORE}) {
        ScoreProof p = prove(t, s);
        claims.add(
            new ScoreVerifier.Claim(
                ScoreProofTest.transcript(), p.statement(), p.commitment(), CONTEXT, p.proof()));
      }
      if (t > 0) {
        long below = t - 1;
        long th = t;
        assertThatThrownBy(() -> prove(th, below))
            .isInstanceOf(StatementNotSatisfiedException.class);
      }
      if (claims.size() >= 64) {
        verifier.verifyBatch(claims);
        claims.clear();
      }
    }
    verifier.verifyBatch(claims);
  }
}
