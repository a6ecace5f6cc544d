package io.credence.zk;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** How a score statement maps to range-proof inputs: the derived commitments and values. */
final class ScoreStatements {

  private ScoreStatements() {}

  /** The smallest of 8, 16, 32, 64 such that 0 ≤ v &lt; 2^n. */
  static int bitsCovering(long v) {
    int bits = 64 - Long.numberOfLeadingZeros(v);
    for (int n = 8; n < 64; n *= 2) {
      if (bits <= n) {
        return n;
      }
    }
    return 64;
  }

  /**
   * Whether a verifier accepts an n-bit proof of this statement (docs/zk-protocol.md §1): the
   * statement's own {@link Statement#bits()}, or for a threshold t the n that an earlier edition of
   * the rule chose — the first: smallest n with t &lt; 2^n (8 for t &lt; 256); the second: smallest
   * n with both t and 850 − t below 2^n (16 for every t &lt; 65,536). Every one of them is sound: a
   * threshold proof shows t ≤ s for any n, and the transcript binds the n.
   */
  static boolean verifierAccepts(Statement statement, int n) {
    if (n == statement.bits()) {
      return true;
    }
    if (statement instanceof Statement.Threshold th) {
      long t = th.t();
      return n == bitsCovering(t)
          || n == bitsCovering(Math.max(t, Math.max(0, Statement.MAX_SCORE - t)));
    }
    return false;
  }

  /**
   * Whether a prover may prove this statement with n bits: a verifier accepts n ({@link
   * #verifierAccepts}) and the proof reveals nothing beyond the statement about a Credence score —
   * for a threshold t ≤ 850, n covers 850 − t, so what the proof also shows, s &lt; t + 2^n, is
   * vacuous. The statement's own {@link Statement#bits()} always qualifies, and so does the second
   * edition's n = 16 for 595 ≤ t ≤ 850; the first edition's n = 8 for t &lt; 256 does not.
   */
  static boolean proverMayUse(Statement statement, int n) {
    if (!verifierAccepts(statement, n)) {
      return false;
    }
    return !(statement instanceof Statement.Threshold th)
        || th.t() > Statement.MAX_SCORE
        || n >= statement.bits();
  }

  /**
   * The n a verifier checks this proof with: 2^rounds if {@link #verifierAccepts} that n for the
   * statement (a threshold proof under the current or an earlier edition of the rule), otherwise
   * the statement's {@link Statement#bits()}, which the round-count check then refuses with {@code
   * ROUND_COUNT_MISMATCH}.
   */
  static int verifierBits(Statement statement, RangeProof proof) {
    int rounds = proof.rounds();
    if (statement instanceof Statement.Threshold && rounds >= 3 && rounds <= 6) {
      int n = 1 << rounds;
      if (verifierAccepts(statement, n)) {
        return n;
      }
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
