package io.credence.zk;

import java.util.Arrays;

/**
 * A Pedersen commitment V = v·G + γ·H on BN254 G1 (public). Decoding validates the point: on the
 * curve, canonical coordinates, not the identity.
 */
public final class Commitment {

  private final GroupElement point;

  Commitment(GroupElement point) {
    this.point = point;
  }

  /**
   * Decodes the 64-byte x ‖ y form used on the EVM.
   *
   * @throws ProofVerificationException if the length is wrong, a coordinate is ≥ p, the point is
   *     off the curve or is the identity
   */
  public static Commitment fromUncompressed(byte[] bytes) throws ProofVerificationException {
    checkLength(bytes, PointCodec.UNCOMPRESSED);
    return new Commitment(PointCodec.decodeUncompressed(bytes, 0, false));
  }

  /**
   * Decodes the 32-byte compressed form.
   *
   * @throws ProofVerificationException as for {@link #fromUncompressed(byte[])}
   */
  public static Commitment fromCompressed(byte[] bytes) throws ProofVerificationException {
    checkLength(bytes, PointCodec.COMPRESSED);
    return new Commitment(PointCodec.decompress(bytes, 0, false));
  }

  /** 64 bytes: big-endian x ‖ y. */
  public byte[] toUncompressed() {
    return PointCodec.uncompressed(point);
  }

  /** 32 bytes: big-endian x with the y-parity flag in the top bit. */
  public byte[] toCompressed() {
    return PointCodec.compress(point);
  }

  GroupElement point() {
    return point;
  }

  private static void checkLength(byte[] bytes, int len) throws ProofVerificationException {
    if (bytes.length != len) {
      throw new ProofVerificationException(
          ProofVerificationException.Reason.WRONG_LENGTH,
          "commitment must be " + len + " bytes, got " + bytes.length);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Commitment c && Arrays.equals(toUncompressed(), c.toUncompressed());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toUncompressed());
  }

  @Override
  public String toString() {
    return "Commitment[" + Bytes.hex(toCompressed()) + "]";
  }
}
