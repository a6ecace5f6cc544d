package io.credence.auth.internal;

import java.math.BigInteger;
import java.util.Arrays;

/** Bitcoin-alphabet base58 decoding, as used for Solana addresses and signatures. */
final class Base58 {

  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger BASE = BigInteger.valueOf(58);
  private static final int MAX_INPUT = 128;

  private Base58() {}

  /**
   * Decodes base58 text.
   *
   * @throws IllegalArgumentException on an empty or over-long input or a character outside the
   *     alphabet
   */
  static byte[] decode(String text) {
    if (text == null || text.isEmpty() || text.length() > MAX_INPUT) {
      throw new IllegalArgumentException("base58 text must be 1.." + MAX_INPUT + " characters");
    }
    BigInteger value = BigInteger.ZERO;
    int zeros = 0;
    boolean leading = true;
    for (char c : text.toCharArray()) {
      int digit = ALPHABET.indexOf(c);
      if (digit < 0) {
        throw new IllegalArgumentException("not a base58 character");
      }
      if (leading && digit == 0) {
        zeros++;
      } else {
        leading = false;
      }
      value = value.multiply(BASE).add(BigInteger.valueOf(digit));
    }
    byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
    if (magnitude.length > 0 && magnitude[0] == 0) {
      magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length);
    }
    byte[] out = new byte[zeros + magnitude.length];
    System.arraycopy(magnitude, 0, out, zeros, magnitude.length);
    return out;
  }
}
