package io.credence.zk;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Proves threshold and band statements about a committed score.
 *
 * <p>Contract: {@link #prove} either returns a proof that {@link ScoreVerifier} accepts for the
 * same statement, commitment, context and starting transcript, or throws {@link
 * StatementNotSatisfiedException} and produces nothing. Thread-safe if the injected {@code
 * SecureRandom} is (the JDK's is).
 */
public final class ScoreProver {

  private final SecureRandom random;

  /**
   * @param random the source of all proof randomness; pass a seeded one only for test vectors
   */
  public ScoreProver(SecureRandom random) {
    this.random = Objects.requireNonNull(random);
  }

  /**
   * Commits to the opening (V = s·G + γ·H) and proves the statement about s.
   *
   * @param transcript the caller's transcript (created with its application label); it is advanced
   * @param statement threshold or band
   * @param opening the score s and blinding γ (secret)
   * @param context caller bytes bound into the proof, e.g. the hash of the attestation it backs
   * @throws StatementNotSatisfiedException if s does not satisfy the statement (or, for a
   *     threshold, s − t does not fit in the statement's n bits)
   */
  public ScoreProof prove(
      Transcript transcript, Statement statement, Opening opening, byte[] context) {
    return prove(transcript, statement, opening, context, statement.bits());
  }

  /**
   * As {@link #prove(Transcript, Statement, Opening, byte[])}, with the range proof's n chosen by
   * the caller among those that verifiers accept for the statement and that hide the score: the
   * statement's own {@link Statement#bits()}, or for a threshold 595 ≤ t ≤ 850 also n = 16, the n
   * of the protocol's second edition (docs/zk-protocol.md §1, "Legacy threshold proofs"). Use it
   * for a verifier that predates the third edition (such as the immutable verifier of a registry
   * deployed before it), which refuses the n = 8 proofs the current rule gives those thresholds.
   *
   * <pre>{@code
   * // t = 650: n = 8 by default; n = 16 for a registry whose verifier predates the third edition
   * ScoreProof p = prover.prove(transcript, new Statement.Threshold(650), opening, context, 16);
   * }</pre>
   *
   * @param bits n; the proof has log2(n·m) inner-product rounds
   * @throws IllegalArgumentException if no verifier accepts n for the statement, or if the proof
   *     would reveal more than the statement (the first edition's n = 8 for t &lt; 256)
   * @throws StatementNotSatisfiedException as {@link #prove(Transcript, Statement, Opening,
   *     byte[])}, for s − t not fitting in n bits too
   */
  public ScoreProof prove(
      Transcript transcript, Statement statement, Opening opening, byte[] context, int bits) {
    if (!ScoreStatements.proverMayUse(statement, bits)) {
      throw new IllegalArgumentException(
          "n = " + bits + " is not an n a prover may use for " + statement);
    }
    BigInteger s = opening.value();
    BigInteger gamma = opening.blinding().value();
    int n = bits;
    BigInteger[] values;
    BigInteger[] blindings;
    if (statement instanceof Statement.Threshold th) {
      values = new BigInteger[] {s.subtract(BigInteger.valueOf(th.t()))};
      blindings = new BigInteger[] {gamma};
      if (values[0].signum() < 0) {
        throw new StatementNotSatisfiedException("score is below the threshold " + th.t());
      }
      if (values[0].bitLength() > n) {
        throw new StatementNotSatisfiedException(
            "score − " + th.t() + " does not fit in the threshold's " + n + " bits");
      }
    } else {
      Statement.Band band = (Statement.Band) statement;
      values =
          new BigInteger[] {
            s.subtract(BigInteger.valueOf(band.lo())), BigInteger.valueOf(band.hi()).subtract(s)
          };
      blindings = new BigInteger[] {gamma, ScalarField.neg(gamma)};
      if (values[0].signum() < 0 || values[1].signum() < 0) {
        throw new StatementNotSatisfiedException(
            "score is outside the band [" + band.lo() + ", " + band.hi() + "]");
      }
    }
    Commitment commitment = opening.commit();
    GroupElement[] derived = ScoreStatements.derivedCommitments(statement, commitment.point());
    RangeProof proof =
        RangeProofProtocol.prove(
            transcript, n, statement.encode(), derived, values, blindings, context, random);
    return new ScoreProof(statement, commitment, proof);
  }
}
