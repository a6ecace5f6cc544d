package io.credence.zk;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The secret blinding factor γ of a Pedersen commitment, a scalar in [0, r). Never printed;
 * compared in constant time. Export it only to the party that owns the commitment.
 */
public final class Blinding {

  private final BigInteger value;

  private Blinding(BigInteger value) {
    this.value = value;
  }

  /** A fresh uniformly random non-zero blinding. */
  public static Blinding random(SecureRandom rnd) {
    return new Blinding(ScalarField.random(rnd));
  }

  /**
   * Reads a 32-byte big-endian blinding.
   *
   * @throws IllegalArgumentException if the length is not 32 or the value is not below r
   */
  public static Blinding fromBytes(byte[] bytes) {
    if (bytes.length != 32) {
      throw new IllegalArgumentException("a blinding is 32 bytes");
    }
    BigInteger v = ScalarField.fromBytes32(bytes, 0);
    if (v == null) {
      throw new IllegalArgumentException("blinding is not below the group order");
    }
    return new Blinding(v);
  }

  /** The 32-byte big-endian encoding (secret). */
  public byte[] toBytes() {
    return Bytes.uint256(value);
  }

  BigInteger value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Blinding b && MessageDigest.isEqual(toBytes(), b.toBytes());
  }

  @Override
  public int hashCode() {
    return 0; // deliberately uninformative: never leak secret bits through hashing
  }

  @Override
  public String toString() {
    return "Blinding[redacted]";
  }
}
