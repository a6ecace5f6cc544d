package io.credence.zk;

import io.credence.zk.ProofVerificationException.Reason;
import java.math.BigInteger;

/**
 * The two point encodings of this protocol (see docs/zk-protocol.md, "Encodings").
 *
 * <ul>
 *   <li>Compressed, 32 bytes: big-endian x; since p &lt; 2^254 the two top bits of x are free: bit
 *       7 of byte 0 is set iff y is odd, bit 6 of byte 0 marks the identity, which is encoded as
 *       0x40 followed by 31 zero bytes.
 *   <li>Uncompressed, 64 bytes: big-endian x ‖ y, as the EVM precompiles take them; the identity is
 *       64 zero bytes (the precompiles' convention).
 * </ul>
 *
 * Decoding is strict: coordinates ≥ p, unknown flags and points off the curve are rejected.
 */
final class PointCodec {

  static final int COMPRESSED = 32;
  static final int UNCOMPRESSED = 64;

  private static final BigInteger SQRT_EXP = CurveGroup.P.add(BigInteger.ONE).shiftRight(2);
  private static final BigInteger B = BigInteger.valueOf(3);

  private PointCodec() {}

  static byte[] compress(GroupElement e) {
    byte[] out = new byte[COMPRESSED];
    if (e.isIdentity()) {
      out[0] = 0x40;
      return out;
    }
    out = Bytes.uint256(e.x());
    if (e.y().testBit(0)) {
      out[0] |= (byte) 0x80;
    }
    return out;
  }

  static byte[] uncompressed(GroupElement e) {
    if (e.isIdentity()) {
      return new byte[UNCOMPRESSED];
    }
    return Bytes.concat(Bytes.uint256(e.x()), Bytes.uint256(e.y()));
  }

  static GroupElement decompress(byte[] buf, int off, boolean allowIdentity)
      throws ProofVerificationException {
    int flags = buf[off] & 0xC0;
    if ((flags & 0x40) != 0) {
      if (flags != 0x40 || !restIsZero(buf, off, COMPRESSED)) {
        throw new ProofVerificationException(Reason.NON_CANONICAL_POINT, "bad identity encoding");
      }
      return identity(allowIdentity);
    }
    byte[] xb = java.util.Arrays.copyOfRange(buf, off, off + COMPRESSED);
    xb[0] &= 0x3F;
    BigInteger x = new BigInteger(1, xb);
    if (x.compareTo(CurveGroup.P) >= 0) {
      throw new ProofVerificationException(Reason.NON_CANONICAL_POINT, "x ≥ p");
    }
    BigInteger y = sqrt(rhs(x));
    if (y == null) {
      throw new ProofVerificationException(Reason.POINT_NOT_ON_CURVE, "no y for x");
    }
    boolean odd = (flags & 0x80) != 0;
    if (y.testBit(0) != odd) {
      y = CurveGroup.P.subtract(y);
    }
    return Bn254.GROUP.fromAffine(x, y);
  }

  static GroupElement decodeUncompressed(byte[] buf, int off, boolean allowIdentity)
      throws ProofVerificationException {
    BigInteger x = Bytes.readUint256(buf, off);
    BigInteger y = Bytes.readUint256(buf, off + 32);
    if (x.signum() == 0 && y.signum() == 0) {
      return identity(allowIdentity);
    }
    if (x.compareTo(CurveGroup.P) >= 0 || y.compareTo(CurveGroup.P) >= 0) {
      throw new ProofVerificationException(Reason.NON_CANONICAL_POINT, "coordinate ≥ p");
    }
    if (!y.multiply(y).subtract(rhs(x)).mod(CurveGroup.P).equals(BigInteger.ZERO)) {
      throw new ProofVerificationException(Reason.POINT_NOT_ON_CURVE, "point not on curve");
    }
    return Bn254.GROUP.fromAffine(x, y);
  }

  /** x³ + 3 mod p. */
  static BigInteger rhs(BigInteger x) {
    return x.multiply(x).mod(CurveGroup.P).multiply(x).add(B).mod(CurveGroup.P);
  }

  /** A square root mod p (p ≡ 3 mod 4), or null if v is not a square. */
  static BigInteger sqrt(BigInteger v) {
    BigInteger y = v.modPow(SQRT_EXP, CurveGroup.P);
    return y.multiply(y).mod(CurveGroup.P).equals(v) ? y : null;
  }

  private static GroupElement identity(boolean allowed) throws ProofVerificationException {
    if (!allowed) {
      throw new ProofVerificationException(Reason.IDENTITY_POINT, "identity not allowed here");
    }
    return Bn254.GROUP.identity();
  }

  private static boolean restIsZero(byte[] buf, int off, int len) {
    int acc = buf[off] & 0x3F;
    for (int i = 1; i < len; i++) {
      acc |= buf[off + i];
    }
    return acc == 0;
  }
}
