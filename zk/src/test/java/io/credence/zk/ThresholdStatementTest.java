package io.credence.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.zk.ProofVerificationException.Reason;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A threshold's n covers the whole score domain above it (issue 14) and nothing more (issue 12,
 * third edition): the first edition chose n = 8 for t &lt; 256, so the prover refused true
 * statements such as s = 700 ≥ 100; the second chose n = 16 for every t ≤ 850; the third chooses n
 * = 8 for 595 ≤ t ≤ 850 (850 − t &lt; 256), which verifies with 18 fewer ecMul on-chain. Verifiers
 * keep accepting both earlier editions' proofs.
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

  private static Reason reason(ThrowingCallable call) {
    try {
      call.call();
      return null;
    } catch (ProofVerificationException e) {
      return e.reason();
    } catch (Throwable e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void everyThresholdFrom0To850CoversEveryScoreAboveItAndNoMore() {
    for (long t = 0; t <= Statement.MAX_SCORE; t++) {
      Statement th = new Statement.Threshold(t);
      int n = th.bits();
      assertThat(n).as("n for t = %d", t).isEqualTo(t >= 595 ? 8 : 16);
      // the edge of what the prover must accept: s = 850, so s − t = 850 − t fits in n bits
      assertThat(BigInteger.valueOf(Statement.MAX_SCORE - t).bitLength()).isLessThanOrEqualTo(n);
      // and n is the smallest such: half as many bits would not cover 850 − t
      assertThat(n == 8 || BigInteger.valueOf(Statement.MAX_SCORE - t).bitLength() > n / 2)
          .as("n for t = %d is the smallest", t)
          .isTrue();
      // what the proof reveals, s < t + 2^n, says nothing about a Credence score
      assertThat(t + (1L << n)).isGreaterThan(Statement.MAX_SCORE);
      // verifiers accept the current n and the n of every earlier edition, nothing else
      List<Integer> accepted = new ArrayList<>();
      for (int bits : new int[] {8, 16, 32, 64}) {
        if (ScoreStatements.verifierAccepts(th, bits)) {
          accepted.add(bits);
        }
      }
      assertThat(accepted)
          .as("accepted n for t = %d", t)
          .containsExactlyElementsOf(t < 256 || t >= 595 ? List.of(8, 16) : List.of(16));
      // a prover may use only those that hide the score: never the first edition's n = 8
      assertThat(ScoreStatements.proverMayUse(th, 8)).as("n = 8 for t = %d", t).isEqualTo(t >= 595);
      assertThat(ScoreStatements.proverMayUse(th, 16)).as("n = 16 for t = %d", t).isTrue();
    }
  }

  @Test
  void thresholdsAbove850KeepTheRuleOfEarlierEditions() {
    assertThat(new Statement.Threshold(851).bits()).isEqualTo(16);
    assertThat(new Statement.Threshold(65_535).bits()).isEqualTo(16);
    assertThat(new Statement.Threshold(65_536).bits()).isEqualTo(32);
    for (long t : new long[] {851, 1_000, 65_535, 65_536, 1L << 40}) {
      Statement th = new Statement.Threshold(t);
      for (int bits : new int[] {8, 16, 32, 64}) {
        assertThat(ScoreStatements.verifierAccepts(th, bits))
            .as("t = %d, n = %d", t, bits)
            .isEqualTo(bits == th.bits());
      }
    }
  }

  @ParameterizedTest(name = "threshold {0} with s = {1}")
  @CsvSource({
    "100, 700, 4", // refused by the first edition
    "0, 300, 4", // refused by the first edition
    "0, 850, 4",
    "0, 0, 4",
    "1, 1, 4",
    "255, 850, 4",
    "256, 850, 4",
    "300, 300, 4",
    "500, 850, 4",
    "594, 850, 4", // 850 − 594 = 256 needs 9 bits: the last n = 16 threshold
    "595, 850, 3", // 850 − 595 = 255: the first n = 8 threshold, at the widest s − t
    "595, 595, 3",
    "650, 700, 3",
    "849, 850, 3",
    "850, 850, 3"
  })
  void provesAndVerifiesAtTheEdges(long t, long s, int rounds) throws Exception {
    ScoreProof p = prove(t, s);
    assertThat(p.proof().rounds()).isEqualTo(rounds); // n = 16 or 8, m = 1
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

  /** An n-bit proof made with the protocol directly, as an earlier edition's prover made it. */
  private ScoreProof proofWithBits(long t, long s, int bits) {
    Statement st = new Statement.Threshold(t);
    Opening o = Opening.random(s, rnd);
    Commitment v = o.commit();
    RangeProof p =
        RangeProofProtocol.prove(
            ScoreProofTest.transcript(),
            bits,
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
    ScoreProof p = proofWithBits(100, 300, 8);
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

  /** The second edition proved every t ≤ 850 with n = 16: those proofs keep verifying. */
  @ParameterizedTest(name = "t = {0}")
  @CsvSource({"595", "650", "700", "850"})
  void legacySixteenBitProofsOfHighThresholdsStillVerify(long t) throws Exception {
    ScoreProof p = proofWithBits(t, 850, 16);
    assertThat(p.proof().rounds()).isEqualTo(4);
    verify(p);
    verifier.verify(
        ScoreProofTest.transcript(), p.statement(), p.commitment(), CONTEXT, p.proof().toBytes());
    // bound to its n: the same bytes are not an n = 8 proof (the transcript absorbed n = 16)...
    assertThat(ScoreStatements.verifierBits(p.statement(), p.proof())).isEqualTo(16);
    // ...and to its statement
    assertThat(
            reason(
                () ->
                    verifier.verify(
                        ScoreProofTest.transcript(),
                        new Statement.Threshold(t - 1),
                        p.commitment(),
                        CONTEXT,
                        p.proof())))
        .isEqualTo(Reason.EQUATION_FAILED);
  }

  /** What an issuer uses for a registry whose verifier predates the third edition. */
  @Test
  void theProverMakesSecondEditionProofsOnRequestButNeverRevealingOnes() throws Exception {
    ScoreProof p =
        prover.prove(
            ScoreProofTest.transcript(),
            new Statement.Threshold(650),
            Opening.random(700, rnd),
            CONTEXT,
            16);
    assertThat(p.proof().rounds()).isEqualTo(4);
    verify(p);
    // n = 8 for t = 100 would reveal s < 356; n = 32 no verifier accepts for t = 650
    for (long[] tn : new long[][] {{100, 8}, {650, 32}, {500, 8}}) {
      assertThatThrownBy(
              () ->
                  prover.prove(
                      ScoreProofTest.transcript(),
                      new Statement.Threshold(tn[0]),
                      Opening.random(700, rnd),
                      CONTEXT,
                      (int) tn[1]))
          .as("t = %d, n = %d", tn[0], tn[1])
          .isInstanceOf(IllegalArgumentException.class)
          .isNotInstanceOf(StatementNotSatisfiedException.class)
          .hasMessageNotContaining("700");
    }
    // a band has exactly one n
    assertThatThrownBy(
            () ->
                prover.prove(
                    ScoreProofTest.transcript(),
                    new Statement.Band(300, 850),
                    Opening.random(700, rnd),
                    CONTEXT,
                    32))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * n = 8 only where 850 − t &lt; 256 (or, as first-edition legacy, t &lt; 256): an n = 8 proof for
   * 256 ≤ t ≤ 594 is refused by its round count, whatever its score.
   */
  @ParameterizedTest(name = "t = {0}")
  @CsvSource({"256", "300", "500", "594"})
  void anEightBitProofIsNotAcceptedForAThresholdFrom256To594(long t) {
    ScoreProof p = proofWithBits(t, t + 10, 8);
    assertThat(reason(() -> verify(p))).isEqualTo(Reason.ROUND_COUNT_MISMATCH);
  }

  /** An n = 8 proof of a high threshold is not an n = 8 proof of a lower one either. */
  @Test
  void aCurrentEightBitProofIsRefusedForALowerThreshold() {
    ScoreProof p = prove(650, 700);
    assertThat(
            reason(
                () ->
                    verifier.verify(
                        ScoreProofTest.transcript(),
                        new Statement.Threshold(594),
                        p.commitment(),
                        CONTEXT,
                        p.proof())))
        .isEqualTo(Reason.ROUND_COUNT_MISMATCH);
    assertThat(
            reason(
                () ->
                    verifier.verify(
                        ScoreProofTest.transcript(),
                        new Statement.Threshold(651),
                        p.commitment(),
                        CONTEXT,
                        p.proof())))
        .isEqualTo(Reason.EQUATION_FAILED);
  }

  /** The prover of the third edition refuses a value more than 255 above a t ≥ 595. */
  @Test
  void aValueBeyond850DoesNotFitAnEightBitThreshold() {
    assertThatThrownBy(() -> prove(595, 851))
        .isInstanceOf(StatementNotSatisfiedException.class)
        .hasMessageNotContaining("851");
  }

  /** A batch mixing current n = 8 and n = 16 proofs with both kinds of legacy proof. */
  @Test
  void aBatchMixesEveryAcceptedEdition() throws Exception {
    List<ScoreProof> proofs =
        List.of(
            prove(650, 700), prove(500, 700), proofWithBits(650, 700, 16), proofWithBits(0, 5, 8));
    List<ScoreVerifier.Claim> claims = new ArrayList<>();
    for (ScoreProof p : proofs) {
      claims.add(
          new ScoreVerifier.Claim(
              ScoreProofTest.transcript(), p.statement(), p.commitment(), CONTEXT, p.proof()));
    }
    verifier.verifyBatch(claims);
    assertThat(proofs).extracting(p -> p.proof().rounds()).containsExactly(3, 4, 4, 3);
  }

  /**
   * Every t from 0 to 850 with s = t and s = 850 proven (n = 8 from t = 595 on) and verified, and s
   * = t − 1 refused (1,702 proofs, about 30 s of CPU): opt in with {@code -Dzk.sweep=true}.
   */
  @Test
  @EnabledIfSystemProperty(named = "zk.sweep", matches = "true")
  void sweepEveryThresholdWithScoresAtTheEdges() throws Exception {
    List<ScoreVerifier.Claim> claims = new ArrayList<>();
    for (long t = 0; t <= Statement.MAX_SCORE; t++) {
      for (long s : new long[] {t, Statement.MAX_SCORE}) {
        ScoreProof p = prove(t, s);
        assertThat(p.proof().rounds()).as("rounds for t = %d", t).isEqualTo(t >= 595 ? 3 : 4);
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
