package io.credence.zk;

import io.credence.zk.ProofVerificationException.Reason;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * A keccak-256 Fiat–Shamir transcript in the style of Merlin: every message is labelled and length
 * prefixed, and the state is a 32-byte hash chain that the EVM can recompute with {@code
 * keccak256}.
 *
 * <p>Byte layout (docs/zk-protocol.md, "Transcript"), with {@code u32} a 4-byte big-endian length:
 *
 * <pre>
 *   state₀            = keccak256("credence/transcript/v1" ‖ u32(|app|) ‖ app)
 *   append(label,msg): state = keccak256(state ‖ 0x01 ‖ u32(|label|) ‖ label ‖ u32(|msg|) ‖ msg)
 *   challenge(label):  state = keccak256(state ‖ 0x02 ‖ u32(|label|) ‖ label); c = uint256(state) mod r
 * </pre>
 *
 * <p>The caller creates the transcript with its application label and may append its own messages
 * before handing it to a prover or verifier; the proof protocol then appends its versioned domain
 * separator and all public inputs itself. A transcript is mutable and not thread-safe; prover and
 * verifier must each start from an identical transcript. Labels and the application label are
 * ASCII.
 */
public final class Transcript {

  static final String INIT_TAG = "credence/transcript/v1";
  private static final byte OP_APPEND = 0x01;
  private static final byte OP_CHALLENGE = 0x02;

  private byte[] state;

  private Transcript(byte[] state) {
    this.state = state;
  }

  /**
   * Starts a transcript for the given application label, e.g. {@code "credence/attestation/v1"}.
   *
   * @throws IllegalArgumentException if the label is empty or not ASCII
   */
  public static Transcript create(String applicationLabel) {
    byte[] app = asciiLabel(applicationLabel);
    return new Transcript(Bytes.keccak256(Bytes.ascii(INIT_TAG), Bytes.uint32(app.length), app));
  }

  /** Appends a labelled message. The message may be empty. */
  public void append(String label, byte[] message) {
    byte[] l = asciiLabel(label);
    state =
        Bytes.keccak256(
            state,
            new byte[] {OP_APPEND},
            Bytes.uint32(l.length),
            l,
            Bytes.uint32(message.length),
            message);
  }

  /** An independent copy with the same state. */
  public Transcript copy() {
    return new Transcript(state.clone());
  }

  /** The current 32-byte state, for tests and cross-implementation checks. */
  byte[] state() {
    return state.clone();
  }

  void appendU64(String label, long v) {
    append(label, Bytes.uint64(v));
  }

  void appendPoint(String label, GroupElement p) {
    append(label, PointCodec.uncompressed(p));
  }

  void appendScalar(String label, BigInteger s) {
    append(label, Bytes.uint256(s));
  }

  /**
   * A challenge scalar in [1, r).
   *
   * @throws ProofVerificationException with {@link Reason#ZERO_CHALLENGE} if it reduces to zero
   */
  BigInteger challenge(String label) throws ProofVerificationException {
    byte[] l = asciiLabel(label);
    state = Bytes.keccak256(state, new byte[] {OP_CHALLENGE}, Bytes.uint32(l.length), l);
    BigInteger c = new BigInteger(1, state).mod(ScalarField.R);
    if (c.signum() == 0) {
      throw new ProofVerificationException(Reason.ZERO_CHALLENGE, "challenge " + label + " is 0");
    }
    return c;
  }

  private static byte[] asciiLabel(String label) {
    if (label.isEmpty() || !StandardCharsets.US_ASCII.newEncoder().canEncode(label)) {
      throw new IllegalArgumentException("labels must be non-empty ASCII");
    }
    return Bytes.ascii(label);
  }

  @Override
  public String toString() {
    return "Transcript[state=" + Bytes.hex(state) + "]";
  }
}
