package io.credence.attestation;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An attestation's uid: the 32-byte EIP-712 struct hash the registry contracts key it by. Immutable
 * (the bytes are copied in and out) and compared by value.
 */
public final class AttestationUid {

  private static final HexFormat HEX = HexFormat.of();

  private final byte[] bytes;

  private AttestationUid(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * @throws IllegalArgumentException unless exactly 32 bytes
   */
  public static AttestationUid of(byte[] bytes) {
    if (bytes == null || bytes.length != 32) {
      throw new IllegalArgumentException("an attestation uid is exactly 32 bytes");
    }
    return new AttestationUid(bytes.clone());
  }

  /**
   * Parses {@code 0x} followed by 64 hex digits.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static AttestationUid parse(String hex) {
    if (hex == null || !hex.matches("0x[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException("an attestation uid is 0x followed by 64 hex digits");
    }
    return new AttestationUid(HEX.parseHex(hex.substring(2)));
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AttestationUid other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** {@code 0x}-prefixed lower-case hex. */
  @Override
  public String toString() {
    return "0x" + HEX.formatHex(bytes);
  }
}
