package io.credence.zk;

import java.math.BigInteger;

/**
 * BN254's GLV endomorphism: φ(x, y) = (β·x, y) with β a cube root of unity in F_p is the same map
 * as multiplication by λ, a cube root of unity in F_r. A scalar k splits as k ≡ k1 + k2·λ (mod r)
 * with |k1|, |k2| about 2^127, so k·P = k1·P + k2·φ(P) needs half the doublings, and φ(P)'s table
 * of odd multiples is P's with every x multiplied by β. The decomposition rounds k against a short
 * basis of the lattice {(a, b) : a + b·λ ≡ 0 (mod r)} (found with the extended Euclidean algorithm
 * on r and λ; GlvTest checks every constant).
 */
final class Glv {

  static final BigInteger LAMBDA =
      new BigInteger("4407920970296243842393367215006156084916469457145843978461");

  static final Fp BETA =
      Fp.of(new BigInteger("2203960485148121921418603742825762020974279258880205651966"));

  // The short basis (A1, B1), (A2, B2); A1·B2 − A2·B1 = r.
  static final BigInteger A1 = new BigInteger("9931322734385697763");
  static final BigInteger B1 = new BigInteger("-147946756881789319000765030803803410728");
  static final BigInteger A2 = new BigInteger("147946756881789319010696353538189108491");
  static final BigInteger B2 = new BigInteger("9931322734385697763");

  private static final BigInteger R = ScalarField.R;

  /**
   * round(2^256·B2 / r) and round(−2^256·B1 / r): c = ⌊(k·g + 2^255) / 2^256⌋ is then k·B2/r (and
   * −k·B1/r) rounded to within one, with a product and a shift instead of a division. Any integers
   * c1, c2 give a valid split (the basis vectors are in the lattice); being within one of the exact
   * rounding keeps |k1|, |k2| below 2^128 (GlvTest checks this on 2,000 random and edge scalars).
   */
  private static final BigInteger G1 = roundDiv(B2.shiftLeft(256));

  private static final BigInteger G2 = roundDiv(B1.negate().shiftLeft(256));
  private static final BigInteger HALF = BigInteger.ONE.shiftLeft(255);

  private Glv() {}

  /** {k1, k2}, signed, with k1 + k2·λ ≡ k (mod r) and |k1|, |k2| &lt; 2^128, for k in [0, r). */
  static BigInteger[] decompose(BigInteger k) {
    BigInteger c1 = k.multiply(G1).add(HALF).shiftRight(256);
    BigInteger c2 = k.multiply(G2).add(HALF).shiftRight(256);
    BigInteger k1 = k.subtract(c1.multiply(A1)).subtract(c2.multiply(A2));
    BigInteger k2 = c1.multiply(B1).add(c2.multiply(B2)).negate();
    return new BigInteger[] {k1, k2};
  }

  /** x / r rounded to the nearest integer, for x &gt;= 0. */
  private static BigInteger roundDiv(BigInteger x) {
    return x.add(R.shiftRight(1)).divide(R);
  }
}
