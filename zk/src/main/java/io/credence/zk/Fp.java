package io.credence.zk;

import java.math.BigInteger;

/**
 * An element of F_p (the BN254 base field) in Montgomery form, four 64-bit little-endian limbs,
 * always fully reduced (in [0, p), so equal elements have equal limbs). Immutable; the arithmetic
 * is {@link FieldLimbs}'s (the group's inner loops use that directly on mutable arrays).
 */
final class Fp {

  static final long P0 = 0x3C208C16D87CFD47L;
  static final long P1 = 0x97816A916871CA8DL;
  static final long P2 = 0xB85045B68181585DL;
  static final long P3 = 0x30644E72E131A029L;

  /** −p⁻¹ mod 2^64. */
  static final long INV = 0x87D20782E4866389L;

  private static final Fp R2 =
      new Fp(0xF32CFC5B538AFA89L, 0xB5E71911D44501FBL, 0x47AB1EFF0A417FF6L, 0x06D89F71CAB8351FL);
  static final Fp ZERO = new Fp(0, 0, 0, 0);
  static final Fp ONE =
      new Fp(0xD35D438DC58F0D9DL, 0x0A78EB28F5C70B3DL, 0x666EA36F7879462CL, 0x0E0A77C19A07DF2FL);
  private static final Fp RAW_ONE = new Fp(1, 0, 0, 0);

  /** R³ = 2^768 mod p, a plain number (see {@link #inv}). */
  private static final long R3_0 = 0xB1CD6DAFDA1530DFL;

  private static final long R3_1 = 0x62F210E6A7283DB6L;
  private static final long R3_2 = 0xEF7F0B0C0ADA0AFBL;
  private static final long R3_3 = 0x20FD6E902D592544L;

  final long l0;
  final long l1;
  final long l2;
  final long l3;

  private Fp(long l0, long l1, long l2, long l3) {
    this.l0 = l0;
    this.l1 = l1;
    this.l2 = l2;
    this.l3 = l3;
  }

  /** v must be in [0, p). */
  static Fp of(BigInteger v) {
    long[] w = new long[4];
    for (int i = 0; i < 4; i++) {
      w[i] = v.shiftRight(64 * i).longValue();
    }
    return mul(new Fp(w[0], w[1], w[2], w[3]), R2);
  }

  BigInteger toBigInteger() {
    Fp n = mul(this, RAW_ONE);
    byte[] b = new byte[33];
    long[] w = {n.l3, n.l2, n.l1, n.l0};
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 8; j++) {
        b[1 + 8 * i + j] = (byte) (w[i] >>> (56 - 8 * j));
      }
    }
    return new BigInteger(b);
  }

  boolean isZero() {
    return (l0 | l1 | l2 | l3) == 0;
  }

  boolean sameAs(Fp o) {
    return l0 == o.l0 && l1 == o.l1 && l2 == o.l2 && l3 == o.l3;
  }

  private static Fp reduceOnce(long t0, long t1, long t2, long t3, long t4) {
    // Subtract p if t ≥ p (t < 2p here); borrow(x − y − b) = ((~x & y) | (~(x ^ y) & d)) >>> 63.
    long d0 = t0 - P0;
    long b = ((~t0 & P0) | (~(t0 ^ P0) & d0)) >>> 63;
    long d1 = t1 - P1 - b;
    b = ((~t1 & P1) | (~(t1 ^ P1) & d1)) >>> 63;
    long d2 = t2 - P2 - b;
    b = ((~t2 & P2) | (~(t2 ^ P2) & d2)) >>> 63;
    long d3 = t3 - P3 - b;
    b = ((~t3 & P3) | (~(t3 ^ P3) & d3)) >>> 63;
    // keep t when it was below p (borrow out and no 2^256 limb), else t − p
    long keep = -(b & (1 - t4)); // all ones to keep t
    return new Fp(
        (t0 & keep) | (d0 & ~keep),
        (t1 & keep) | (d1 & ~keep),
        (t2 & keep) | (d2 & ~keep),
        (t3 & keep) | (d3 & ~keep));
  }

  static Fp add(Fp a, Fp b) {
    long s0 = a.l0 + b.l0;
    long c = Long.compareUnsigned(s0, a.l0) < 0 ? 1 : 0;
    long s1 = a.l1 + b.l1 + c;
    c = (Long.compareUnsigned(s1, a.l1) < 0 || (c == 1 && s1 == a.l1)) ? 1 : 0;
    long s2 = a.l2 + b.l2 + c;
    c = (Long.compareUnsigned(s2, a.l2) < 0 || (c == 1 && s2 == a.l2)) ? 1 : 0;
    long s3 = a.l3 + b.l3 + c;
    // p < 2^254, so a + b < 2^255 never carries out of the top limb.
    return reduceOnce(s0, s1, s2, s3, 0);
  }

  static Fp sub(Fp a, Fp b) {
    long d0 = a.l0 - b.l0;
    long br = Long.compareUnsigned(a.l0, b.l0) < 0 ? 1 : 0;
    long d1 = a.l1 - b.l1 - br;
    br = (Long.compareUnsigned(a.l1, b.l1) < 0 || (a.l1 == b.l1 && br == 1)) ? 1 : 0;
    long d2 = a.l2 - b.l2 - br;
    br = (Long.compareUnsigned(a.l2, b.l2) < 0 || (a.l2 == b.l2 && br == 1)) ? 1 : 0;
    long d3 = a.l3 - b.l3 - br;
    br = (Long.compareUnsigned(a.l3, b.l3) < 0 || (a.l3 == b.l3 && br == 1)) ? 1 : 0;
    if (br == 0) {
      return new Fp(d0, d1, d2, d3);
    }
    long s0 = d0 + P0;
    long c = Long.compareUnsigned(s0, d0) < 0 ? 1 : 0;
    long s1 = d1 + P1 + c;
    c = (Long.compareUnsigned(s1, d1) < 0 || (c == 1 && s1 == d1)) ? 1 : 0;
    long s2 = d2 + P2 + c;
    c = (Long.compareUnsigned(s2, d2) < 0 || (c == 1 && s2 == d2)) ? 1 : 0;
    long s3 = d3 + P3 + c;
    return new Fp(s0, s1, s2, s3);
  }

  static Fp neg(Fp a) {
    return a.isZero() ? a : sub(ZERO, a);
  }

  static Fp dbl(Fp a) {
    return add(a, a);
  }

  static Fp sqr(Fp a) {
    long[] r = new long[4];
    a.copyTo(r, 0);
    FieldLimbs.sqr(r, 0, r, 0);
    FieldLimbs.canonical(r, 0, r, 0);
    return new Fp(r[0], r[1], r[2], r[3]);
  }

  static Fp inv(Fp a) {
    if (FieldLimbs.COUNTING) {
      FieldLimbs.inversions++;
    }
    // The binary GCD inverts the Montgomery form aR as a plain number: (aR)⁻¹ = a⁻¹R⁻¹; one
    // Montgomery product with R³ turns that into a⁻¹R.
    long[] r = new long[4];
    a.copyTo(r, 0);
    BinaryInverse.invert(r, 0, BinaryInverse.P, r, 0);
    FieldLimbs.mont(r[0], r[1], r[2], r[3], R3_0, R3_1, R3_2, R3_3, r, 0);
    FieldLimbs.canonical(r, 0, r, 0);
    return new Fp(r[0], r[1], r[2], r[3]);
  }

  static Fp mul(Fp a, Fp b) {
    if (FieldLimbs.COUNTING) {
      FieldLimbs.multiplications++;
    }
    long[] r = new long[4];
    FieldLimbs.mont(a.l0, a.l1, a.l2, a.l3, b.l0, b.l1, b.l2, b.l3, r, 0);
    FieldLimbs.canonical(r, 0, r, 0);
    return new Fp(r[0], r[1], r[2], r[3]);
  }

  /** The four limbs, for the mutable arithmetic of {@link FieldLimbs}. */
  void copyTo(long[] r, int ro) {
    r[ro] = l0;
    r[ro + 1] = l1;
    r[ro + 2] = l2;
    r[ro + 3] = l3;
  }

  /**
   * An element from four Montgomery-form limbs in [0, 2p) (the lazily reduced form of {@link
   * FieldLimbs}), reduced to its representative in [0, p).
   */
  static Fp fromLimbs(long[] a, int ao) {
    long[] r = new long[4];
    FieldLimbs.canonical(r, 0, a, ao);
    return new Fp(r[0], r[1], r[2], r[3]);
  }
}
