package io.credence.zk;

import java.math.BigInteger;

/**
 * An element of BN254 G1 as seen by the protocol code. Implementations are immutable; affine
 * coordinates are only meaningful when {@link #isIdentity()} is false.
 */
interface GroupElement {

  boolean isIdentity();

  /** Affine x in [0, p). */
  BigInteger x();

  /** Affine y in [0, p). */
  BigInteger y();
}
