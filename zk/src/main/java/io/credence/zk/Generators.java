package io.credence.zk;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The public generators, derived deterministically so any language can reproduce them (see
 * docs/zk-protocol.md, "Generators").
 *
 * <p>G = (1, 2). Every other generator is {@code hashToCurve(label)}: for counter = 0, 1, 2, … let
 * x = uint256(keccak256(DST ‖ label ‖ uint32be(counter))) mod p; if x³ + 3 is a square mod p, take
 * y = (x³ + 3)^((p+1)/4) mod p, replace y by p − y if y is odd, and return (x, y); otherwise try
 * the next counter. Labels: H = "H"; G_i = "G" ‖ uint32be(i); H_i = "H" ‖ uint32be(i).
 */
final class Generators {

  static final String DST = "credence/bn254/generator/v1/";

  /** n·m for n = 64 bits and m = 64 values. */
  static final int MAX_VECTOR_LENGTH = 64 * 64;

  /** Vector generators below this index get the larger precomputation (all score statements). */
  static final int LARGE_TABLES = 256;

  /**
   * Vector generators below this index (every band proof, every n = 64 proof, and batches of them)
   * get the largest precomputation, as do G and H: 130 points at about 128 KB each (17 MB; the 66
   * of a band statement 8.4 MB).
   */
  static final int WIDE_TABLES = 64;

  static final GroupElement G = Bn254.GROUP.precomputedWide(Bn254.GROUP.generator());
  static final GroupElement H = Bn254.GROUP.precomputedWide(hashToCurve(Bytes.ascii("H")));

  private static GroupElement[] gVec = new GroupElement[0];
  private static GroupElement[] hVec = new GroupElement[0];

  private Generators() {}

  /**
   * G_0 … G_(count-1); the same instances on every call (backends cache precomputation on them).
   */
  static GroupElement[] gVector(int count) {
    ensure(count);
    synchronized (Generators.class) {
      return Arrays.copyOf(gVec, count);
    }
  }

  static GroupElement[] hVector(int count) {
    ensure(count);
    synchronized (Generators.class) {
      return Arrays.copyOf(hVec, count);
    }
  }

  private static synchronized void ensure(int count) {
    if (count > MAX_VECTOR_LENGTH) {
      throw new IllegalArgumentException("at most " + MAX_VECTOR_LENGTH + " generators");
    }
    int have = gVec.length;
    if (count <= have) {
      return;
    }
    int target = Math.max(count, Math.min(MAX_VECTOR_LENGTH, Math.max(64, 2 * have)));
    GroupElement[] g = Arrays.copyOf(gVec, target);
    GroupElement[] h = Arrays.copyOf(hVec, target);
    for (int i = have; i < target; i++) {
      g[i] = fixedBase(hashToCurve(Bytes.concat(Bytes.ascii("G"), Bytes.uint32(i))), i);
      h[i] = fixedBase(hashToCurve(Bytes.concat(Bytes.ascii("H"), Bytes.uint32(i))), i);
    }
    gVec = g;
    hVec = h;
  }

  private static GroupElement fixedBase(GroupElement p, int index) {
    if (index < WIDE_TABLES) {
      return Bn254.GROUP.precomputedWide(p);
    }
    return index < LARGE_TABLES ? Bn254.GROUP.precomputedLarge(p) : Bn254.GROUP.precomputed(p);
  }

  static GroupElement hashToCurve(byte[] label) {
    byte[] dst = Bytes.ascii(DST);
    for (int counter = 0; ; counter++) {
      BigInteger x =
          new BigInteger(1, Bytes.keccak256(dst, label, Bytes.uint32(counter))).mod(CurveGroup.P);
      BigInteger y = PointCodec.sqrt(PointCodec.rhs(x));
      if (y != null) {
        if (y.testBit(0)) {
          y = CurveGroup.P.subtract(y);
        }
        return Bn254.GROUP.fromAffine(x, y);
      }
    }
  }
}
