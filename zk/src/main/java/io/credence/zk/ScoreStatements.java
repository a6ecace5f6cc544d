package io.credence.zk;

import java.math.BigInteger;

/** How a score statement maps to range-proof inputs: the derived commitments and values. */
final class ScoreStatements {

  /** Thresholds below this were proven with n = 8 under the first edition's rule (n covers t). */
  static final long LEGACY_THRESHOLD_BOUND = 256;

  private ScoreStatements() {}

  /**
   * The n a verifier checks this proof with: the statement's {@link Statement#bits()}, except that
   * a threshold t &lt; 256 proof with the three rounds of an n = 8 proof is a legacy proof (the
   * first edition chose n = 8 there) and is checked with n = 8. Both are sound: the transcript
   * binds n, and either proof shows t ≤ s.
   */
  static int verifierBits(Statement statement, RangeProof proof) {
    if (statement instanceof Statement.Threshold th
        && th.t() < LEGACY_THRESHOLD_BOUND
        && proof.rounds() == 3) {
      return 8;
    }
    return statement.bits();
  }

  /** Threshold: [V − t·G]; band: [V − lo·G, hi·G − V]. */
  static GroupElement[] derivedCommitments(Statement statement, GroupElement v) {
    CurveGroup g = Bn254.GROUP;
    if (statement instanceof Statement.Threshold th) {
      return new GroupElement[] {shift(v, -1, th.t())};
    }
    Statement.Band band = (Statement.Band) statement;
    return new GroupElement[] {shift(v, -1, band.lo()), shift(g.negate(v), 1, band.hi())};
  }

  /** p + sign·k·G. */
  private static GroupElement shift(GroupElement p, int sign, long k) {
    CurveGroup g = Bn254.GROUP;
    GroupElement kg = g.multiply(Generators.G, BigInteger.valueOf(k));
    return g.add(p, sign < 0 ? g.negate(kg) : kg);
  }
}
