package io.credence.zk;

import java.math.BigInteger;

/**
 * BN254 G1 on 64-bit-limb Montgomery field arithmetic ({@link Fp}) with Jacobian coordinates.
 *
 * <p>Points handed out are affine. Multi-scalar multiplication is interleaved wNAF (Straus): a
 * window of {@value #WINDOW} bits for ordinary points and {@value #FIXED_WINDOW} bits for fixed
 * bases (the generators, see {@link #precomputed}). Each point's table of odd multiples is computed
 * once, normalized to affine together with the other new tables (one field inversion per call) and
 * cached on the point, so the generators pay for it only once per process.
 */
final class MontgomeryGroup implements CurveGroup {

  static final int WINDOW = 5;
  static final int FIXED_WINDOW = 8;
  private static final Fp B = Fp.of(BigInteger.valueOf(3));

  private final Affine identity = new Affine(null, null, false);
  private final Affine generator = (Affine) fromAffine(BigInteger.ONE, BigInteger.TWO);

  /** An affine point, or the identity when x is null. */
  static final class Affine implements GroupElement {
    final Fp x;
    final Fp y;
    final int window;
    private volatile Affine[] table; // P, 3P, …, (2^(w−1) − 1)·P

    Affine(Fp x, Fp y, boolean fixed) {
      this.x = x;
      this.y = y;
      this.window = fixed ? FIXED_WINDOW : WINDOW;
    }

    @Override
    public boolean isIdentity() {
      return x == null;
    }

    @Override
    public BigInteger x() {
      return x.toBigInteger();
    }

    @Override
    public BigInteger y() {
      return y.toBigInteger();
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Affine a)) {
        return false;
      }
      if (isIdentity() || a.isIdentity()) {
        return isIdentity() && a.isIdentity();
      }
      return x.sameAs(a.x) && y.sameAs(a.y);
    }

    @Override
    public int hashCode() {
      return isIdentity() ? 0 : Long.hashCode(x.l0 ^ y.l1);
    }

    @Override
    public String toString() {
      return isIdentity()
          ? "G1(identity)"
          : "G1(" + x().toString(16) + ", " + y().toString(16) + ")";
    }
  }

  /** Jacobian (X, Y, Z) ↦ (X/Z², Y/Z³); Z = 0 is the identity. */
  private record Jac(Fp x, Fp y, Fp z) {
    static final Jac INFINITY = new Jac(Fp.ONE, Fp.ONE, Fp.ZERO);

    boolean isInfinity() {
      return z.isZero();
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
    Fp fx = Fp.of(x);
    Fp fy = Fp.of(y);
    if (!Fp.sqr(fy).sameAs(Fp.add(Fp.mul(Fp.sqr(fx), fx), B))) {
      throw new IllegalArgumentException("point not on curve");
    }
    return new Affine(fx, fy, false);
  }

  /** The same point, marked as a fixed base: it gets a wider, cached precomputation table. */
  @Override
  public GroupElement precomputed(GroupElement p) {
    Affine a = (Affine) p;
    return a.isIdentity() ? a : new Affine(a.x, a.y, true);
  }

  @Override
  public GroupElement add(GroupElement a, GroupElement b) {
    Affine pa = (Affine) a;
    Affine pb = (Affine) b;
    if (pa.isIdentity()) {
      return pb;
    }
    return toAffine(madd(toJac(pa), pb.x, pb.y, pb.isIdentity()));
  }

  @Override
  public GroupElement negate(GroupElement a) {
    Affine p = (Affine) a;
    return p.isIdentity() ? p : new Affine(p.x, Fp.neg(p.y), false);
  }

  @Override
  public GroupElement multiply(GroupElement a, BigInteger k) {
    return multiScalarMultiply(new GroupElement[] {a}, new BigInteger[] {k});
  }

  @Override
  public GroupElement sum(GroupElement[] points) {
    Jac acc = Jac.INFINITY;
    for (GroupElement e : points) {
      Affine p = (Affine) e;
      acc = madd(acc, p.x, p.y, p.isIdentity());
    }
    return toAffine(acc);
  }

  @Override
  public GroupElement multiScalarMultiply(GroupElement[] points, BigInteger[] scalars) {
    if (points.length != scalars.length) {
      throw new IllegalArgumentException("points and scalars differ in length");
    }
    int count = 0;
    Affine[] ps = new Affine[points.length];
    int[][] nafs = new int[points.length][];
    int maxLen = 0;
    for (int i = 0; i < points.length; i++) {
      BigInteger k =
          scalars[i].signum() < 0 || scalars[i].bitLength() > 254
              ? scalars[i].mod(ScalarField.R)
              : scalars[i];
      Affine p = (Affine) points[i];
      if (k.signum() == 0 || p.isIdentity()) {
        continue;
      }
      ps[count] = p;
      nafs[count] = wnaf(k, p.window);
      maxLen = Math.max(maxLen, nafs[count].length);
      count++;
    }
    if (count == 0) {
      return identity;
    }
    Affine[][] tables = tables(ps, count);
    Jac acc = Jac.INFINITY;
    for (int bit = maxLen - 1; bit >= 0; bit--) {
      acc = dbl(acc);
      for (int i = 0; i < count; i++) {
        int[] naf = nafs[i];
        if (bit < naf.length && naf[bit] != 0) {
          int d = naf[bit];
          Affine t = tables[i][(Math.abs(d)) >> 1];
          acc = madd(acc, t.x, d > 0 ? t.y : Fp.neg(t.y), false);
        }
      }
    }
    return toAffine(acc);
  }

  /** Odd-multiple tables, computing and caching the missing ones with one shared inversion. */
  private Affine[][] tables(Affine[] ps, int count) {
    Affine[][] out = new Affine[count][];
    int missing = 0;
    for (int i = 0; i < count; i++) {
      out[i] = ps[i].table;
      if (out[i] == null) {
        missing++;
      }
    }
    if (missing == 0) {
      return out;
    }
    int total = 0;
    for (int i = 0; i < count; i++) {
      if (out[i] == null) {
        total += tableSize(ps[i]);
      }
    }
    Jac[] jacs = new Jac[total];
    int idx = 0;
    for (int i = 0; i < count; i++) {
      if (out[i] != null) {
        continue;
      }
      Affine p = ps[i];
      Jac p2 = dbl(toJac(p));
      Jac cur = toJac(p);
      jacs[idx++] = cur;
      for (int t = 1; t < tableSize(p); t++) {
        cur = add(cur, p2);
        jacs[idx++] = cur;
      }
    }
    Affine[] flat = batchToAffine(jacs);
    idx = 0;
    for (int i = 0; i < count; i++) {
      if (out[i] != null) {
        continue;
      }
      Affine[] table = new Affine[tableSize(ps[i])];
      System.arraycopy(flat, idx, table, 0, table.length);
      idx += table.length;
      ps[i].table = table;
      out[i] = table;
    }
    return out;
  }

  private static int tableSize(Affine p) {
    return 1 << (p.window - 2);
  }

  /** Width-w non-adjacent form, least significant digit first; digits odd, |d| < 2^(w-1). */
  static int[] wnaf(BigInteger k, int w) {
    int len = k.bitLength();
    int[] bits = new int[len + 2 * w + 2];
    for (int i = 0; i < len; i++) {
      bits[i] = k.testBit(i) ? 1 : 0;
    }
    int[] naf = new int[len + w + 1];
    int top = 0;
    int i = 0;
    while (i < naf.length) {
      if (bits[i] == 0) {
        i++;
        continue;
      }
      int v = 0;
      for (int j = 0; j < w; j++) {
        v |= bits[i + j] << j;
        bits[i + j] = 0;
      }
      if (v >= 1 << (w - 1)) {
        v -= 1 << w;
        int c = i + w;
        while (bits[c] == 1) {
          bits[c++] = 0;
        }
        bits[c] = 1;
      }
      naf[i] = v;
      top = i + 1;
      i += w;
    }
    return java.util.Arrays.copyOf(naf, top);
  }

  private static Jac toJac(Affine p) {
    return p.isIdentity() ? Jac.INFINITY : new Jac(p.x, p.y, Fp.ONE);
  }

  private Affine toAffine(Jac p) {
    if (p.isInfinity()) {
      return identity;
    }
    Fp zi = Fp.inv(p.z());
    Fp zi2 = Fp.sqr(zi);
    return new Affine(Fp.mul(p.x(), zi2), Fp.mul(p.y(), Fp.mul(zi2, zi)), false);
  }

  /** Montgomery's trick: one inversion for all. */
  private Affine[] batchToAffine(Jac[] ps) {
    int n = ps.length;
    Fp[] prefix = new Fp[n];
    Fp acc = Fp.ONE;
    for (int i = 0; i < n; i++) {
      prefix[i] = acc;
      if (!ps[i].isInfinity()) {
        acc = Fp.mul(acc, ps[i].z());
      }
    }
    Fp inv = Fp.inv(acc);
    Affine[] out = new Affine[n];
    for (int i = n - 1; i >= 0; i--) {
      if (ps[i].isInfinity()) {
        out[i] = identity;
        continue;
      }
      Fp zi = Fp.mul(inv, prefix[i]);
      inv = Fp.mul(inv, ps[i].z());
      Fp zi2 = Fp.sqr(zi);
      out[i] = new Affine(Fp.mul(ps[i].x(), zi2), Fp.mul(ps[i].y(), Fp.mul(zi2, zi)), false);
    }
    return out;
  }

  /** dbl-2009-l (a = 0). */
  private static Jac dbl(Jac p) {
    if (p.isInfinity()) {
      return p;
    }
    Fp a = Fp.sqr(p.x());
    Fp b = Fp.sqr(p.y());
    Fp c = Fp.sqr(b);
    Fp d = Fp.dbl(Fp.sub(Fp.sub(Fp.sqr(Fp.add(p.x(), b)), a), c));
    Fp e = Fp.add(Fp.dbl(a), a);
    Fp f = Fp.sqr(e);
    Fp x3 = Fp.sub(f, Fp.dbl(d));
    Fp c8 = Fp.dbl(Fp.dbl(Fp.dbl(c)));
    Fp y3 = Fp.sub(Fp.mul(e, Fp.sub(d, x3)), c8);
    Fp z3 = Fp.dbl(Fp.mul(p.y(), p.z()));
    return new Jac(x3, y3, z3);
  }

  /** add-2007-bl. */
  private static Jac add(Jac p, Jac q) {
    if (p.isInfinity()) {
      return q;
    }
    if (q.isInfinity()) {
      return p;
    }
    Fp z1z1 = Fp.sqr(p.z());
    Fp z2z2 = Fp.sqr(q.z());
    Fp u1 = Fp.mul(p.x(), z2z2);
    Fp u2 = Fp.mul(q.x(), z1z1);
    Fp s1 = Fp.mul(Fp.mul(p.y(), q.z()), z2z2);
    Fp s2 = Fp.mul(Fp.mul(q.y(), p.z()), z1z1);
    Fp h = Fp.sub(u2, u1);
    Fp r = Fp.dbl(Fp.sub(s2, s1));
    if (h.isZero()) {
      return r.isZero() ? dbl(p) : Jac.INFINITY;
    }
    Fp i = Fp.sqr(Fp.dbl(h));
    Fp j = Fp.mul(h, i);
    Fp v = Fp.mul(u1, i);
    Fp x3 = Fp.sub(Fp.sub(Fp.sqr(r), j), Fp.dbl(v));
    Fp y3 = Fp.sub(Fp.mul(r, Fp.sub(v, x3)), Fp.dbl(Fp.mul(s1, j)));
    Fp z3 = Fp.mul(Fp.sub(Fp.sub(Fp.sqr(Fp.add(p.z(), q.z())), z1z1), z2z2), h);
    return new Jac(x3, y3, z3);
  }

  /** madd-2007-bl: p + (x2, y2) with an affine second operand. */
  private static Jac madd(Jac p, Fp x2, Fp y2, boolean secondIsIdentity) {
    if (secondIsIdentity) {
      return p;
    }
    if (p.isInfinity()) {
      return new Jac(x2, y2, Fp.ONE);
    }
    Fp z1z1 = Fp.sqr(p.z());
    Fp u2 = Fp.mul(x2, z1z1);
    Fp s2 = Fp.mul(Fp.mul(y2, p.z()), z1z1);
    Fp h = Fp.sub(u2, p.x());
    Fp r = Fp.dbl(Fp.sub(s2, p.y()));
    if (h.isZero()) {
      return r.isZero() ? dbl(p) : Jac.INFINITY;
    }
    Fp hh = Fp.sqr(h);
    Fp i = Fp.dbl(Fp.dbl(hh));
    Fp j = Fp.mul(h, i);
    Fp v = Fp.mul(p.x(), i);
    Fp x3 = Fp.sub(Fp.sub(Fp.sqr(r), j), Fp.dbl(v));
    Fp y3 = Fp.sub(Fp.mul(r, Fp.sub(v, x3)), Fp.dbl(Fp.mul(p.y(), j)));
    Fp z3 = Fp.sub(Fp.sub(Fp.sqr(Fp.add(p.z(), h)), z1z1), hh);
    return new Jac(x3, y3, z3);
  }
}
