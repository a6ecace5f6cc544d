package io.credence.zk;

import java.math.BigInteger;

/** How a score statement maps to range-proof inputs: the derived commitments and values. */
final class ScoreStatements {

  private ScoreStatements() {}

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
