package io.credence.zk;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Property-based checks over random scores, bands and thresholds (modest try counts). */
class ScorePropertiesTest {

  private final SecureRandom rnd = ScoreProofTest.seeded(7);
  private final ScoreProver prover = new ScoreProver(rnd);
  private final ScoreVerifier verifier = new ScoreVerifier(rnd);

  @Property(tries = 60)
  void aScoreInsideItsBandAlwaysVerifies(
      @ForAll @LongRange(min = 0, max = 100_000) long lo,
      @ForAll @IntRange(min = 0, max = 70_000) int width,
      @ForAll @IntRange(min = 0, max = 1000) int permille)
      throws Exception {
    long hi = lo + width;
    long s = lo + (long) width * permille / 1000;
    Statement band = new Statement.Band(lo, hi);
    ScoreProof p =
        prover.prove(Transcript.create("prop"), band, Opening.random(s, rnd), new byte[0]);
    verifier.verify(Transcript.create("prop"), band, p.commitment(), new byte[0], p.proof());
  }

  @Property(tries = 60)
  void aScoreOutsideItsBandIsNeverProven(
      @ForAll @LongRange(min = 300, max = 850) long lo,
      @ForAll @IntRange(min = 0, max = 300) int width,
      @ForAll @LongRange(min = 0, max = 2000) long s) {
    long hi = lo + width;
    Assume.that(s < lo || s > hi);
    assertThatThrownBy(
            () ->
                prover.prove(
                    Transcript.create("prop"),
                    new Statement.Band(lo, hi),
                    Opening.random(s, rnd),
                    new byte[0]))
        .isInstanceOf(StatementNotSatisfiedException.class);
  }

  @Property(tries = 50)
  void aThresholdProofVerifiesExactlyWhenTheScoreMeetsIt(
      @ForAll @LongRange(min = 256, max = 850) long t,
      @ForAll @LongRange(min = 300, max = 850) long s)
      throws Exception {
    Statement th = new Statement.Threshold(t);
    if (s < t) {
      assertThatThrownBy(
              () ->
                  prover.prove(Transcript.create("prop"), th, Opening.random(s, rnd), new byte[0]))
          .isInstanceOf(StatementNotSatisfiedException.class);
      return;
    }
    ScoreProof p = prover.prove(Transcript.create("prop"), th, Opening.random(s, rnd), new byte[0]);
    verifier.verify(Transcript.create("prop"), th, p.commitment(), new byte[0], p.proof());
  }

  @Property(tries = 30)
  void aBandProofNeverVerifiesForAShiftedBand(
      @ForAll @LongRange(min = 300, max = 700) long lo,
      @ForAll @IntRange(min = 1, max = 150) int shift)
      throws Exception {
    long hi = lo + 150;
    ScoreProof p =
        prover.prove(
            Transcript.create("prop"),
            new Statement.Band(lo, hi),
            Opening.random(lo + 75, rnd),
            new byte[0]);
    assertThatThrownBy(
            () ->
                verifier.verify(
                    Transcript.create("prop"),
                    new Statement.Band(lo + shift, hi + shift),
                    p.commitment(),
                    new byte[0],
                    p.proof()))
        .isInstanceOf(ProofVerificationException.class);
  }
}
