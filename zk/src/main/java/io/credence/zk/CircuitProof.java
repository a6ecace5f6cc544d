package io.credence.zk;

import io.credence.zk.ProofVerificationException.Reason;
import java.math.BigInteger;

/**
 * A Bulletproofs arithmetic-circuit proof (Bünz et al. 2018, §5.3, rank-1 constraint systems with
 * committed inputs) on BN254 G1 — the proof behind an {@link InferenceProof}. Immutable; holds only
 * public data.
 *
 * <p>Canonical encoding (docs/zk-protocol.md §14), k = log2(n) inner-product rounds, {@code 32·(13
 * + 2k)} bytes: A_I ‖ A_O ‖ S ‖ T1 ‖ T3 ‖ T4 ‖ T5 ‖ T6 (compressed points) ‖ t̂ ‖ τ_x ‖ μ (scalars)
 * ‖ L_1 ‖ R_1 ‖ … ‖ L_k ‖ R_k (compressed) ‖ a ‖ b. Decoding is strict: every point canonical, on
 * the curve and not the identity, every scalar below r, the length exactly canonical.
 */
public final class CircuitProof {

  /** log2 of the largest supported gate count (4096). */
  static final int MAX_ROUNDS = 12;

  private static final int HEADER_WORDS = 13;

  final GroupElement ai;
  final GroupElement ao;
  final GroupElement s;
  final GroupElement[] t; // T1, T3, T4, T5, T6
  final BigInteger tx;
  final BigInteger taux;
  final BigInteger mu;
  final GroupElement[] ls;
  final GroupElement[] rs;
  final BigInteger ipaA;
  final BigInteger ipaB;

  CircuitProof(
      GroupElement ai,
      GroupElement ao,
      GroupElement s,
      GroupElement[] t,
      BigInteger tx,
      BigInteger taux,
      BigInteger mu,
      GroupElement[] ls,
      GroupElement[] rs,
      BigInteger ipaA,
      BigInteger ipaB) {
    this.ai = ai;
    this.ao = ao;
    this.s = s;
    this.t = t.clone();
    this.tx = tx;
    this.taux = taux;
    this.mu = mu;
    this.ls = ls.clone();
    this.rs = rs.clone();
    this.ipaA = ipaA;
    this.ipaB = ipaB;
  }

  /** Number of inner-product rounds k = log2(n). */
  public int rounds() {
    return ls.length;
  }

  /** Canonical encoding length for k rounds: 32·(13 + 2k). */
  public static int canonicalLength(int rounds) {
    return 32 * (HEADER_WORDS + 2 * rounds);
  }

  /** The canonical encoding (see the class comment). */
  public byte[] toBytes() {
    byte[][] parts = new byte[HEADER_WORDS + 2 * ls.length][];
    int i = 0;
    parts[i++] = PointCodec.compress(ai);
    parts[i++] = PointCodec.compress(ao);
    parts[i++] = PointCodec.compress(s);
    for (GroupElement ti : t) {
      parts[i++] = PointCodec.compress(ti);
    }
    parts[i++] = Bytes.uint256(tx);
    parts[i++] = Bytes.uint256(taux);
    parts[i++] = Bytes.uint256(mu);
    for (int r = 0; r < ls.length; r++) {
      parts[i++] = PointCodec.compress(ls[r]);
      parts[i++] = PointCodec.compress(rs[r]);
    }
    parts[i++] = Bytes.uint256(ipaA);
    parts[i] = Bytes.uint256(ipaB);
    return Bytes.concat(parts);
  }

  /**
   * Decodes the canonical encoding.
   *
   * @throws ProofVerificationException with {@link Reason#WRONG_LENGTH} if the length is not 32·(13
   *     + 2k), {@link Reason#ROUND_COUNT_MISMATCH} if k &gt; 12, or the point/scalar reasons if a
   *     point is non-canonical, off the curve or the identity, or a scalar is ≥ r
   */
  public static CircuitProof fromBytes(byte[] bytes) throws ProofVerificationException {
    int len = bytes.length;
    int min = canonicalLength(0);
    if (len < min || (len - min) % 64 != 0) {
      throw new ProofVerificationException(
          Reason.WRONG_LENGTH, "circuit proof length " + len + " is not 32·(13 + 2k)");
    }
    int k = (len - min) / 64;
    if (k > MAX_ROUNDS) {
      throw new ProofVerificationException(
          Reason.ROUND_COUNT_MISMATCH, k + " rounds exceed the maximum " + MAX_ROUNDS);
    }
    int off = 0;
    GroupElement ai = PointCodec.decompress(bytes, off, false);
    GroupElement ao = PointCodec.decompress(bytes, off += 32, false);
    GroupElement s = PointCodec.decompress(bytes, off += 32, false);
    GroupElement[] t = new GroupElement[5];
    for (int i = 0; i < 5; i++) {
      t[i] = PointCodec.decompress(bytes, off += 32, false);
    }
    BigInteger tx = scalar(bytes, off += 32);
    BigInteger taux = scalar(bytes, off += 32);
    BigInteger mu = scalar(bytes, off += 32);
    GroupElement[] ls = new GroupElement[k];
    GroupElement[] rs = new GroupElement[k];
    for (int r = 0; r < k; r++) {
      ls[r] = PointCodec.decompress(bytes, off += 32, false);
      rs[r] = PointCodec.decompress(bytes, off += 32, false);
    }
    BigInteger a = scalar(bytes, off += 32);
    BigInteger b = scalar(bytes, off + 32);
    return new CircuitProof(ai, ao, s, t, tx, taux, mu, ls, rs, a, b);
  }

  private static BigInteger scalar(byte[] bytes, int off) throws ProofVerificationException {
    BigInteger v = ScalarField.fromBytes32(bytes, off);
    if (v == null) {
      throw new ProofVerificationException(
          Reason.SCALAR_OUT_OF_RANGE, "scalar at offset " + off + " is not below r");
    }
    return v;
  }
}
