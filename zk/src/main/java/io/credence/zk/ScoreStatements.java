package io.credence.zk;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

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
    return derivedCommitments(List.of(statement), List.of(v))[0];
  }

  /**
   * {@link #derivedCommitments(Statement, GroupElement)} for many statements at once: all the k·G
   * share one normalisation to affine coordinates, and all the sums another.
   */
  static GroupElement[][] derivedCommitments(List<Statement> statements, List<GroupElement> vs) {
    CurveGroup g = Bn254.GROUP;
    // each commitment is first + sign·k·G with 0 ≤ k ≤ 850: small scalars, short doubling chains
    List<GroupElement> firsts = new ArrayList<>();
    List<Long> ks = new ArrayList<>();
    List<Boolean> subtract = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      GroupElement v = vs.get(i);
      if (statements.get(i) instanceof Statement.Threshold th) {
        firsts.add(v);
        ks.add(th.t());
        subtract.add(true);
      } else {
        Statement.Band band = (Statement.Band) statements.get(i);
        firsts.add(v);
        ks.add(band.lo());
        subtract.add(true);
        firsts.add(g.negate(v));
        ks.add(band.hi());
        subtract.add(false);
      }
    }
    BigInteger[][] sets = new BigInteger[ks.size()][];
    for (int j = 0; j < sets.length; j++) {
      sets[j] = new BigInteger[] {BigInteger.valueOf(ks.get(j))};
    }
    GroupElement[] kgs = g.multiScalarMultiplyAll(new GroupElement[] {Generators.G}, sets);
    for (int j = 0; j < kgs.length; j++) {
      if (subtract.get(j)) {
        kgs[j] = g.negate(kgs[j]);
      }
    }
    GroupElement[] sums = g.addAll(firsts.toArray(new GroupElement[0]), kgs);
    GroupElement[][] out = new GroupElement[statements.size()][];
    int j = 0;
    for (int i = 0; i < out.length; i++) {
      int count = statements.get(i) instanceof Statement.Threshold ? 1 : 2;
      out[i] = java.util.Arrays.copyOfRange(sums, j, j + count);
      j += count;
    }
    return out;
  }
}
