package io.credence.zk;

import java.math.BigInteger;
import java.security.SecureRandom;

/** Arithmetic in the BN254 scalar field F_r (r = the order of G1). */
final class ScalarField {

  static final BigInteger R =
      new BigInteger(
          "21888242871839275222246405745257275088548364400416034343698204186575808495617");

  private ScalarField() {}

  static BigInteger add(BigInteger a, BigInteger b) {
    BigInteger s = a.add(b);
    return s.compareTo(R) >= 0 ? s.subtract(R) : s;
  }

  static BigInteger sub(BigInteger a, BigInteger b) {
    BigInteger d = a.subtract(b);
    return d.signum() < 0 ? d.add(R) : d;
  }

  static BigInteger mul(BigInteger a, BigInteger b) {
    return a.multiply(b).mod(R);
  }

  static BigInteger neg(BigInteger a) {
    return a.signum() == 0 ? a : R.subtract(a);
  }

  /**
   * a⁻¹ mod r by the binary GCD on limbs ({@link BinaryInverse}).
   *
   * @throws ArithmeticException if a ≡ 0 (mod r)
   */
  static BigInteger inv(BigInteger a) {
    BigInteger x = a.signum() < 0 || a.compareTo(R) >= 0 ? a.mod(R) : a;
    return BinaryInverse.invertScalar(x);
  }

  /** The inverses of non-zero xs with one modular inversion (Montgomery's trick). */
  static BigInteger[] batchInverse(BigInteger[] xs) {
    BigInteger[] prefix = new BigInteger[xs.length];
    BigInteger acc = BigInteger.ONE;
    for (int i = 0; i < xs.length; i++) {
      prefix[i] = acc;
      acc = mul(acc, xs[i]);
    }
    BigInteger inv = inv(acc);
    BigInteger[] out = new BigInteger[xs.length];
    for (int i = xs.length - 1; i >= 0; i--) {
      out[i] = mul(inv, prefix[i]);
      inv = mul(inv, xs[i]);
    }
    return out;
  }

  static BigInteger of(long v) {
    return BigInteger.valueOf(v).mod(R);
  }

  /** Uniform in [1, r) by rejection sampling. */
  static BigInteger random(SecureRandom rnd) {
    while (true) {
      BigInteger c = new BigInteger(254, rnd);
      if (c.signum() != 0 && c.compareTo(R) < 0) {
        return c;
      }
    }
  }

  /** x^0 .. x^(n-1). */
  static BigInteger[] powers(BigInteger x, int n) {
    BigInteger[] out = new BigInteger[n];
    BigInteger acc = BigInteger.ONE;
    for (int i = 0; i < n; i++) {
      out[i] = acc;
      acc = mul(acc, x);
    }
    return out;
  }

  static BigInteger innerProduct(BigInteger[] a, int aOff, BigInteger[] b, int bOff, int len) {
    BigInteger acc = BigInteger.ZERO;
    for (int i = 0; i < len; i++) {
      acc = acc.add(a[aOff + i].multiply(b[bOff + i]));
    }
    return acc.mod(R);
  }

  static byte[] toBytes32(BigInteger v) {
    return Bytes.uint256(v);
  }

  /** Reads a 32-byte big-endian scalar, or returns null when it is not in [0, r). */
  static BigInteger fromBytes32(byte[] buf, int off) {
    BigInteger v = new BigInteger(1, java.util.Arrays.copyOfRange(buf, off, off + 32));
    return v.compareTo(R) < 0 ? v : null;
  }
}
