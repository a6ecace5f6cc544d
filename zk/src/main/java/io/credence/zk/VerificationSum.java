package io.credence.zk;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The random linear combination that batch verification sums up: every check of every proof adds
 * its weighted terms, and the whole batch holds exactly when the sum is the identity. Terms on the
 * fixed generators (G, H, {@code G_i}, {@code H_i}) collect into one coefficient each, so however
 * many proofs share them, each generator enters the final multi-scalar multiplication once. Used by
 * the range-proof and the circuit-proof verifiers alike.
 */
final class VerificationSum {

  /** Coefficients of {@code G_i} and {@code H_i}, one per vector generator. */
  final BigInteger[] gCoeff;

  final BigInteger[] hCoeff;

  /**
   * Further coefficients of {@code G_i} and {@code H_i} as F_r limbs in Montgomery form ({@link
   * ScalarLimbs}, four per generator), for verifiers that compute them on limbs; created on first
   * use and added to {@link #gCoeff} and {@link #hCoeff} at the end.
   */
  private long[] gLimbs;

  private long[] hLimbs;

  /** Coefficients of G and H. */
  final BigInteger[] base = {BigInteger.ZERO, BigInteger.ZERO};

  /** Every other point (commitments and proof points) with its coefficient. */
  final List<GroupElement> points = new ArrayList<>();

  final List<BigInteger> scalars = new ArrayList<>();

  /**
   * @param vectorLength how many {@code G_i} / {@code H_i} the largest proof of the batch uses
   */
  VerificationSum(int vectorLength) {
    gCoeff = new BigInteger[vectorLength];
    hCoeff = new BigInteger[vectorLength];
    Arrays.fill(gCoeff, BigInteger.ZERO);
    Arrays.fill(hCoeff, BigInteger.ZERO);
  }

  long[] gLimbs() {
    if (gLimbs == null) {
      gLimbs = new long[4 * gCoeff.length];
      hLimbs = new long[4 * gCoeff.length];
    }
    return gLimbs;
  }

  long[] hLimbs() {
    gLimbs();
    return hLimbs;
  }

  /** Whether the whole combination is the identity, computed as one multi-scalar multiplication. */
  boolean isIdentity() {
    int n = gCoeff.length;
    BigInteger[] g = gCoeff;
    BigInteger[] h = hCoeff;
    if (gLimbs != null) {
      g = new BigInteger[n];
      h = new BigInteger[n];
      for (int i = 0; i < n; i++) {
        g[i] = ScalarField.add(gCoeff[i], ScalarLimbs.toBigInteger(gLimbs, 4 * i));
        h[i] = ScalarField.add(hCoeff[i], ScalarLimbs.toBigInteger(hLimbs, 4 * i));
      }
    }
    int fixed = points.size();
    GroupElement[] allPoints = new GroupElement[fixed + 2 + 2 * n];
    BigInteger[] allScalars = new BigInteger[allPoints.length];
    for (int i = 0; i < fixed; i++) {
      allPoints[i] = points.get(i);
      allScalars[i] = scalars.get(i);
    }
    allPoints[fixed] = Generators.G;
    allScalars[fixed] = base[0];
    allPoints[fixed + 1] = Generators.H;
    allScalars[fixed + 1] = base[1];
    System.arraycopy(Generators.gVector(n), 0, allPoints, fixed + 2, n);
    System.arraycopy(g, 0, allScalars, fixed + 2, n);
    System.arraycopy(Generators.hVector(n), 0, allPoints, fixed + 2 + n, n);
    System.arraycopy(h, 0, allScalars, fixed + 2 + n, n);
    return Bn254.GROUP.multiScalarMultiply(allPoints, allScalars).isIdentity();
  }
}
