package io.credence.zk;

import java.math.BigInteger;

/**
 * F_r arithmetic (the BN254 scalar field) on mutable limb arrays, for the verifier's per-generator
 * coefficients: an element is four 64-bit little-endian limbs in Montgomery form (a·2^256 mod r),
 * fully reduced to [0, r), at {@code arr[off … off + 3]}. Outputs may alias inputs. The product is
 * the same "no-carry" CIOS Montgomery multiplication as {@link FieldLimbs#mont} (r's top limb, like
 * p's, leaves two spare bits), written as a loop over b's limbs: it runs a few hundred times per
 * proof, against about 25,000 base-field products, so the unrolled form is not worth its length
 * here. About a sixth of a {@code BigInteger} product and reduction, and it allocates nothing.
 */
final class ScalarLimbs {

  /** r, little-endian limbs. */
  static final long R0 = 0x43E1F593F0000001L;

  static final long R1 = 0x2833E84879B97091L;
  static final long R2 = 0xB85045B68181585DL;
  static final long R3 = 0x30644E72E131A029L;

  /** −r⁻¹ mod 2^64. */
  static final long INV = 0xC2E1F593EFFFFFFFL;

  /** 1 in Montgomery form: 2^256 mod r. */
  static final long[] ONE = {
    0xAC96341C4FFFFFFBL, 0x36FC76959F60CD29L, 0x666EA36F7879462EL, 0x0E0A77C19A07DF2FL
  };

  /** 2^512 mod r: a Montgomery product with it converts into Montgomery form. */
  private static final long[] TO_MONTGOMERY = {
    0x1BB8E645AE216DA7L, 0x53FE3AB1E35C59E3L, 0x8C49833D53BB8085L, 0x0216D0B17F4E44A5L
  };

  private static final long[] RAW_ONE = {1, 0, 0, 0};

  private ScalarLimbs() {}

  /** r[ro …] = a·b·2^−256 mod r, in [0, r), for a and b in [0, r). */
  static void mul(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    long a0 = a[ao];
    long a1 = a[ao + 1];
    long a2 = a[ao + 2];
    long a3 = a[ao + 3];
    long t0 = 0;
    long t1 = 0;
    long t2 = 0;
    long t3 = 0;
    for (int i = 0; i < 4; i++) {
      long bi = b[bo + i];
      // t += a·b_i
      long s0 = FieldLimbs.macLo(t0, a0, bi, 0);
      long c = FieldLimbs.macHi(t0, a0, bi, 0);
      long s1 = FieldLimbs.macLo(t1, a1, bi, c);
      c = FieldLimbs.macHi(t1, a1, bi, c);
      long s2 = FieldLimbs.macLo(t2, a2, bi, c);
      c = FieldLimbs.macHi(t2, a2, bi, c);
      long s3 = FieldLimbs.macLo(t3, a3, bi, c);
      long top = FieldLimbs.macHi(t3, a3, bi, c);
      // t = (t + m·r) / 2^64 with m chosen so the low limb vanishes
      long m = s0 * INV;
      c = FieldLimbs.macHi(s0, m, R0, 0);
      t0 = FieldLimbs.macLo(s1, m, R1, c);
      c = FieldLimbs.macHi(s1, m, R1, c);
      t1 = FieldLimbs.macLo(s2, m, R2, c);
      c = FieldLimbs.macHi(s2, m, R2, c);
      t2 = FieldLimbs.macLo(s3, m, R3, c);
      c = FieldLimbs.macHi(s3, m, R3, c);
      t3 = top + c;
    }
    reduceOnce(t0, t1, t2, t3, r, ro);
  }

  /** r = a + b mod r (2r &lt; 2^256: the sum never leaves 256 bits). */
  static void add(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    long x0 = a[ao];
    long x1 = a[ao + 1];
    long x2 = a[ao + 2];
    long y1 = b[bo + 1];
    long y2 = b[bo + 2];
    long s0 = x0 + b[bo];
    long c = FieldLimbs.carry(s0, x0);
    long s1 = x1 + y1 + c;
    c = FieldLimbs.carry(x1 + y1, x1) | FieldLimbs.carryIn(s1, c);
    long s2 = x2 + y2 + c;
    c = FieldLimbs.carry(x2 + y2, x2) | FieldLimbs.carryIn(s2, c);
    long s3 = a[ao + 3] + b[bo + 3] + c;
    reduceOnce(s0, s1, s2, s3, r, ro);
  }

  /** r = a − b mod r. */
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
    // add r back when it borrowed
    long mask = -br;
    long q0 = R0 & mask;
    long q1 = R1 & mask;
    long q2 = R2 & mask;
    long q3 = R3 & mask;
    long s0 = d0 + q0;
    long c = FieldLimbs.carry(s0, d0);
    long s1 = d1 + q1 + c;
    c = FieldLimbs.carry(d1 + q1, d1) | FieldLimbs.carryIn(s1, c);
    long s2 = d2 + q2 + c;
    c = FieldLimbs.carry(d2 + q2, d2) | FieldLimbs.carryIn(s2, c);
    r[ro] = s0;
    r[ro + 1] = s1;
    r[ro + 2] = s2;
    r[ro + 3] = d3 + q3 + c;
  }

  /** Writes v (any integer; reduced mod r) in Montgomery form to r[ro …]. */
  static void set(long[] r, int ro, BigInteger v) {
    BigInteger x = v.signum() < 0 || v.bitLength() > 254 ? v.mod(ScalarField.R) : v;
    long[] l = MontgomeryGroup.limbs(x);
    if (x.compareTo(ScalarField.R) >= 0) { // 254-bit values between r and 2^254
      l = MontgomeryGroup.limbs(x.subtract(ScalarField.R));
    }
    mul(r, ro, l, 0, TO_MONTGOMERY, 0);
  }

  /** Montgomery-form limbs of v. */
  static long[] of(BigInteger v) {
    long[] r = new long[4];
    set(r, 0, v);
    return r;
  }

  /** The value of a[ao …] (Montgomery form) as a number in [0, r). */
  static BigInteger toBigInteger(long[] a, int ao) {
    long[] l = new long[4];
    mul(l, 0, a, ao, RAW_ONE, 0);
    return BinaryInverse.toBigInteger(l);
  }

  /** Writes t − r if t ≥ r, else t (t &lt; 2r), branch-free. */
  private static void reduceOnce(long t0, long t1, long t2, long t3, long[] r, int ro) {
    long d0 = t0 - R0;
    long b = borrow(t0, R0, d0);
    long d1 = t1 - R1 - b;
    b = borrow(t1, R1, d1);
    long d2 = t2 - R2 - b;
    b = borrow(t2, R2, d2);
    long d3 = t3 - R3 - b;
    b = borrow(t3, R3, d3);
    long keep = -b; // all ones when t < r
    r[ro] = (t0 & keep) | (d0 & ~keep);
    r[ro + 1] = (t1 & keep) | (d1 & ~keep);
    r[ro + 2] = (t2 & keep) | (d2 & ~keep);
    r[ro + 3] = (t3 & keep) | (d3 & ~keep);
  }

  /** The borrow out of d = x − y − b_in, from the operands and the difference. */
  private static long borrow(long x, long y, long d) {
    return ((~x & y) | (~(x ^ y) & d)) >>> 63;
  }
}
