package io.credence.zk;

import io.credence.zk.ProofVerificationException.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * Private-model mode, public half: Pedersen commitments {@code P_k = m_k·G + ρ_k·H} to every model
 * parameter (per characteristic its integer edges then its points, then the base points) together
 * with the model's public shape (characteristics, bins per characteristic, scales, quantised
 * domains, bit widths, score range and the range of raw totals). The model commitment id is {@code
 * keccak256("credence/scorecard-model-commitment/v1" ‖ shape ‖ P_0 ‖ … ‖ P_last)}
 * (docs/zk-protocol.md §16). Immutable; holds only public data.
 *
 * <p>Encoding ({@link #toBytes()}): {@code u32(|shape|) ‖ shape ‖ u32(count) ‖ P_k uncompressed}.
 * Decoding validates every point (on the curve, canonical, not the identity) and that the number of
 * commitments matches the shape.
 */
public final class ModelCommitment implements ModelReference {

  static final String DOMAIN = "credence/scorecard-model-commitment/v1";

  private final ScorecardCircuit.Shape shape;
  private final GroupElement[] parameters;
  private final byte[] id;
  private final ConstraintSystem circuit;

  ModelCommitment(ScorecardCircuit.Shape shape, GroupElement[] parameters) {
    if (parameters.length != shape.parameters()) {
      throw new IllegalArgumentException("parameter count does not match the shape");
    }
    this.shape = shape;
    this.parameters = parameters.clone();
    List<byte[]> parts = new ArrayList<>();
    parts.add(Bytes.ascii(DOMAIN));
    parts.add(shape.encode());
    for (GroupElement p : parameters) {
      parts.add(PointCodec.uncompressed(p));
    }
    this.id = Bytes.keccak256(parts.toArray(byte[][]::new));
    this.circuit = ScorecardCircuit.privateModel(shape, null, null);
    circuit.digest(); // computed once here, so a shared instance is only ever read
  }

  /** The model commitment id (32 bytes). */
  @Override
  public byte[] id() {
    return id.clone();
  }

  /** Number of committed parameters. */
  public int parameterCount() {
    return parameters.length;
  }

  ScorecardCircuit.Shape shape() {
    return shape;
  }

  GroupElement[] parameters() {
    return parameters.clone();
  }

  ConstraintSystem circuit() {
    return circuit;
  }

  /** The encoding described in the class comment. */
  public byte[] toBytes() {
    byte[] s = shape.encode();
    List<byte[]> parts = new ArrayList<>();
    parts.add(Bytes.uint32(s.length));
    parts.add(s);
    parts.add(Bytes.uint32(parameters.length));
    for (GroupElement p : parameters) {
      parts.add(PointCodec.uncompressed(p));
    }
    return Bytes.concat(parts.toArray(byte[][]::new));
  }

  /**
   * Decodes {@link #toBytes()}.
   *
   * @throws ProofVerificationException with {@link Reason#WRONG_LENGTH} if a length is
   *     inconsistent, {@link Reason#UNSUPPORTED_PARAMETERS} if the shape is malformed, or a point
   *     reason if a commitment is not a valid point
   */
  public static ModelCommitment fromBytes(byte[] bytes) throws ProofVerificationException {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
    try {
      int shapeLen = b.getInt();
      if (shapeLen < 8 || shapeLen > b.remaining()) {
        throw new ProofVerificationException(Reason.WRONG_LENGTH, "bad shape length");
      }
      java.nio.ByteBuffer s = b.slice(b.position(), shapeLen);
      b.position(b.position() + shapeLen);
      long f = s.getLong();
      int tail = 32;
      if (f < 1
          || f > 256
          || shapeLen != 8 + f * ScorecardCircuit.Shape.CHARACTERISTIC_BYTES + tail) {
        throw new ProofVerificationException(Reason.WRONG_LENGTH, "bad shape encoding");
      }
      int n = (int) f;
      long[] scale = new long[n];
      int[] bins = new int[n];
      int[] wide = new int[n];
      int[] interior = new int[n];
      for (int i = 0; i < n; i++) {
        scale[i] = s.getLong();
        bins[i] = s.getInt();
        wide[i] = s.getInt();
        interior[i] = s.getInt();
        if (scale[i] < 1
            || bins[i] < 1
            || bins[i] > 64
            || wide[i] < 0
            || wide[i] > 62
            || interior[i] < 0
            || interior[i] > 62) {
          throw new ProofVerificationException(
              Reason.UNSUPPORTED_PARAMETERS, "characteristic " + i + " has an invalid shape");
        }
      }
      ScorecardCircuit.Shape shape =
          new ScorecardCircuit.Shape(
              scale, bins, wide, interior, s.getLong(), s.getLong(), s.getLong(), s.getLong());
      if (shape.minScore() > shape.maxScore() || shape.totalLower() > shape.totalUpper()) {
        throw new ProofVerificationException(Reason.UNSUPPORTED_PARAMETERS, "invalid score range");
      }
      int count = b.getInt();
      if (count != shape.parameters() || b.remaining() != 64L * count) {
        throw new ProofVerificationException(Reason.WRONG_LENGTH, "parameter count mismatch");
      }
      GroupElement[] ps = new GroupElement[count];
      for (int k = 0; k < count; k++) {
        ps[k] = PointCodec.decodeUncompressed(bytes, b.position() + 64 * k, false);
      }
      return new ModelCommitment(shape, ps);
    } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
      throw new ProofVerificationException(Reason.WRONG_LENGTH, "truncated model commitment");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModelCommitment m && java.util.Arrays.equals(id, m.id);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(id);
  }

  @Override
  public String toString() {
    return "ModelCommitment[" + Bytes.hex(id) + "]";
  }
}
