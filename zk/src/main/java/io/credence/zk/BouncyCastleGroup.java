package io.credence.zk;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * BN254 G1 on Bouncy Castle's generic prime-field curve (Jacobian coordinates, BigInteger field
 * arithmetic). Multi-scalar multiplication uses Bouncy Castle's interleaved wNAF (Straus) for small
 * inputs, whose per-point precomputation is cached on the point objects (so fixed generators pay it
 * once), and a bucket (Pippenger) method for large inputs.
 */
final class BouncyCastleGroup implements CurveGroup {

  private static final int PIPPENGER_THRESHOLD = 96;

  private final ECCurve curve =
      new ECCurve.Fp(
          P, BigInteger.ZERO, BigInteger.valueOf(3), ScalarField.R, BigInteger.ONE, true);
  private final Element identity = new Element(curve.getInfinity());
  private final Element generator = (Element) fromAffine(BigInteger.ONE, BigInteger.TWO);

  /** A BC point kept normalized (affine) so coordinates can be read without further work. */
  static final class Element implements GroupElement {
    final ECPoint point;

    Element(ECPoint point) {
      this.point = point.normalize();
    }

    @Override
    public boolean isIdentity() {
      return point.isInfinity();
    }

    @Override
    public BigInteger x() {
      return point.getAffineXCoord().toBigInteger();
    }

    @Override
    public BigInteger y() {
      return point.getAffineYCoord().toBigInteger();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Element e && point.equals(e.point);
    }

    @Override
    public int hashCode() {
      return point.hashCode();
    }

    @Override
    public String toString() {
      return isIdentity()
          ? "G1(identity)"
          : "G1(" + x().toString(16) + ", " + y().toString(16) + ")";
    }
  }

  @Override
  public GroupElement generator() {
    return generator;
  }

  @Override
  public GroupElement identity() {
    return identity;
  }

  @Override
  public GroupElement fromAffine(BigInteger x, BigInteger y) {
    CurveGroup.requireCoordinatesInField(x, y);
    return new Element(curve.validatePoint(x, y));
  }

  @Override
  public GroupElement add(GroupElement a, GroupElement b) {
    return new Element(bc(a).add(bc(b)));
  }

  @Override
  public GroupElement negate(GroupElement a) {
    return new Element(bc(a).negate());
  }

  @Override
  public GroupElement multiply(GroupElement a, BigInteger k) {
    return new Element(bc(a).multiply(k.mod(ScalarField.R)));
  }

  @Override
  public GroupElement sum(GroupElement[] points) {
    ECPoint acc = curve.getInfinity();
    for (GroupElement p : points) {
      acc = acc.add(bc(p));
    }
    return new Element(acc);
  }

  @Override
  public GroupElement multiScalarMultiply(GroupElement[] points, BigInteger[] scalars) {
    if (points.length != scalars.length) {
      throw new IllegalArgumentException("points and scalars differ in length");
    }
    int count = 0;
    ECPoint[] ps = new ECPoint[points.length];
    BigInteger[] ks = new BigInteger[points.length];
    for (int i = 0; i < points.length; i++) {
      BigInteger k = scalars[i].mod(ScalarField.R);
      if (k.signum() != 0 && !points[i].isIdentity()) {
        ps[count] = bc(points[i]);
        ks[count] = k;
        count++;
      }
    }
    if (count == 0) {
      return identity;
    }
    if (count < PIPPENGER_THRESHOLD) {
      return new Element(
          ECAlgorithms.sumOfMultiplies(
              java.util.Arrays.copyOf(ps, count), java.util.Arrays.copyOf(ks, count)));
    }
    return new Element(pippenger(ps, ks, count));
  }

  private ECPoint pippenger(ECPoint[] ps, BigInteger[] ks, int count) {
    int c = windowBits(count);
    int windows = (254 + c - 1) / c;
    ECPoint infinity = curve.getInfinity();
    ECPoint result = infinity;
    ECPoint[] buckets = new ECPoint[(1 << c) - 1];
    for (int w = windows - 1; w >= 0; w--) {
      for (int d = 0; d < c; d++) {
        result = result.twice();
      }
      java.util.Arrays.fill(buckets, null);
      int shift = w * c;
      for (int i = 0; i < count; i++) {
        int digit = digit(ks[i], shift, c);
        if (digit != 0) {
          ECPoint b = buckets[digit - 1];
          buckets[digit - 1] = b == null ? ps[i] : b.add(ps[i]);
        }
      }
      // Σ d·B_d via running sums, from the highest digit down.
      ECPoint running = infinity;
      ECPoint windowSum = infinity;
      for (int d = buckets.length - 1; d >= 0; d--) {
        if (buckets[d] != null) {
          running = running.add(buckets[d]);
        }
        windowSum = windowSum.add(running);
      }
      result = result.add(windowSum);
    }
    return result;
  }

  private static int digit(BigInteger k, int shift, int c) {
    int d = 0;
    for (int b = c - 1; b >= 0; b--) {
      d = (d << 1) | (k.testBit(shift + b) ? 1 : 0);
    }
    return d;
  }

  private static int windowBits(int n) {
    if (n < 32) {
      return 3;
    }
    int lg = 31 - Integer.numberOfLeadingZeros(n);
    return Math.max(4, lg - 2);
  }

  private static ECPoint bc(GroupElement e) {
    return ((Element) e).point;
  }
}
