package io.credence.zk;

import java.math.BigInteger;

/**
 * The prover's half of the logarithmic inner-product argument (docs/zk-protocol.md §6, step 6):
 * proves knowledge of a, b with P = ⟨a, G⟩ + ⟨b, H'⟩ + ⟨a, b⟩·Q, where H'_i = y^-i·H_i and Q = w·G.
 * The verifier's half is folded into the range proof's single multi-scalar multiplication.
 *
 * <p>The folded bases are never materialised: after any number of rounds each folded base is a
 * known linear combination of the original ones (coefficients {@code cG}, {@code cH}), so every L
 * and R is one MSM over the fixed generators, whose precomputed tables make that cheaper than
 * folding points.
 */
record InnerProductArgument(GroupElement[] ls, GroupElement[] rs, BigInteger a, BigInteger b) {

  static InnerProductArgument prove(
      Transcript t,
      GroupElement[] gens,
      GroupElement[] hens,
      BigInteger yInv,
      BigInteger w,
      BigInteger[] a,
      BigInteger[] b)
      throws ProofVerificationException {
    int nm = a.length;
    long[] av = new long[4 * nm];
    long[] bv = new long[4 * nm];
    for (int i = 0; i < nm; i++) {
      ScalarLimbs.set(av, 4 * i, a[i]);
      ScalarLimbs.set(bv, 4 * i, b[i]);
    }
    return prove(t, gens, hens, yInv, w, av, bv);
  }

  /**
   * As {@link #prove(Transcript, GroupElement[], GroupElement[], BigInteger, BigInteger,
   * BigInteger[], BigInteger[])}, with a and b as F_r limbs in Montgomery form ({@link
   * ScalarLimbs}, four longs per element), which it overwrites.
   */
  static InnerProductArgument prove(
      Transcript t,
      GroupElement[] gens,
      GroupElement[] hens,
      BigInteger yInv,
      BigInteger w,
      long[] av,
      long[] bv)
      throws ProofVerificationException {
    int nm = av.length / 4;
    // Scalars on F_r limbs (ScalarLimbs, Montgomery form, four longs each); BigInteger only at
    // the MSM's door and for the transcript.
    long[] cG = new long[4 * nm];
    long[] cH = new long[4 * nm];
    long[] yInvL = ScalarLimbs.of(yInv);
    System.arraycopy(ScalarLimbs.ONE, 0, cH, 0, 4);
    for (int j = 0; j < nm; j++) {
      System.arraycopy(ScalarLimbs.ONE, 0, cG, 4 * j, 4);
      if (j > 0) {
        ScalarLimbs.mul(cH, 4 * j, cH, 4 * (j - 1), yInvL, 0);
      }
    }
    long[] wL = ScalarLimbs.of(w);
    long[] t0 = new long[4];
    long[] t1 = new long[4];
    int rounds = Integer.numberOfTrailingZeros(nm);
    GroupElement[] ls = new GroupElement[rounds];
    GroupElement[] rs = new GroupElement[rounds];
    GroupElement[] points = new GroupElement[2 * nm + 1];
    System.arraycopy(gens, 0, points, 0, nm);
    System.arraycopy(hens, 0, points, nm, nm);
    points[2 * nm] = Generators.G;
    for (int round = 0, size = nm; size > 1; round++, size /= 2) {
      int half = size / 2;
      // Original base j currently belongs to folded base (j mod size).
      BigInteger[] lScalars = new BigInteger[2 * nm + 1];
      BigInteger[] rScalars = new BigInteger[2 * nm + 1];
      for (int j = 0; j < nm; j++) {
        int idx = j % size;
        if (idx >= half) {
          // L = ⟨a_lo, G_hi⟩ + ⟨b_hi, H'_lo⟩ + c_L·Q ; R = ⟨a_hi, G_lo⟩ + ⟨b_lo, H'_hi⟩ + c_R·Q
          lScalars[j] = product(av, idx - half, cG, j, t0);
          rScalars[j] = BigInteger.ZERO;
          lScalars[nm + j] = BigInteger.ZERO;
          rScalars[nm + j] = product(bv, idx - half, cH, j, t0);
        } else {
          lScalars[j] = BigInteger.ZERO;
          rScalars[j] = product(av, idx + half, cG, j, t0);
          lScalars[nm + j] = product(bv, idx + half, cH, j, t0);
          rScalars[nm + j] = BigInteger.ZERO;
        }
      }
      innerProduct(av, 0, bv, half, half, t0, t1);
      lScalars[2 * nm] = product(t0, 0, wL, 0, t1);
      innerProduct(av, half, bv, 0, half, t0, t1);
      rScalars[2 * nm] = product(t0, 0, wL, 0, t1);
      GroupElement[] lr =
          Bn254.GROUP.multiScalarMultiplyAll(points, new BigInteger[][] {lScalars, rScalars});
      ls[round] = lr[0];
      rs[round] = lr[1];
      t.appendPoint("L", ls[round]);
      t.appendPoint("R", rs[round]);
      BigInteger uBig = t.challenge("u");
      long[] u = ScalarLimbs.of(uBig);
      long[] uInv = ScalarLimbs.of(ScalarField.inv(uBig));
      // a' = u·a_lo + u⁻¹·a_hi ; b' = u⁻¹·b_lo + u·b_hi (in place: index i < half reads i, i +
      // half)
      for (int i = 0; i < half; i++) {
        ScalarLimbs.mul(t0, 0, av, 4 * i, u, 0);
        ScalarLimbs.mul(t1, 0, av, 4 * (i + half), uInv, 0);
        ScalarLimbs.add(av, 4 * i, t0, 0, t1, 0);
        ScalarLimbs.mul(t0, 0, bv, 4 * i, uInv, 0);
        ScalarLimbs.mul(t1, 0, bv, 4 * (i + half), u, 0);
        ScalarLimbs.add(bv, 4 * i, t0, 0, t1, 0);
      }
      // G' = u⁻¹·G_lo + u·G_hi ; H' = u·H_lo + u⁻¹·H_hi
      for (int j = 0; j < nm; j++) {
        boolean lo = j % size < half;
        ScalarLimbs.mul(cG, 4 * j, cG, 4 * j, lo ? uInv : u, 0);
        ScalarLimbs.mul(cH, 4 * j, cH, 4 * j, lo ? u : uInv, 0);
      }
    }
    return new InnerProductArgument(
        ls, rs, ScalarLimbs.toBigInteger(av, 0), ScalarLimbs.toBigInteger(bv, 0));
  }

  /** x[i]·y[j] as a number in [0, r); tmp is scratch. */
  private static BigInteger product(long[] x, int i, long[] y, int j, long[] tmp) {
    ScalarLimbs.mul(tmp, 0, x, 4 * i, y, 4 * j);
    return ScalarLimbs.toBigInteger(tmp, 0);
  }

  /** out = Σ_{k < len} x[xi + k]·y[yi + k]; tmp is scratch. */
  private static void innerProduct(
      long[] x, int xi, long[] y, int yi, int len, long[] out, long[] tmp) {
    java.util.Arrays.fill(out, 0);
    for (int k = 0; k < len; k++) {
      ScalarLimbs.mul(tmp, 0, x, 4 * (xi + k), y, 4 * (yi + k));
      ScalarLimbs.add(out, 0, out, 0, tmp, 0);
    }
  }
}
