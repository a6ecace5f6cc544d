package io.credence.zk;

import java.util.OptionalInt;

/**
 * The one exception thrown when a proof, commitment or encoding does not verify.
 *
 * <p>The message and {@link #reason()} only ever describe public data (lengths, indices, which
 * check failed); secrets never reach this type.
 */
public final class ProofVerificationException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why verification or decoding failed. */
  public enum Reason {
    /**
     * An encoding has the wrong number of bytes or an ABI offset/length is not the canonical one.
     */
    WRONG_LENGTH,
    /**
     * The number of inner-product rounds does not equal log2(n·m), or exceeds the supported
     * maximum.
     */
    ROUND_COUNT_MISMATCH,
    /** A point encoding is not canonical: coordinate ≥ p or unknown flag bits. */
    NON_CANONICAL_POINT,
    /** A point is not on the BN254 G1 curve (or a compressed x has no matching y). */
    POINT_NOT_ON_CURVE,
    /** The identity (point at infinity) appears where it is not allowed. */
    IDENTITY_POINT,
    /** A scalar is not in [0, r). */
    SCALAR_OUT_OF_RANGE,
    /**
     * n or m is not supported (n ∈ {8,16,32,64}, m a power of two ≤ 64, one commitment per value).
     */
    UNSUPPORTED_PARAMETERS,
    /** A Fiat–Shamir challenge reduced to zero mod r. */
    ZERO_CHALLENGE,
    /** The verification equation does not hold: the proof is not valid for this statement. */
    EQUATION_FAILED
  }

  private final Reason reason;
  private final int proofIndex;

  ProofVerificationException(Reason reason, String message) {
    this(reason, message, -1);
  }

  ProofVerificationException(Reason reason, String message, int proofIndex) {
    super(reason + ": " + message);
    this.reason = reason;
    this.proofIndex = proofIndex;
  }

  /** The reason verification failed. */
  public Reason reason() {
    return reason;
  }

  /** For batch verification: the index of the first proof found invalid, if known. */
  public OptionalInt proofIndex() {
    return proofIndex < 0 ? OptionalInt.empty() : OptionalInt.of(proofIndex);
  }

  ProofVerificationException atIndex(int index) {
    return new ProofVerificationException(reason, "proof " + index + ": " + bareMessage(), index);
  }

  private String bareMessage() {
    String m = getMessage();
    return m.substring(m.indexOf(": ") + 2);
  }
}
