package io.credence.attestations;

import java.util.Locale;
import java.util.Objects;
import org.web3j.utils.Numeric;

/**
 * A 32-byte value (a hash, an id, a schema): immutable, compared by value, printed as 0x-hex.
 *
 * @param hex lower-case {@code 0x} followed by 64 hex digits
 */
public record Bytes32(String hex) {

  public Bytes32 {
    Objects.requireNonNull(hex, "hex");
    hex = hex.toLowerCase(Locale.ROOT);
    if (!hex.matches("0x[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a 0x-prefixed 32-byte hex value: " + hex);
    }
  }

  /**
   * @throws IllegalArgumentException unless {@code bytes} has exactly 32 bytes
   */
  public static Bytes32 of(byte[] bytes) {
    if (bytes.length != 32) {
      throw new IllegalArgumentException("expected 32 bytes, got " + bytes.length);
    }
    return new Bytes32(Numeric.toHexString(bytes));
  }

  /** Parses {@code 0x}-prefixed hex (64 digits). */
  public static Bytes32 parse(String hex) {
    return new Bytes32(hex);
  }

  public byte[] bytes() {
    return Numeric.hexStringToByteArray(hex);
  }

  @Override
  public String toString() {
    return hex;
  }
}
