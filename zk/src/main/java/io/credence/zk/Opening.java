package io.credence.zk;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * The secret opening (v, γ) of a Pedersen commitment V = v·G + γ·H. Never printed: {@link
 * #toString()} is redacted, and no exception built by this module includes v or γ.
 */
public final class Opening {

  private final BigInteger value;
  private final Blinding blinding;

  private Opening(BigInteger value, Blinding blinding) {
    this.value = value;
    this.blinding = blinding;
  }

  /**
   * An opening of a non-negative value.
   *
   * @throws IllegalArgumentException if the value is negative or not below r
   */
  public static Opening of(BigInteger value, Blinding blinding) {
    if (value.signum() < 0 || value.compareTo(ScalarField.R) >= 0) {
      throw new IllegalArgumentException("value must be in [0, r)");
    }
    return new Opening(value, java.util.Objects.requireNonNull(blinding));
  }

  /** An opening of a non-negative value (e.g. a score). */
  public static Opening of(long value, Blinding blinding) {
    return of(BigInteger.valueOf(value), blinding);
  }

  /** An opening of {@code value} with a fresh random blinding. */
  public static Opening random(long value, SecureRandom rnd) {
    return of(value, Blinding.random(rnd));
  }

  /** The committed value (secret). */
  public BigInteger value() {
    return value;
  }

  /** The blinding (secret). */
  public Blinding blinding() {
    return blinding;
  }

  /** V = v·G + γ·H. */
  public Commitment commit() {
    return new Commitment(
        Bn254.GROUP.multiScalarMultiply(
            new GroupElement[] {Generators.G, Generators.H},
            new BigInteger[] {value, blinding.value()}));
  }

  @Override
  public String toString() {
    return "Opening[redacted]";
  }
}
