package io.credence.zk;

/**
 * F_p arithmetic (the BN254 base field) on mutable limb arrays: an element is four 64-bit
 * little-endian limbs in Montgomery form (a·2^256 mod p) stored at {@code arr[off … off + 3]}. The
 * inner loops of the group code keep their points in preallocated arrays and call these methods, so
 * a multi-scalar multiplication allocates nothing per point. Every method reads all its inputs
 * before writing, so the output may alias an input. Inputs and outputs are fully reduced, in [0,
 * p).
 *
 * <p>The multiplication is the "no-carry" CIOS Montgomery product: p's top limb is below (2^64 −
 * 1)/2 − 1, so each round's final carry fits in the top limb and the usual extra carry word is not
 * needed. The squaring computes the six cross products once and doubles them, then reduces.
 */
final class FieldLimbs {

  /** p, little-endian limbs. */
  static final long P0 = 0x3C208C16D87CFD47L;

  static final long P1 = 0x97816A916871CA8DL;
  static final long P2 = 0xB85045B68181585DL;
  static final long P3 = 0x30644E72E131A029L;

  /** −p⁻¹ mod 2^64. */
  static final long INV = 0x87D20782E4866389L;

  /** 1 in Montgomery form: R = 2^256 mod p. */
  static final long ONE0 = 0xD35D438DC58F0D9DL;

  static final long ONE1 = 0x0A78EB28F5C70B3DL;
  static final long ONE2 = 0x666EA36F7879462CL;
  static final long ONE3 = 0x0E0A77C19A07DF2FL;

  /**
   * Off by default; when the JVM starts with {@code -Dcredence.zk.countFieldOps=true} every
   * multiplication and squaring (here and in {@link Fp}) is counted, for the benchmark harness. The
   * flag is a constant, so the JIT removes the counting when it is off.
   */
  static final boolean COUNTING = Boolean.getBoolean("credence.zk.countFieldOps");

  static long multiplications;
  static long squarings;

  private FieldLimbs() {}

  /** 1 if {@code sum = x + addend} wrapped around (the carry out of a 64-bit addition). */
  static long carry(long sum, long addend) {
    return Long.compareUnsigned(sum, addend) < 0 ? 1 : 0;
  }

  /** Low word of t + a·b + c (a 128-bit value). */
  static long macLo(long t, long a, long b, long c) {
    return a * b + t + c;
  }

  /** High word of t + a·b + c; C2 shares the product with {@link #macLo} after inlining. */
  static long macHi(long t, long a, long b, long c) {
    long lo = a * b;
    long hi = Math.unsignedMultiplyHigh(a, b);
    long s = lo + t;
    hi += carry(s, t);
    return hi + carry(s + c, c);
  }

  /** r = a·b·R⁻¹ mod p. */
  static void mul(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    if (COUNTING) {
      multiplications++;
    }
    mont(a[ao], a[ao + 1], a[ao + 2], a[ao + 3], b[bo], b[bo + 1], b[bo + 2], b[bo + 3], r, ro);
  }

  /** The no-carry CIOS product of (a0..a3) and (b0..b3), written to r[ro … ro + 3]. */
  static void mont(
      long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3, long[] r, int ro) {
    long t0 = 0;
    long t1 = 0;
    long t2 = 0;
    long t3 = 0;
    long s;
    long ca;
    long cc;
    long m;
    long bi;
    for (int i = 0; i < 4; i++) {
      bi = i == 0 ? b0 : i == 1 ? b1 : i == 2 ? b2 : b3;
      // t += a·bi, carrying through ca; m·p is added on the fly (carry cc) and the zero low limb
      // shifted out.
      s = t0;
      t0 = macLo(s, a0, bi, 0);
      ca = macHi(s, a0, bi, 0);
      m = t0 * INV;
      cc = macHi(t0, m, P0, 0);
      s = t1;
      t1 = macLo(s, a1, bi, ca);
      ca = macHi(s, a1, bi, ca);
      t0 = macLo(t1, m, P1, cc);
      cc = macHi(t1, m, P1, cc);
      s = t2;
      t2 = macLo(s, a2, bi, ca);
      ca = macHi(s, a2, bi, ca);
      t1 = macLo(t2, m, P2, cc);
      cc = macHi(t2, m, P2, cc);
      s = t3;
      t3 = macLo(s, a3, bi, ca);
      ca = macHi(s, a3, bi, ca);
      t2 = macLo(t3, m, P3, cc);
      cc = macHi(t3, m, P3, cc);
      t3 = cc + ca;
    }
    reduceOnce(t0, t1, t2, t3, r, ro);
  }

  /** r = a²·R⁻¹ mod p, with the cross products computed once. */
  static void sqr(long[] r, int ro, long[] a, int ao) {
    if (COUNTING) {
      squarings++;
    }
    long a0 = a[ao];
    long a1 = a[ao + 1];
    long a2 = a[ao + 2];
    long a3 = a[ao + 3];
    // Cross products a_i·a_j (i < j) into r1 … r6.
    long r1 = a0 * a1;
    long c = Math.unsignedMultiplyHigh(a0, a1);
    long r2 = macLo(0, a0, a2, c);
    c = macHi(0, a0, a2, c);
    long r3 = macLo(0, a0, a3, c);
    long r4 = macHi(0, a0, a3, c);
    long s = r3;
    r3 = macLo(s, a1, a2, 0);
    c = macHi(s, a1, a2, 0);
    s = r4;
    r4 = macLo(s, a1, a3, c);
    long r5 = macHi(s, a1, a3, c);
    s = r5;
    r5 = macLo(s, a2, a3, 0);
    long r6 = macHi(s, a2, a3, 0);
    // Double them.
    long r7 = r6 >>> 63;
    r6 = (r6 << 1) | (r5 >>> 63);
    r5 = (r5 << 1) | (r4 >>> 63);
    r4 = (r4 << 1) | (r3 >>> 63);
    r3 = (r3 << 1) | (r2 >>> 63);
    r2 = (r2 << 1) | (r1 >>> 63);
    r1 = r1 << 1;
    // Add the squares a_i² on the diagonal.
    long r0 = a0 * a0;
    c = Math.unsignedMultiplyHigh(a0, a0);
    s = r1;
    r1 = s + c;
    c = carry(r1, c);
    s = r2;
    r2 = macLo(s, a1, a1, c);
    c = macHi(s, a1, a1, c);
    s = r3;
    r3 = s + c;
    c = carry(r3, c);
    s = r4;
    r4 = macLo(s, a2, a2, c);
    c = macHi(s, a2, a2, c);
    s = r5;
    r5 = s + c;
    c = carry(r5, c);
    s = r6;
    r6 = macLo(s, a3, a3, c);
    c = macHi(s, a3, a3, c);
    r7 += c;
    // Montgomery reduction of r0 … r7: four rounds of t += m·p·2^(64i), the carries out of the
    // fifth limb of each round collected in c2.
    long m = r0 * INV;
    c = macHi(r0, m, P0, 0);
    s = r1;
    r1 = macLo(s, m, P1, c);
    c = macHi(s, m, P1, c);
    s = r2;
    r2 = macLo(s, m, P2, c);
    c = macHi(s, m, P2, c);
    s = r3;
    r3 = macLo(s, m, P3, c);
    c = macHi(s, m, P3, c);
    s = r4;
    r4 = s + c;
    long c2 = carry(r4, c);
    m = r1 * INV;
    c = macHi(r1, m, P0, 0);
    s = r2;
    r2 = macLo(s, m, P1, c);
    c = macHi(s, m, P1, c);
    s = r3;
    r3 = macLo(s, m, P2, c);
    c = macHi(s, m, P2, c);
    s = r4;
    r4 = macLo(s, m, P3, c);
    c = macHi(s, m, P3, c);
    s = r5;
    r5 = s + c + c2;
    c2 = carry(s + c, c) + carry(r5, c2);
    m = r2 * INV;
    c = macHi(r2, m, P0, 0);
    s = r3;
    r3 = macLo(s, m, P1, c);
    c = macHi(s, m, P1, c);
    s = r4;
    r4 = macLo(s, m, P2, c);
    c = macHi(s, m, P2, c);
    s = r5;
    r5 = macLo(s, m, P3, c);
    c = macHi(s, m, P3, c);
    s = r6;
    r6 = s + c + c2;
    c2 = carry(s + c, c) + carry(r6, c2);
    m = r3 * INV;
    c = macHi(r3, m, P0, 0);
    s = r4;
    r4 = macLo(s, m, P1, c);
    c = macHi(s, m, P1, c);
    s = r5;
    r5 = macLo(s, m, P2, c);
    c = macHi(s, m, P2, c);
    s = r6;
    r6 = macLo(s, m, P3, c);
    c = macHi(s, m, P3, c);
    r7 = r7 + c + c2;
    reduceOnce(r4, r5, r6, r7, r, ro);
  }

  /** Writes t − p if t ≥ p, else t (t &lt; 2p), branch-free. */
  static void reduceOnce(long t0, long t1, long t2, long t3, long[] r, int ro) {
    long d0 = t0 - P0;
    long b = borrow(t0, P0, d0);
    long d1 = t1 - P1 - b;
    b = borrow(t1, P1, d1);
    long d2 = t2 - P2 - b;
    b = borrow(t2, P2, d2);
    long d3 = t3 - P3 - b;
    b = borrow(t3, P3, d3);
    long keep = -b; // all ones when t < p
    r[ro] = (t0 & keep) | (d0 & ~keep);
    r[ro + 1] = (t1 & keep) | (d1 & ~keep);
    r[ro + 2] = (t2 & keep) | (d2 & ~keep);
    r[ro + 3] = (t3 & keep) | (d3 & ~keep);
  }

  /** The borrow out of d = x − y − b_in, from the operands and the difference. */
  private static long borrow(long x, long y, long d) {
    return ((~x & y) | (~(x ^ y) & d)) >>> 63;
  }

  /** r = a + b mod p (p &lt; 2^254, so the sum never leaves 256 bits). */
  static void add(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    long x0 = a[ao];
    long x1 = a[ao + 1];
    long x2 = a[ao + 2];
    long x3 = a[ao + 3];
    long s0 = x0 + b[bo];
    long c = carry(s0, x0);
    long y1 = b[bo + 1];
    long s1 = x1 + y1 + c;
    c = carry(x1 + y1, x1) | carry(s1, c);
    long y2 = b[bo + 2];
    long s2 = x2 + y2 + c;
    c = carry(x2 + y2, x2) | carry(s2, c);
    long s3 = x3 + b[bo + 3] + c;
    reduceOnce(s0, s1, s2, s3, r, ro);
  }

  /** r = 2a mod p. */
  static void dbl(long[] r, int ro, long[] a, int ao) {
    add(r, ro, a, ao, a, ao);
  }

  /** r = a − b mod p. */
  static void sub(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    long x0 = a[ao];
    long x1 = a[ao + 1];
    long x2 = a[ao + 2];
    long x3 = a[ao + 3];
    long y0 = b[bo];
    long y1 = b[bo + 1];
    long y2 = b[bo + 2];
    long y3 = b[bo + 3];
    long d0 = x0 - y0;
    long br = borrow(x0, y0, d0);
    long d1 = x1 - y1 - br;
    br = borrow(x1, y1, d1);
    long d2 = x2 - y2 - br;
    br = borrow(x2, y2, d2);
    long d3 = x3 - y3 - br;
    br = borrow(x3, y3, d3);
    // add p back when it borrowed
    long mask = -br;
    long q0 = P0 & mask;
    long q1 = P1 & mask;
    long q2 = P2 & mask;
    long q3 = P3 & mask;
    long s0 = d0 + q0;
    long c = carry(s0, d0);
    long s1 = d1 + q1 + c;
    c = carry(d1 + q1, d1) | carry(s1, c);
    long s2 = d2 + q2 + c;
    c = carry(d2 + q2, d2) | carry(s2, c);
    long s3 = d3 + q3 + c;
    r[ro] = s0;
    r[ro + 1] = s1;
    r[ro + 2] = s2;
    r[ro + 3] = s3;
  }

  /** r = −a mod p. */
  static void neg(long[] r, int ro, long[] a, int ao) {
    long x0 = a[ao];
    long x1 = a[ao + 1];
    long x2 = a[ao + 2];
    long x3 = a[ao + 3];
    long nz = -(((x0 | x1 | x2 | x3) != 0) ? 1L : 0L); // −0 = 0
    long d0 = P0 - x0;
    long br = borrow(P0, x0, d0);
    long d1 = P1 - x1 - br;
    br = borrow(P1, x1, d1);
    long d2 = P2 - x2 - br;
    br = borrow(P2, x2, d2);
    long d3 = P3 - x3 - br;
    r[ro] = d0 & nz;
    r[ro + 1] = d1 & nz;
    r[ro + 2] = d2 & nz;
    r[ro + 3] = d3 & nz;
  }

  static boolean isZero(long[] a, int ao) {
    return (a[ao] | a[ao + 1] | a[ao + 2] | a[ao + 3]) == 0;
  }

  static boolean equal(long[] a, int ao, long[] b, int bo) {
    return ((a[ao] ^ b[bo])
            | (a[ao + 1] ^ b[bo + 1])
            | (a[ao + 2] ^ b[bo + 2])
            | (a[ao + 3] ^ b[bo + 3]))
        == 0;
  }

  static void copy(long[] r, int ro, long[] a, int ao) {
    System.arraycopy(a, ao, r, ro, 4);
  }

  static void setOne(long[] r, int ro) {
    r[ro] = ONE0;
    r[ro + 1] = ONE1;
    r[ro + 2] = ONE2;
    r[ro + 3] = ONE3;
  }

  static void setZero(long[] r, int ro) {
    r[ro] = 0;
    r[ro + 1] = 0;
    r[ro + 2] = 0;
    r[ro + 3] = 0;
  }
}
