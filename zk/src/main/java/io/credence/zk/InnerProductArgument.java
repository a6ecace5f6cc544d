package io.credence.zk;

import static io.credence.zk.ScalarField.add;
import static io.credence.zk.ScalarField.mul;

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
    BigInteger[] cG = new BigInteger[nm];
    java.util.Arrays.fill(cG, BigInteger.ONE);
    BigInteger[] cH = ScalarField.powers(yInv, nm);
    int rounds = Integer.numberOfTrailingZeros(nm);
    GroupElement[] ls = new GroupElement[rounds];
    GroupElement[] rs = new GroupElement[rounds];
    GroupElement[] points = new GroupElement[2 * nm + 1];
    System.arraycopy(gens, 0, points, 0, nm);
    System.arraycopy(hens, 0, points, nm, nm);
    points[2 * nm] = Generators.G;
    BigInteger[] av = a;
    BigInteger[] bv = b;
    for (int round = 0, size = nm; size > 1; round++, size /= 2) {
      int half = size / 2;
      // Original base j currently belongs to folded base (j mod size).
      BigInteger[] lScalars = new BigInteger[2 * nm + 1];
      BigInteger[] rScalars = new BigInteger[2 * nm + 1];
      for (int j = 0; j < nm; j++) {
        int idx = j % size;
        if (idx >= half) {
          // L = ⟨a_lo, G_hi⟩ + ⟨b_hi, H'_lo⟩ + c_L·Q ; R = ⟨a_hi, G_lo⟩ + ⟨b_lo, H'_hi⟩ + c_R·Q
          lScalars[j] = mul(av[idx - half], cG[j]);
          rScalars[j] = BigInteger.ZERO;
          lScalars[nm + j] = BigInteger.ZERO;
          rScalars[nm + j] = mul(bv[idx - half], cH[j]);
        } else {
          lScalars[j] = BigInteger.ZERO;
          rScalars[j] = mul(av[idx + half], cG[j]);
          lScalars[nm + j] = mul(bv[idx + half], cH[j]);
          rScalars[nm + j] = BigInteger.ZERO;
        }
      }
      lScalars[2 * nm] = mul(ScalarField.innerProduct(av, 0, bv, half, half), w);
      rScalars[2 * nm] = mul(ScalarField.innerProduct(av, half, bv, 0, half), w);
      GroupElement[] lr =
          Bn254.GROUP.multiScalarMultiplyAll(points, new BigInteger[][] {lScalars, rScalars});
      ls[round] = lr[0];
      rs[round] = lr[1];
      t.appendPoint("L", ls[round]);
      t.appendPoint("R", rs[round]);
      BigInteger u = t.challenge("u");
      BigInteger uInv = ScalarField.inv(u);
      BigInteger[] a2 = new BigInteger[half];
      BigInteger[] b2 = new BigInteger[half];
      for (int i = 0; i < half; i++) {
        a2[i] = add(mul(av[i], u), mul(av[i + half], uInv));
        b2[i] = add(mul(bv[i], uInv), mul(bv[i + half], u));
      }
      // G' = u⁻¹·G_lo + u·G_hi ; H' = u·H_lo + u⁻¹·H_hi
      for (int j = 0; j < nm; j++) {
        boolean lo = j % size < half;
        cG[j] = mul(cG[j], lo ? uInv : u);
        cH[j] = mul(cH[j], lo ? u : uInv);
      }
      av = a2;
      bv = b2;
    }
    return new InnerProductArgument(ls, rs, av[0], bv[0]);
  }
}
