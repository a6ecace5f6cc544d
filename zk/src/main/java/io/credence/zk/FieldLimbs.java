package io.credence.zk;

/**
 * F_p arithmetic (the BN254 base field) on mutable limb arrays: an element is four 64-bit
 * little-endian limbs in Montgomery form (a·2^256 mod p) stored at {@code arr[off … off + 3]}. The
 * inner loops of the group code keep their points in preallocated arrays and call these methods, so
 * their additions allocate nothing. Every method reads all its inputs before writing, so the output
 * may alias an input.
 *
 * <p>Lazy reduction: inputs and outputs are only partially reduced, in [0, 2p), so one element has
 * two representations (x and x + p, for x &lt; p). 4p &lt; 2^256, so the Montgomery product of two
 * such values is below 2p without the final conditional subtraction, which is therefore left out;
 * additions and subtractions reduce modulo 2p. {@link #isZero} and {@link #equal} compare modulo p,
 * and {@link #canonical} gives the unique representative in [0, p), which {@link Fp} requires
 * (every value leaving the limb arithmetic goes through {@link Fp#fromLimbs}, which applies it).
 *
 * <p>The multiplication is the "no-carry" CIOS Montgomery product: p's top limb is below (2^64 −
 * 1)/2 − 1, so each round's final carry fits in the top limb and the usual extra carry word is not
 * needed (with inputs below 2p, every intermediate sum stays below a + p &lt; 3p &lt; 2^256). The
 * carry out of each round's first reduction step, t0 + low(m·p0) with low(m·p0) = −t0 mod 2^64, is
 * 1 exactly when t0 ≠ 0, so that step needs no addition.
 */
final class FieldLimbs {

  /** p, little-endian limbs. */
  static final long P0 = 0x3C208C16D87CFD47L;

  static final long P1 = 0x97816A916871CA8DL;
  static final long P2 = 0xB85045B68181585DL;
  static final long P3 = 0x30644E72E131A029L;

  /** 2p, little-endian limbs: the modulus of the lazy additions and subtractions. */
  static final long Q0 = 0x7841182DB0F9FA8EL;

  static final long Q1 = 0x2F02D522D0E3951AL;
  static final long Q2 = 0x70A08B6D0302B0BBL;
  static final long Q3 = 0x60C89CE5C2634053L;

  /** −p⁻¹ mod 2^64. */
  static final long INV = 0x87D20782E4866389L;

  /** 1 in Montgomery form: R = 2^256 mod p. */
  static final long ONE0 = 0xD35D438DC58F0D9DL;

  static final long ONE1 = 0x0A78EB28F5C70B3DL;
  static final long ONE2 = 0x666EA36F7879462CL;
  static final long ONE3 = 0x0E0A77C19A07DF2FL;

  /**
   * Off by default; when the JVM starts with {@code -Dcredence.zk.countFieldOps=true} every
   * multiplication, squaring and inversion (here and in {@link Fp}) is counted, for the benchmark
   * harness. The flag is a constant, so the JIT removes the counting when it is off.
   */
  static final boolean COUNTING = Boolean.getBoolean("credence.zk.countFieldOps");

  static long multiplications;
  static long squarings;
  static long inversions;

  private FieldLimbs() {}

  /** 1 if {@code sum = x + addend} wrapped around (the carry out of a 64-bit addition). */
  static long carry(long sum, long addend) {
    return Long.compareUnsigned(sum, addend) < 0 ? 1 : 0;
  }

  /*
   * Three copies of the same comparison, on purpose. C2 compiles `? 1 : 0` as a conditional move
   * or as a branch depending on how often the profile of that bytecode saw each side, and one
   * method's profile is shared by every place it is inlined. When the carries of the product
   * (about half of them are 1 on random operands) shared a profile with the carry-ins of the
   * additions (almost never 1), some JVMs compiled them all as branches, which then mispredicted
   * half the time: the whole JVM ran the field product at about 133 ns instead of 33 (3 of about
   * 15 benchmark JVMs on 2026-12-02; a branch-free bit formula instead costs 46–49 ns every time).
   * Kept apart, each profile is one-sided or balanced, never in between.
   */

  /** As {@link #carry}, for the multiply-accumulate steps of the product only. */
  private static long macCarry(long sum, long addend) {
    return Long.compareUnsigned(sum, addend) < 0 ? 1 : 0;
  }

  /** As {@link #carry}, for adding a small carry-in c (0 or 1 mostly), which rarely carries out. */
  static long carryIn(long sum, long c) {
    return Long.compareUnsigned(sum, c) < 0 ? 1 : 0;
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
    hi += macCarry(s, t);
    return hi + macCarry(s + c, c);
  }

  /** r ≡ a·b·R⁻¹ (mod p), in [0, 2p). */
  static void mul(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    if (COUNTING) {
      multiplications++;
    }
    mont(a[ao], a[ao + 1], a[ao + 2], a[ao + 3], b[bo], b[bo + 1], b[bo + 2], b[bo + 3], r, ro);
  }

  /**
   * The no-carry CIOS product of (a0..a3) and (b0..b3), both below 2p, written to r[ro … ro + 3]
   * (below 2p, not reduced further).
   */
  static void mont(
      long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3, long[] r, int ro) {
    // Round i adds a·b_i, then m·p with m = t0·(−p⁻¹) mod 2^64 so the low limb becomes zero, and
    // shifts one limb down; ca carries the first sum, cc the second. In round 0, t = 0.
    long t0;
    long t1;
    long t2;
    long t3;
    long ca;
    long cc;
    long m;
    // round 0
    t0 = a0 * b0;
    ca = Math.unsignedMultiplyHigh(a0, b0);
    m = t0 * INV;
    cc = Math.unsignedMultiplyHigh(m, P0) + (t0 != 0 ? 1 : 0);
    t1 = a1 * b0 + ca;
    ca = macHi(0, a1, b0, ca);
    t0 = macLo(t1, m, P1, cc);
    cc = macHi(t1, m, P1, cc);
    t2 = a2 * b0 + ca;
    ca = macHi(0, a2, b0, ca);
    t1 = macLo(t2, m, P2, cc);
    cc = macHi(t2, m, P2, cc);
    t3 = a3 * b0 + ca;
    ca = macHi(0, a3, b0, ca);
    t2 = macLo(t3, m, P3, cc);
    cc = macHi(t3, m, P3, cc);
    t3 = cc + ca;
    // round 1
    ca = macHi(t0, a0, b1, 0);
    t0 = macLo(t0, a0, b1, 0);
    m = t0 * INV;
    cc = Math.unsignedMultiplyHigh(m, P0) + (t0 != 0 ? 1 : 0);
    long s11 = t1;
    t1 = macLo(s11, a1, b1, ca);
    ca = macHi(s11, a1, b1, ca);
    t0 = macLo(t1, m, P1, cc);
    cc = macHi(t1, m, P1, cc);
    long s12 = t2;
    t2 = macLo(s12, a2, b1, ca);
    ca = macHi(s12, a2, b1, ca);
    t1 = macLo(t2, m, P2, cc);
    cc = macHi(t2, m, P2, cc);
    long s13 = t3;
    t3 = macLo(s13, a3, b1, ca);
    ca = macHi(s13, a3, b1, ca);
    t2 = macLo(t3, m, P3, cc);
    cc = macHi(t3, m, P3, cc);
    t3 = cc + ca;
    // round 2
    ca = macHi(t0, a0, b2, 0);
    t0 = macLo(t0, a0, b2, 0);
    m = t0 * INV;
    cc = Math.unsignedMultiplyHigh(m, P0) + (t0 != 0 ? 1 : 0);
    long s21 = t1;
    t1 = macLo(s21, a1, b2, ca);
    ca = macHi(s21, a1, b2, ca);
    t0 = macLo(t1, m, P1, cc);
    cc = macHi(t1, m, P1, cc);
    long s22 = t2;
    t2 = macLo(s22, a2, b2, ca);
    ca = macHi(s22, a2, b2, ca);
    t1 = macLo(t2, m, P2, cc);
    cc = macHi(t2, m, P2, cc);
    long s23 = t3;
    t3 = macLo(s23, a3, b2, ca);
    ca = macHi(s23, a3, b2, ca);
    t2 = macLo(t3, m, P3, cc);
    cc = macHi(t3, m, P3, cc);
    t3 = cc + ca;
    // round 3
    ca = macHi(t0, a0, b3, 0);
    t0 = macLo(t0, a0, b3, 0);
    m = t0 * INV;
    cc = Math.unsignedMultiplyHigh(m, P0) + (t0 != 0 ? 1 : 0);
    long s31 = t1;
    t1 = macLo(s31, a1, b3, ca);
    ca = macHi(s31, a1, b3, ca);
    t0 = macLo(t1, m, P1, cc);
    cc = macHi(t1, m, P1, cc);
    long s32 = t2;
    t2 = macLo(s32, a2, b3, ca);
    ca = macHi(s32, a2, b3, ca);
    t1 = macLo(t2, m, P2, cc);
    cc = macHi(t2, m, P2, cc);
    long s33 = t3;
    t3 = macLo(s33, a3, b3, ca);
    ca = macHi(s33, a3, b3, ca);
    t2 = macLo(t3, m, P3, cc);
    cc = macHi(t3, m, P3, cc);
    t3 = cc + ca;
    r[ro] = t0;
    r[ro + 1] = t1;
    r[ro + 2] = t2;
    r[ro + 3] = t3;
  }

  /**
   * r ≡ a²·R⁻¹ (mod p), in [0, 2p). A dedicated squaring (six cross products computed once and
   * doubled, then a separate reduction) was measured slower than this multiplication (46.6 vs 38.2
   * ns on the benchmark machine): in Java each extra carry costs more than the products it saves.
   * It is counted separately so the operation counts stay comparable with other implementations.
   */
  static void sqr(long[] r, int ro, long[] a, int ao) {
    if (COUNTING) {
      squarings++;
    }
    long a0 = a[ao];
    long a1 = a[ao + 1];
    long a2 = a[ao + 2];
    long a3 = a[ao + 3];
    mont(a0, a1, a2, a3, a0, a1, a2, a3, r, ro);
  }

  /** Writes t − 2p if t ≥ 2p, else t (t &lt; 4p), branch-free. */
  static void reduceOnce(long t0, long t1, long t2, long t3, long[] r, int ro) {
    long d0 = t0 - Q0;
    long b = borrow(t0, Q0, d0);
    long d1 = t1 - Q1 - b;
    b = borrow(t1, Q1, d1);
    long d2 = t2 - Q2 - b;
    b = borrow(t2, Q2, d2);
    long d3 = t3 - Q3 - b;
    b = borrow(t3, Q3, d3);
    long keep = -b; // all ones when t < 2p
    r[ro] = (t0 & keep) | (d0 & ~keep);
    r[ro + 1] = (t1 & keep) | (d1 & ~keep);
    r[ro + 2] = (t2 & keep) | (d2 & ~keep);
    r[ro + 3] = (t3 & keep) | (d3 & ~keep);
  }

  /** r = the representative of a in [0, p): a − p if a ≥ p, else a (a &lt; 2p). */
  static void canonical(long[] r, int ro, long[] a, int ao) {
    long t0 = a[ao];
    long t1 = a[ao + 1];
    long t2 = a[ao + 2];
    long t3 = a[ao + 3];
    long d0 = t0 - P0;
    long b = borrow(t0, P0, d0);
    long d1 = t1 - P1 - b;
    b = borrow(t1, P1, d1);
    long d2 = t2 - P2 - b;
    b = borrow(t2, P2, d2);
    long d3 = t3 - P3 - b;
    b = borrow(t3, P3, d3);
    long keep = -b; // all ones when a < p
    r[ro] = (t0 & keep) | (d0 & ~keep);
    r[ro + 1] = (t1 & keep) | (d1 & ~keep);
    r[ro + 2] = (t2 & keep) | (d2 & ~keep);
    r[ro + 3] = (t3 & keep) | (d3 & ~keep);
  }

  /** The borrow out of d = x − y − b_in, from the operands and the difference. */
  private static long borrow(long x, long y, long d) {
    return ((~x & y) | (~(x ^ y) & d)) >>> 63;
  }

  /** r ≡ a + b, in [0, 2p) (4p &lt; 2^256, so the sum never leaves 256 bits). */
  static void add(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    long x0 = a[ao];
    long x1 = a[ao + 1];
    long x2 = a[ao + 2];
    long x3 = a[ao + 3];
    long s0 = x0 + b[bo];
    long c = carry(s0, x0);
    long y1 = b[bo + 1];
    long s1 = x1 + y1 + c;
    c = carry(x1 + y1, x1) | carryIn(s1, c);
    long y2 = b[bo + 2];
    long s2 = x2 + y2 + c;
    c = carry(x2 + y2, x2) | carryIn(s2, c);
    long s3 = x3 + b[bo + 3] + c;
    reduceOnce(s0, s1, s2, s3, r, ro);
  }

  /** r ≡ 2a, in [0, 2p). */
  static void dbl(long[] r, int ro, long[] a, int ao) {
    add(r, ro, a, ao, a, ao);
  }

  /** r ≡ a − b, in [0, 2p). */
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
    // add 2p back when it borrowed
    long mask = -br;
    long q0 = Q0 & mask;
    long q1 = Q1 & mask;
    long q2 = Q2 & mask;
    long q3 = Q3 & mask;
    long s0 = d0 + q0;
    long c = carry(s0, d0);
    long s1 = d1 + q1 + c;
    c = carry(d1 + q1, d1) | carryIn(s1, c);
    long s2 = d2 + q2 + c;
    c = carry(d2 + q2, d2) | carryIn(s2, c);
    long s3 = d3 + q3 + c;
    r[ro] = s0;
    r[ro + 1] = s1;
    r[ro + 2] = s2;
    r[ro + 3] = s3;
  }

  /** r ≡ −a, in [0, 2p): 2p − a, or 0 for a = 0. */
  static void neg(long[] r, int ro, long[] a, int ao) {
    long x0 = a[ao];
    long x1 = a[ao + 1];
    long x2 = a[ao + 2];
    long x3 = a[ao + 3];
    long nz = -(((x0 | x1 | x2 | x3) != 0) ? 1L : 0L); // −0 = 0
    long d0 = Q0 - x0;
    long br = borrow(Q0, x0, d0);
    long d1 = Q1 - x1 - br;
    br = borrow(Q1, x1, d1);
    long d2 = Q2 - x2 - br;
    br = borrow(Q2, x2, d2);
    long d3 = Q3 - x3 - br;
    r[ro] = d0 & nz;
    r[ro + 1] = d1 & nz;
    r[ro + 2] = d2 & nz;
    r[ro + 3] = d3 & nz;
  }

  /** Whether a ≡ 0 (mod p): a is 0 or p. */
  static boolean isZero(long[] a, int ao) {
    long x0 = a[ao];
    long x1 = a[ao + 1];
    long x2 = a[ao + 2];
    long x3 = a[ao + 3];
    return (x0 | x1 | x2 | x3) == 0 || ((x0 ^ P0) | (x1 ^ P1) | (x2 ^ P2) | (x3 ^ P3)) == 0;
  }

  /**
   * Whether a ≡ b (mod p): a − b by {@link #sub} (in [0, 2p)) is 0 or p. Only on the rare path of
   * two column points with the same x, so its four-limb scratch is not worth hoisting.
   */
  static boolean equal(long[] a, int ao, long[] b, int bo) {
    long[] d = new long[4];
    sub(d, 0, a, ao, b, bo);
    return isZero(d, 0);
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
