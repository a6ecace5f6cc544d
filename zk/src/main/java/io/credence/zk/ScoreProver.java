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
    BigInteger s = opening.value();
    BigInteger gamma = opening.blinding().value();
    int n = statement.bits();
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
