package io.credence.zk;

import java.math.BigInteger;

/**
 * BN254 (alt_bn128) G1: y² = x³ + 3 over F_p, prime order r, cofactor 1. The protocol only talks to
 * this interface so a faster backend can replace the Bouncy Castle one without touching the
 * protocol.
 *
 * <p>Contract: every method accepts elements produced by the same implementation; scalars are taken
 * mod r (any non-negative BigInteger is accepted); results are exact group elements.
 */
interface CurveGroup {

  BigInteger P =
      new BigInteger(
          "21888242871839275222246405745257275088696311157297823662689037894645226208583");

  /**
   * Boundary check shared by every backend's {@link #fromAffine}.
   *
   * @throws IllegalArgumentException if a coordinate is outside [0, p)
   */
  static void requireCoordinatesInField(BigInteger x, BigInteger y) {
    if (x.signum() < 0 || x.compareTo(P) >= 0 || y.signum() < 0 || y.compareTo(P) >= 0) {
      throw new IllegalArgumentException("coordinate out of range");
    }
  }

  /** The standard generator (1, 2). */
  GroupElement generator();

  GroupElement identity();

  /**
   * The point with these affine coordinates.
   *
   * @throws IllegalArgumentException if a coordinate is outside [0, p) or the point is not on the
   *     curve
   */
  GroupElement fromAffine(BigInteger x, BigInteger y);

  GroupElement add(GroupElement a, GroupElement b);

  GroupElement negate(GroupElement a);

  GroupElement multiply(GroupElement a, BigInteger k);

  /** Σ scalars[i]·points[i]; both arrays have the same length. */
  GroupElement multiScalarMultiply(GroupElement[] points, BigInteger[] scalars);

  /**
   * Σ scalarSets[m][i]·points[i] for every m (several MSMs over the same points); each set has the
   * points' length. An implementation may share work between them; the default computes them one by
   * one.
   */
  default GroupElement[] multiScalarMultiplyAll(GroupElement[] points, BigInteger[][] scalarSets) {
    GroupElement[] out = new GroupElement[scalarSets.length];
    for (int m = 0; m < scalarSets.length; m++) {
      out[m] = multiScalarMultiply(points, scalarSets[m]);
    }
    return out;
  }

  /**
   * The same point, marked as a fixed base that will be used in many multiplications; an
   * implementation may attach a larger precomputation to it. The default returns it unchanged.
   */
  default GroupElement precomputed(GroupElement p) {
    return p;
  }

  /**
   * As {@link #precomputed}, for the most used fixed bases, where a larger precomputation (about 16
   * KB per point) pays off. The default is {@link #precomputed}.
   */
  default GroupElement precomputedLarge(GroupElement p) {
    return precomputed(p);
  }

  /**
   * As {@link #precomputedLarge}, for the bases that every score statement uses (G, H and the first
   * 64 vector generators), where a still larger precomputation (about 128 KB per point) pays off.
   * The default is {@link #precomputedLarge}.
   */
  default GroupElement precomputedWide(GroupElement p) {
    return precomputedLarge(p);
  }

  /** a[i] + b[i] for every i; both arrays have the same length. */
  default GroupElement[] addAll(GroupElement[] a, GroupElement[] b) {
    GroupElement[] out = new GroupElement[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = add(a[i], b[i]);
    }
    return out;
  }

  /** Sum of the given points. */
  default GroupElement sum(GroupElement[] points) {
    GroupElement acc = identity();
    for (GroupElement p : points) {
      acc = add(acc, p);
    }
    return acc;
  }
}
